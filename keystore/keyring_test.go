package keystore

import (
	"errors"
	"os"
	"os/exec"
	"regexp"
	"runtime"
	"slices"
	"strings"
	"testing"
	"time"

	gokeyring "github.com/zalando/go-keyring"
)

// testTimeout bounds each keychain call in tests: generous for a loaded
// machine, short enough that a hang is caught.
const testTimeout = 10 * time.Second

// systemKeyringForTest returns the real system keychain under a service name
// private to the test, and removes everything stored under it afterwards.
// Without a reachable keychain the test fails when CI=true and is skipped
// otherwise, saying how to run it. The quick check (go test -short) leaves
// these tests out.
func systemKeyringForTest(t *testing.T) (Keyring, string) {
	t.Helper()
	skipInShort(t)
	if runtime.GOOS == "linux" && os.Getenv("DBUS_SESSION_BUS_ADDRESS") == "" {
		keychainMissing(t, "DBUS_SESSION_BUS_ADDRESS is not set")
	}
	service := "entra-wizard-test-" + strings.NewReplacer("/", "-", " ", "_").Replace(t.Name())
	kr := SystemKeyring(service, testTimeout)
	if _, err := kr.Get("probe"); err != nil && !errors.Is(err, ErrNotFound) {
		keychainMissing(t, err.Error())
	}
	t.Cleanup(func() { _ = gokeyring.DeleteAll(service) })
	return kr, service
}

func keychainMissing(t *testing.T, why string) {
	t.Helper()
	msg := "no system keychain reachable (" + why + "); run the keystore tests with:\n" +
		"  dbus-run-session -- sh -c 'echo -n pw | gnome-keyring-daemon --unlock --components=secrets >/dev/null; go test ./keystore/'"
	if os.Getenv("CI") == "true" {
		t.Fatal(msg)
	}
	t.Skip(msg)
}

// skipInShort leaves a test that runs a real keychain out of the quick
// check (make check, go test -short).
func skipInShort(t *testing.T) {
	t.Helper()
	if testing.Short() {
		t.Skip("-short: this test needs a real keychain (make test runs it)")
	}
}

// needTools skips t in the quick check, or when a tool it runs is missing.
func needTools(t *testing.T, why string, tools ...string) {
	t.Helper()
	skipInShort(t)
	for _, tool := range tools {
		if _, err := exec.LookPath(tool); err != nil {
			t.Skipf("%s is needed %s", tool, why)
		}
	}
}

// generationSegment is the generation in the name of a chunk entry.
var generationSegment = regexp.MustCompile(`/[a-z0-9]{12}/part-`)

// accountsIn lists the account names stored under service, asking the
// keychain directly (listAccounts, per system) rather than through this
// package. The generation in chunk names reads "*": two generations side by
// side show as repeated names.
func accountsIn(t *testing.T, service string) []string {
	t.Helper()
	var accounts []string
	for _, v := range listAccounts(t, service) {
		accounts = append(accounts, generationSegment.ReplaceAllString(v, "/*/part-"))
	}
	slices.Sort(accounts)
	return accounts
}

func TestSystemKeyringRoundTrip(t *testing.T) {
	kr, service := systemKeyringForTest(t)
	if err := kr.Set("a/client-secret", "s3cret value"); err != nil {
		t.Fatalf("Set: %v", err)
	}
	got, err := kr.Get("a/client-secret")
	if err != nil || got != "s3cret value" {
		t.Fatalf("Get = %q, %v; want the value just set", got, err)
	}
	if raw, err := gokeyring.Get(service, "a/client-secret"); err != nil || raw != got {
		t.Fatalf("the value is not in the system keychain under service %q: %v", service, err)
	}
	if err := kr.Delete("a/client-secret"); err != nil {
		t.Fatalf("Delete: %v", err)
	}
	if _, err := kr.Get("a/client-secret"); !errors.Is(err, ErrNotFound) {
		t.Fatalf("Get after Delete: err = %v, want ErrNotFound", err)
	}
	if err := kr.Delete("a/client-secret"); !errors.Is(err, ErrNotFound) {
		t.Fatalf("second Delete: err = %v, want ErrNotFound", err)
	}
}

func TestChunkedValueRoundTripAndCleanup(t *testing.T) {
	kr, service := systemKeyringForTest(t)
	big := strings.Repeat("0123456789abcdef", 640) // 10 KB, like a large refresh token
	if err := writeValue(kr, "p/refresh-token", big); err != nil {
		t.Fatalf("writing 10 KB: %v", err)
	}
	want := []string{"p/refresh-token", "p/refresh-token/*/part-1", "p/refresh-token/*/part-2",
		"p/refresh-token/*/part-3", "p/refresh-token/*/part-4", "p/refresh-token/*/part-5",
		"p/refresh-token/*/part-6"}
	if got := accountsIn(t, service); !slices.Equal(got, want) {
		t.Fatalf("entries after a 10 KB write = %q, want %q", got, want)
	}
	head, _ := gokeyring.Get(service, "p/refresh-token")
	m, _, _ := parseManifest(head)
	for _, acc := range want {
		acc = strings.Replace(acc, "/*/", "/"+m.generation+"/", 1)
		v, err := gokeyring.Get(service, acc)
		if err != nil {
			t.Fatalf("reading %s straight from the keychain: %v", acc, err)
		}
		if len(v) > 2560 {
			t.Errorf("%s holds %d bytes, over the 2,560-byte Windows limit", acc, len(v))
		}
	}
	if got, err := readValue(kr, "p/refresh-token"); err != nil || got != big {
		t.Fatalf("reading back the 10 KB value: len %d, err %v; want it whole", len(got), err)
	}

	smaller := strings.Repeat("x", 3000)
	if err := writeValue(kr, "p/refresh-token", smaller); err != nil {
		t.Fatalf("overwriting with 3 KB: %v", err)
	}
	want = []string{"p/refresh-token", "p/refresh-token/*/part-1", "p/refresh-token/*/part-2"}
	if got := accountsIn(t, service); !slices.Equal(got, want) {
		t.Fatalf("entries after overwriting with fewer chunks = %q, want %q (no orphans)", got, want)
	}
	if got, _ := readValue(kr, "p/refresh-token"); got != smaller {
		t.Fatalf("reading back the 3 KB value gave %d bytes", len(got))
	}

	if err := writeValue(kr, "p/refresh-token", "short"); err != nil {
		t.Fatalf("overwriting with a short value: %v", err)
	}
	if got := accountsIn(t, service); !slices.Equal(got, []string{"p/refresh-token"}) {
		t.Fatalf("entries after overwriting with a short value = %q, want only the entry itself", got)
	}

	if err := writeValue(kr, "p/refresh-token", big); err != nil {
		t.Fatal(err)
	}
	if existed, err := deleteValue(kr, "p/refresh-token"); err != nil || !existed {
		t.Fatalf("deleteValue = %v, %v; want true, nil", existed, err)
	}
	if got := accountsIn(t, service); len(got) != 0 {
		t.Fatalf("entries after delete = %q, want none", got)
	}
}

func TestChunkedValueWithMissingPartIsReported(t *testing.T) {
	kr, service := systemKeyringForTest(t)
	if err := writeValue(kr, "p/refresh-token", strings.Repeat("z", 5000)); err != nil {
		t.Fatal(err)
	}
	head, _ := gokeyring.Get(service, "p/refresh-token")
	m, _, err := parseManifest(head)
	if err != nil {
		t.Fatal(err)
	}
	if err := gokeyring.Delete(service, chunkAccount("p/refresh-token", m.generation, 2)); err != nil {
		t.Fatal(err)
	}
	_, err = readValue(kr, "p/refresh-token")
	if !errors.Is(err, ErrNotFound) || !strings.Contains(err.Error(), "part 2 of 3") {
		t.Fatalf("reading a value with a lost part: err = %v; want ErrNotFound naming part 2 of 3", err)
	}
}

func TestValueLookingLikeManifestIsStoredSafely(t *testing.T) {
	kr, _ := systemKeyringForTest(t)
	tricky := manifestPrefix + "7"
	if err := writeValue(kr, "p/client-secret", tricky); err != nil {
		t.Fatal(err)
	}
	if got, err := readValue(kr, "p/client-secret"); err != nil || got != tricky {
		t.Fatalf("round trip of a manifest-like secret = %q, %v", got, err)
	}
}

func TestChunkedValueThatDoesNotAddUpIsRefused(t *testing.T) {
	kr, service := systemKeyringForTest(t)
	if err := writeValue(kr, "p/refresh-token", strings.Repeat("z", 5000)); err != nil {
		t.Fatal(err)
	}
	head, _ := gokeyring.Get(service, "p/refresh-token")
	m, _, _ := parseManifest(head)
	if err := gokeyring.Set(service, chunkAccount("p/refresh-token", m.generation, 2), strings.Repeat("y", chunkSize)); err != nil {
		t.Fatal(err)
	}
	got, err := readValue(kr, "p/refresh-token")
	if err == nil || !strings.Contains(err.Error(), "damaged") {
		t.Fatalf("reading a value with a replaced part gave %d bytes, err %v; want it refused as damaged", len(got), err)
	}
}

func TestValueInAnEarlierLayoutIsReadAndReplacedWithoutLeftovers(t *testing.T) {
	kr, service := systemKeyringForTest(t)
	old := strings.Repeat("a", chunkSize) + strings.Repeat("b", 100)
	for account, v := range map[string]string{
		"p/refresh-token":        manifestPrefix + "2",
		"p/refresh-token/part-1": old[:chunkSize],
		"p/refresh-token/part-2": old[chunkSize:],
	} {
		if err := gokeyring.Set(service, account, v); err != nil {
			t.Fatal(err)
		}
	}
	if got, err := readValue(kr, "p/refresh-token"); err != nil || got != old {
		t.Fatalf("reading an earlier version's chunks: %d bytes, err %v", len(got), err)
	}
	if err := writeValue(kr, "p/refresh-token", strings.Repeat("c", 2500)); err != nil {
		t.Fatal(err)
	}
	want := []string{"p/refresh-token", "p/refresh-token/*/part-1", "p/refresh-token/*/part-2"}
	if got := accountsIn(t, service); !slices.Equal(got, want) {
		t.Fatalf("entries after replacing an earlier layout = %q, want %q", got, want)
	}
}

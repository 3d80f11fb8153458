package keystore

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	gokeyring "github.com/zalando/go-keyring"
)

func testProfile(name string) Profile {
	return Profile{
		Name:      name,
		Cloud:     "global",
		Authority: "https://login.microsoftonline.com",
		Graph:     "https://graph.microsoft.com",
		Tenant:    "contoso.onmicrosoft.com",
		ClientID:  "11111111-2222-3333-4444-555555555555",
		Method:    MethodClientSecret,
	}
}

// openTestStore opens a Store in a fresh folder over the real system
// keychain, under a service name private to the test.
func openTestStore(t *testing.T) (*Store, string, string) {
	t.Helper()
	kr, service := systemKeyringForTest(t)
	dir := filepath.Join(t.TempDir(), "config")
	store, err := Open(dir, kr)
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	return store, dir, service
}

func TestSaveStoresSettingsAndSecretsApart(t *testing.T) {
	store, dir, service := openTestStore(t)
	const secret = "Abc8Q~not-a-real-secret-value-0123456789"
	expires := time.Date(2027, 5, 1, 0, 0, 0, 0, time.UTC)
	p := testProfile("Contoso production")
	p.SecretExpires = &expires

	saved, err := store.Save(p, Secrets{ClientSecret: secret})
	if err != nil {
		t.Fatalf("Save: %v", err)
	}
	settings := filepath.Join(dir, SettingsFileName)
	if saved.SettingsFile != settings {
		t.Errorf("Saved.SettingsFile = %q, want %q", saved.SettingsFile, settings)
	}
	if !strings.Contains(saved.Keychain, service) {
		t.Errorf("Saved.Keychain = %q, want it to name the service %q", saved.Keychain, service)
	}

	got, err := store.Get("Contoso production")
	if err != nil {
		t.Fatalf("Get: %v", err)
	}
	if got.Created.IsZero() {
		t.Error("Created was not set")
	}
	p.Created = got.Created
	if got.Tenant != p.Tenant || got.ClientID != p.ClientID || got.Method != p.Method ||
		got.Authority != p.Authority || got.Graph != p.Graph || got.Cloud != p.Cloud ||
		got.SecretExpires == nil || !got.SecretExpires.Equal(expires) {
		t.Errorf("Get = %+v, want %+v", got, p)
	}
	list, err := store.List()
	if err != nil || len(list) != 1 || list[0].Name != p.Name {
		t.Fatalf("List = %v, %v; want the one connection", list, err)
	}
	sec, err := store.Secrets("Contoso production")
	if err != nil || sec.ClientSecret != secret || sec.RefreshToken != "" {
		t.Fatalf("Secrets did not return the saved client secret (err %v)", err)
	}

	if raw, err := gokeyring.Get(service, "Contoso production/client-secret"); err != nil || raw != bindValue(DestinationOf(p), secret) {
		t.Errorf("the secret is not in the system keychain (err %v)", err)
	}
	data, err := os.ReadFile(settings)
	if err != nil {
		t.Fatal(err)
	}
	if bytes.Contains(data, []byte(secret)) {
		t.Fatal("the settings file contains the client secret")
	}
	assertMode(t, dir, 0o700)
	assertMode(t, settings, 0o600)
}

func assertMode(t *testing.T, path string, want os.FileMode) {
	t.Helper()
	if runtime.GOOS == "windows" {
		// Windows has no permission bits: the user profile's ACLs protect
		// the settings folder.
		return
	}
	info, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	if got := info.Mode().Perm(); got != want {
		t.Errorf("%s has mode %o, want %o", path, got, want)
	}
}

func TestBrowserConnectionKeepsRotatedRefreshToken(t *testing.T) {
	store, _, service := openTestStore(t)
	p := testProfile("delegated")
	p.Method = MethodBrowser
	first := strings.Repeat("r", 10*1024)
	if _, err := store.Save(p, Secrets{RefreshToken: first}); err != nil {
		t.Fatalf("Save: %v", err)
	}
	if n := len(accountsIn(t, service)); n != 7 {
		t.Fatalf("a 10 KB refresh token took %d keychain entries, want a manifest and 6 parts", n)
	}
	rotated := strings.Repeat("s", 2100)
	if err := store.SetRefreshToken("delegated", rotated); err != nil {
		t.Fatalf("SetRefreshToken: %v", err)
	}
	want := []string{"delegated/refresh-token", "delegated/refresh-token/*/part-1", "delegated/refresh-token/*/part-2"}
	if got := accountsIn(t, service); !slices.Equal(got, want) {
		t.Fatalf("entries after rotation = %q, want %q", got, want)
	}
	sec, err := store.Secrets("delegated")
	if err != nil || sec.RefreshToken != rotated {
		t.Fatalf("Secrets after rotation: err %v, token of %d bytes; want the rotated one", err, len(sec.RefreshToken))
	}
	if err := store.SetRefreshToken("nobody", "x"); !errors.Is(err, ErrNotFound) {
		t.Errorf("SetRefreshToken on a missing connection: err = %v, want ErrNotFound", err)
	}
}

func TestSaveAgainReplacesSecretsWithoutLeftovers(t *testing.T) {
	store, _, service := openTestStore(t)
	if _, err := store.Save(testProfile("work"), Secrets{ClientSecret: "one"}); err != nil {
		t.Fatal(err)
	}
	created, _ := store.Get("work")
	p := testProfile("work")
	p.Method = MethodBrowser
	if _, err := store.Save(p, Secrets{RefreshToken: "token"}); err != nil {
		t.Fatal(err)
	}
	if got := accountsIn(t, service); !slices.Equal(got, []string{"work/refresh-token"}) {
		t.Fatalf("entries after switching to browser sign-in = %q; the old client secret should be gone", got)
	}
	list, _ := store.List()
	if len(list) != 1 || list[0].Method != MethodBrowser || !list[0].Created.Equal(created.Created) {
		t.Fatalf("List = %+v; want one browser connection keeping its creation time", list)
	}
}

func TestDeleteLeavesNoEntries(t *testing.T) {
	store, _, service := openTestStore(t)
	p := testProfile("gone")
	if _, err := store.Save(p, Secrets{ClientSecret: "s", RefreshToken: strings.Repeat("t", 6000)}); err != nil {
		t.Fatal(err)
	}
	if _, err := store.Save(testProfile("kept"), Secrets{ClientSecret: "k"}); err != nil {
		t.Fatal(err)
	}
	if err := store.Delete("gone"); err != nil {
		t.Fatalf("Delete: %v", err)
	}
	if got := accountsIn(t, service); !slices.Equal(got, []string{"kept/client-secret"}) {
		t.Fatalf("entries after Delete = %q, want only the other connection's", got)
	}
	if _, err := store.Get("gone"); !errors.Is(err, ErrNotFound) {
		t.Errorf("Get after Delete: err = %v, want ErrNotFound", err)
	}
	if err := store.Delete("gone"); !errors.Is(err, ErrNotFound) {
		t.Errorf("second Delete: err = %v, want ErrNotFound", err)
	}
}

func TestRenameMovesSecrets(t *testing.T) {
	store, _, service := openTestStore(t)
	token := strings.Repeat("t", 4500)
	if _, err := store.Save(testProfile("old"), Secrets{ClientSecret: "s", RefreshToken: token}); err != nil {
		t.Fatal(err)
	}
	if _, err := store.Save(testProfile("taken"), Secrets{ClientSecret: "x"}); err != nil {
		t.Fatal(err)
	}
	if err := store.Rename("old", "taken"); !errors.Is(err, ErrExists) {
		t.Fatalf("Rename onto an existing name: err = %v, want ErrExists", err)
	}
	if err := store.Rename("missing", "new"); !errors.Is(err, ErrNotFound) {
		t.Fatalf("Rename of a missing connection: err = %v, want ErrNotFound", err)
	}
	if err := store.Rename("old", "bad\tname"); err == nil {
		t.Fatal("Rename accepted a name with a tab")
	}
	if err := store.Rename("old", "new"); err != nil {
		t.Fatalf("Rename: %v", err)
	}
	want := []string{"new/client-secret", "new/refresh-token", "new/refresh-token/*/part-1",
		"new/refresh-token/*/part-2", "new/refresh-token/*/part-3", "taken/client-secret"}
	if got := accountsIn(t, service); !slices.Equal(got, want) {
		t.Fatalf("entries after Rename = %q, want %q", got, want)
	}
	sec, err := store.Secrets("new")
	if err != nil || sec.ClientSecret != "s" || sec.RefreshToken != token {
		t.Fatalf("Secrets under the new name are not the old ones (err %v)", err)
	}
	if _, err := store.Get("old"); !errors.Is(err, ErrNotFound) {
		t.Errorf("Get of the old name: err = %v, want ErrNotFound", err)
	}
}

func TestFailedSettingsWriteTakesSecretsBack(t *testing.T) {
	store, _, service := openTestStore(t)
	if _, err := store.Save(testProfile("kept"), Secrets{ClientSecret: "first"}); err != nil {
		t.Fatal(err)
	}
	// A full disk or a settings file made read-only cannot be arranged
	// portably (tests may run as root), so the write is made to fail.
	store.writeSettings = func(string, []Profile) error { return errors.New("disk full") }

	_, err := store.Save(testProfile("new"), Secrets{ClientSecret: "s", RefreshToken: strings.Repeat("t", 3000)})
	if err == nil || !strings.Contains(err.Error(), "nothing was saved") {
		t.Fatalf("Save with a failing settings write: err = %v; want a failure saying nothing was saved", err)
	}
	if got := accountsIn(t, service); !slices.Equal(got, []string{"kept/client-secret"}) {
		t.Fatalf("entries after the failed save of a new connection = %q; want only the earlier one", got)
	}

	replaced := testProfile("kept")
	replaced.Method = MethodBrowser
	if _, err := store.Save(replaced, Secrets{RefreshToken: "second"}); err == nil {
		t.Fatal("Save succeeded with a failing settings write")
	}
	sec, err := store.Secrets("kept")
	if err != nil || sec.ClientSecret != "first" || sec.RefreshToken != "" {
		t.Fatalf("after a failed replace, the earlier secrets should be back (err %v)", err)
	}
	if got := accountsIn(t, service); !slices.Equal(got, []string{"kept/client-secret"}) {
		t.Fatalf("entries after the failed replace = %q; want the earlier one only", got)
	}
}

// TestCopiesOfTheProgramDoNotLoseEachOthersChanges saves from two Stores on
// one folder at once, as the app and the command line would.
func TestCopiesOfTheProgramDoNotLoseEachOthersChanges(t *testing.T) {
	dir := t.TempDir()
	kr := MemoryKeyring()
	var stores [2]*Store
	for i := range stores {
		s, err := Open(dir, kr)
		if err != nil {
			t.Fatal(err)
		}
		stores[i] = s
	}
	const each = 15
	var wg sync.WaitGroup
	for i, s := range stores {
		wg.Go(func() {
			for j := range each {
				if _, err := s.Save(testProfile(fmt.Sprintf("copy%d-%d", i, j)), Secrets{ClientSecret: "s"}); err != nil {
					t.Errorf("Save: %v", err)
				}
			}
		})
	}
	wg.Wait()
	list, err := stores[0].List()
	if err != nil || len(list) != 2*each {
		t.Fatalf("List has %d connections (err %v), want %d: a concurrent save was lost", len(list), err, 2*each)
	}
}

func TestSecretsReportsEntryMissingFromKeychain(t *testing.T) {
	store, _, service := openTestStore(t)
	if _, err := store.Save(testProfile("work"), Secrets{ClientSecret: "s"}); err != nil {
		t.Fatal(err)
	}
	if err := gokeyring.Delete(service, "work/client-secret"); err != nil {
		t.Fatal(err)
	}
	_, err := store.Secrets("work")
	if !errors.Is(err, ErrNotFound) || !strings.Contains(err.Error(), "client secret") {
		t.Fatalf("Secrets with the entry gone: err = %v; want ErrNotFound naming the client secret", err)
	}
}

func TestInvalidProfileIsRefusedBeforeKeychain(t *testing.T) {
	store, _, service := openTestStore(t)
	for _, c := range []struct {
		name string
		p    Profile
		s    Secrets
	}{
		{"empty name", testProfile(""), Secrets{ClientSecret: "s"}},
		{"no secret", testProfile("a"), Secrets{}},
		{"browser without token", func() Profile { p := testProfile("b"); p.Method = MethodBrowser; return p }(), Secrets{ClientSecret: "s"}},
		{"unknown method", func() Profile { p := testProfile("c"); p.Method = "passkey"; return p }(), Secrets{ClientSecret: "s"}},
		{"certificate without key", func() Profile {
			p := testProfile("e")
			p.Method, p.Certificate = MethodCertificate, &CertificateSettings{DER: []byte{1}, Thumbprint: "AB"}
			return p
		}(), Secrets{}},
		{"key without certificate", func() Profile { p := testProfile("f"); p.Method = MethodCertificate; return p }(), Secrets{CertificateKey: "k"}},
		{"no tenant", func() Profile { p := testProfile("d"); p.Tenant = ""; return p }(), Secrets{ClientSecret: "s"}},
	} {
		if _, err := store.Save(c.p, c.s); err == nil {
			t.Errorf("%s: Save succeeded", c.name)
		}
	}
	if got := accountsIn(t, service); len(got) != 0 {
		t.Fatalf("refused saves left keychain entries %q", got)
	}
}

// TestSettingsFileIsReplacedAtomically reads the settings file while it is
// rewritten many times: every read must see one whole JSON document.
func TestSettingsFileIsReplacedAtomically(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, SettingsFileName)
	done := make(chan struct{})
	go func() {
		defer close(done)
		for i := range 200 {
			profiles := make([]Profile, i%20+1)
			for j := range profiles {
				profiles[j] = testProfile(strings.Repeat("n", j+1))
			}
			if err := writeSettings(path, profiles); err != nil {
				t.Errorf("write %d: %v", i, err)
				return
			}
		}
	}()
	reads := 0
	for running := true; running; {
		select {
		case <-done:
			running = false
		default:
		}
		data, err := os.ReadFile(path)
		if errors.Is(err, os.ErrNotExist) {
			continue
		}
		if err != nil {
			t.Fatal(err)
		}
		var doc settingsFile
		if err := json.Unmarshal(data, &doc); err != nil {
			t.Fatalf("read %d saw a partial settings file: %v", reads, err)
		}
		reads++
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Fatalf("folder holds %d files after the writes, want only %s (no temporary files)", len(entries), SettingsFileName)
	}
}

func TestOpenReportsDamagedSettings(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, SettingsFileName)
	if err := os.WriteFile(path, []byte(`{"version":1,"connections":[{"name":`), 0o600); err != nil {
		t.Fatal(err)
	}
	_, err := Open(dir, MemoryKeyring())
	if err == nil || !strings.Contains(err.Error(), "damaged") || !strings.Contains(err.Error(), path) {
		t.Fatalf("Open of a damaged file: err = %v; want it to say the file at %s is damaged", err, path)
	}
}

func TestDefaultDirHonoursEnvironment(t *testing.T) {
	t.Setenv(ConfigDirEnv, "/srv/wizard-config")
	if dir, err := DefaultDir(); err != nil || dir != "/srv/wizard-config" {
		t.Fatalf("DefaultDir = %q, %v; want the folder from %s", dir, err, ConfigDirEnv)
	}
	t.Setenv(ConfigDirEnv, "")
	t.Setenv("XDG_CONFIG_HOME", "/home/admin/.config")
	t.Setenv("HOME", "/home/admin")
	dir, err := DefaultDir()
	if err != nil || filepath.Base(dir) != "entra-wizard" {
		t.Fatalf("DefaultDir = %q, %v; want an entra-wizard folder in the user config directory", dir, err)
	}
}

func TestLockFileLeftByAKilledProgramDoesNotBlock(t *testing.T) {
	dir := t.TempDir()
	store, err := Open(dir, MemoryKeyring())
	if err != nil {
		t.Fatal(err)
	}
	// A program killed while it held the lock leaves the lock file behind,
	// as fresh as it was; only the lock itself dies with the program.
	lock := filepath.Join(dir, SettingsFileName+".lock")
	if err := os.WriteFile(lock, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	if _, err := store.Save(testProfile("after crash"), Secrets{ClientSecret: "s"}); err != nil {
		t.Fatalf("Save with a lock file left by a killed program: %v", err)
	}
}

func TestOpenMakesAnOpenedUpFolderPrivateAgain(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("Windows protects the folder with the user profile's ACLs, not mode bits")
	}
	dir := filepath.Join(t.TempDir(), "config")
	if _, err := Open(dir, MemoryKeyring()); err != nil {
		t.Fatal(err)
	}
	settings := filepath.Join(dir, SettingsFileName)
	if err := writeSettings(settings, []Profile{testProfile("Contoso")}); err != nil {
		t.Fatal(err)
	}
	// Opened up by hand, or by another tool, between two starts.
	if err := os.Chmod(dir, 0o777); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(settings, 0o666); err != nil {
		t.Fatal(err)
	}
	if _, err := Open(dir, MemoryKeyring()); err != nil {
		t.Fatalf("Open of a folder with mode 0777: %v", err)
	}
	for path, want := range map[string]os.FileMode{dir: 0o700, settings: 0o600} {
		info, err := os.Stat(path)
		if err != nil {
			t.Fatal(err)
		}
		if got := info.Mode().Perm(); got != want {
			t.Errorf("%s has mode %04o after Open, want %04o", path, got, want)
		}
	}
}

func TestOpenRefusesASharedFolder(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("Windows protects the folder with the user profile's ACLs, not mode bits")
	}
	dir := filepath.Join(t.TempDir(), "shared")
	if err := os.Mkdir(dir, 0o700); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(dir, 0o777|os.ModeSticky); err != nil {
		t.Fatal(err)
	}
	_, err := Open(dir, MemoryKeyring())
	if err == nil || !strings.Contains(err.Error(), "shared with other users") || !strings.Contains(err.Error(), ConfigDirEnv) {
		t.Fatalf("Open of a shared folder (like /tmp): err = %v; want a refusal that says how to choose another", err)
	}
	if info, _ := os.Stat(dir); info.Mode()&os.ModeSticky == 0 || info.Mode().Perm() != 0o777 {
		t.Errorf("Open changed the shared folder to %v", info.Mode())
	}
}

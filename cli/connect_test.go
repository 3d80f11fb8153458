package cli

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/entra-wizard/entra-wizard/demotenant"
	"github.com/entra-wizard/entra-wizard/demotenant/demotest"
	"github.com/entra-wizard/entra-wizard/keystore"
)

// connectFixture is a demo tenant on loopback plus a settings folder and
// keyring of the test's own; commands run in-process against them.
type connectFixture struct {
	srv     *demotenant.Server
	info    demotenant.Info
	dir     string
	keyring keystore.Keyring
	deps    connectionDeps
}

func newConnectFixture(t *testing.T, opts demotenant.Options) *connectFixture {
	t.Helper()
	srv := demotest.Start(t, opts)
	f := &connectFixture{
		srv:     srv,
		info:    srv.Info(),
		dir:     filepath.Join(t.TempDir(), "config"),
		keyring: keystore.MemoryKeyring(),
	}
	f.deps = connectionDeps{
		openStore:    func() (*keystore.Store, error) { return keystore.Open(f.dir, f.keyring) },
		httpClient:   &http.Client{Timeout: 30 * time.Second},
		openURL:      demotest.Browse,
		loginTimeout: 30 * time.Second,
	}
	return f
}

// cmdResult is what one command run printed and returned.
type cmdResult struct {
	code           int
	stdout, stderr string
}

// run runs connect or status with stdin and args.
func (f *connectFixture) run(t *testing.T, cmd func(context.Context, []string, Env, connectionDeps) int, stdin string, args ...string) cmdResult {
	t.Helper()
	var out, errOut bytes.Buffer
	env := Env{
		Stdin:  strings.NewReader(stdin),
		Stdout: &out,
		Stderr: &errOut,
		Getenv: func(string) string { return "" },
	}
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	code := cmd(ctx, args, env, f.deps)
	return cmdResult{code: code, stdout: out.String(), stderr: errOut.String()}
}

// endpointArgs point a command at the demo tenant.
func (f *connectFixture) endpointArgs() []string {
	return []string{"--authority", f.info.Authority, "--graph", f.info.Graph}
}

func (f *connectFixture) connectSecret(t *testing.T, name, clientID, secret string, extra ...string) cmdResult {
	t.Helper()
	args := append([]string{"--name", name, "--tenant", f.info.TenantID, "--client-id", clientID,
		"--client-secret-stdin"}, f.endpointArgs()...)
	return f.run(t, runConnect, secret+"\n", append(args, extra...)...)
}

func (f *connectFixture) store(t *testing.T) *keystore.Store {
	t.Helper()
	s, err := f.deps.openStore()
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// jsonFields are exactly the fields DESIGN.md gives for --json, and
// optionalJSONFields those it adds when known (the credential's expiry,
// the certificate's thumbprint).
var (
	jsonFields = []string{"clientId", "cloud", "credential", "error", "grantedPermissions", "method",
		"missingPermissions", "name", "ok", "organization", "tenantId"}
	optionalJSONFields = []string{"certificateThumbprint", "credentialExpires", "secretExpires"}
)

// decodeResult decodes one --json object, checking it has exactly the
// agreed fields.
func decodeResult(t *testing.T, data []byte) connectionResult {
	t.Helper()
	var fields map[string]json.RawMessage
	if err := json.Unmarshal(data, &fields); err != nil {
		t.Fatalf("output is not one JSON object: %v\n%s", err, data)
	}
	var keys []string
	for k := range fields {
		if !slices.Contains(optionalJSONFields, k) {
			keys = append(keys, k)
		}
	}
	slices.Sort(keys)
	if !slices.Equal(keys, jsonFields) {
		t.Fatalf("JSON fields = %v, want exactly %v", keys, jsonFields)
	}
	var r connectionResult
	if err := json.Unmarshal(data, &r); err != nil {
		t.Fatal(err)
	}
	return r
}

func TestConnectSavesAWorkingConnection(t *testing.T) {
	f := newConnectFixture(t, demotenant.Options{})
	res := f.connectSecret(t, "Contoso demo", f.info.ClientID, f.info.ClientSecret, "--json")
	if res.code != 0 {
		t.Fatalf("connect exit code = %d, want 0\nstdout: %s\nstderr: %s", res.code, res.stdout, res.stderr)
	}
	r := decodeResult(t, []byte(res.stdout))
	if !r.OK || r.Error != nil || r.Organization == "" || r.TenantID != f.info.TenantID ||
		r.ClientID != f.info.ClientID || r.Method != keystore.MethodClientSecret || r.Cloud != keystore.CloudCustom {
		t.Fatalf("connect result = %+v", r)
	}
	if !slices.Contains(r.GrantedPermissions, "User.ReadWrite.All") {
		t.Errorf("grantedPermissions = %v, want the app's roles", r.GrantedPermissions)
	}

	store := f.store(t)
	p, err := store.Get("Contoso demo")
	if err != nil {
		t.Fatalf("the connection was not saved: %v", err)
	}
	if p.Tenant != f.info.TenantID || p.Authority != f.info.Authority || p.Graph != f.info.Graph {
		t.Errorf("saved settings = %+v", p)
	}
	if sec, err := store.Secrets("Contoso demo"); err != nil || sec.ClientSecret != f.info.ClientSecret {
		t.Errorf("the client secret was not saved in the keyring (err %v)", err)
	}

	status := f.run(t, runStatus, "", "--json")
	if status.code != 0 {
		t.Fatalf("status exit code = %d, want 0\n%s%s", status.code, status.stdout, status.stderr)
	}
	var list []json.RawMessage
	if err := json.Unmarshal([]byte(status.stdout), &list); err != nil || len(list) != 1 {
		t.Fatalf("status --json = %s; want an array of one object", status.stdout)
	}
	if s := decodeResult(t, list[0]); !s.OK || s.Name != "Contoso demo" || s.Organization != r.Organization {
		t.Fatalf("status result = %+v", s)
	}
}

func TestConnectReadableReport(t *testing.T) {
	f := newConnectFixture(t, demotenant.Options{})
	res := f.connectSecret(t, "Contoso demo", f.info.ClientID, f.info.ClientSecret)
	if res.code != 0 {
		t.Fatalf("connect exit code = %d\n%s%s", res.code, res.stdout, res.stderr)
	}
	for _, want := range []string{"✓ Contoso demo: connected to", "Granted permissions:", "Saved \"Contoso demo\"", keystore.SettingsFileName, keystore.SettingsProtection()} {
		if !strings.Contains(res.stdout, want) {
			t.Errorf("report lacks %q:\n%s", want, res.stdout)
		}
	}
}

func TestConnectWrongSecretSavesNothing(t *testing.T) {
	f := newConnectFixture(t, demotenant.Options{})
	res := f.connectSecret(t, "wrong", f.info.ClientID, "Xyz8Q~this-is-not-the-right-secret-000", "--json")
	if res.code != 1 {
		t.Fatalf("exit code = %d, want 1\n%s%s", res.code, res.stdout, res.stderr)
	}
	r := decodeResult(t, []byte(res.stdout))
	if r.OK || r.Error == nil || r.Error.Code != "AADSTS7000215" {
		t.Fatalf("result = %+v; want a failure with code AADSTS7000215", r)
	}
	if !strings.Contains(r.Error.Hint, "Value") {
		t.Errorf("hint = %q; want the advice to copy the secret's Value", r.Error.Hint)
	}
	assertNothingSaved(t, f, "wrong")

	text := f.connectSecret(t, "wrong", f.info.ClientID, "Xyz8Q~this-is-not-the-right-secret-000")
	for _, want := range []string{"AADSTS7000215", "What to do:", "Nothing was saved."} {
		if !strings.Contains(text.stdout, want) {
			t.Errorf("readable report lacks %q:\n%s", want, text.stdout)
		}
	}
}

func assertNothingSaved(t *testing.T, f *connectFixture, name string) {
	t.Helper()
	if list, err := f.store(t).List(); err != nil || len(list) != 0 {
		t.Errorf("saved connections = %v, %v; want none", list, err)
	}
	for _, acc := range []string{name + "/client-secret", name + "/refresh-token"} {
		if _, err := f.keyring.Get(acc); !errors.Is(err, keystore.ErrNotFound) {
			t.Errorf("keyring entry %q exists (err %v); want nothing saved", acc, err)
		}
	}
}

func TestConnectReadOnlyAppListsMissingPermissions(t *testing.T) {
	f := newConnectFixture(t, demotenant.Options{Scenario: demotenant.ScenarioReadOnly})
	res := f.connectSecret(t, "read only", f.info.ClientID, f.info.ClientSecret, "--json")
	r := decodeResult(t, []byte(res.stdout))
	for _, perm := range []string{"User.ReadWrite.All", "Group.ReadWrite.All", "GroupMember.ReadWrite.All"} {
		if !slices.Contains(r.MissingPermissions, perm) {
			t.Errorf("missingPermissions = %v, want %s listed", r.MissingPermissions, perm)
		}
	}
	if !slices.Contains(r.GrantedPermissions, "User.Read.All") {
		t.Errorf("grantedPermissions = %v, want User.Read.All", r.GrantedPermissions)
	}
	// Reading works, so the connection passes and is saved; the missing
	// permissions are listed for the admin to add later.
	if res.code != 0 || !r.OK {
		t.Fatalf("exit code = %d, ok = %v; want a passing test that lists what is missing\n%s", res.code, r.OK, res.stderr)
	}
	if _, err := f.store(t).Get("read only"); err != nil {
		t.Errorf("the read-only connection was not saved: %v", err)
	}
}

func TestConnectNoConsentFailsWithFix(t *testing.T) {
	f := newConnectFixture(t, demotenant.Options{Scenario: demotenant.ScenarioNoConsent})
	res := f.connectSecret(t, "no consent", f.info.ClientID, f.info.ClientSecret, "--json")
	if res.code != 1 {
		t.Fatalf("exit code = %d, want 1\n%s%s", res.code, res.stdout, res.stderr)
	}
	r := decodeResult(t, []byte(res.stdout))
	if r.OK || r.Error == nil || r.Error.Hint == "" || len(r.GrantedPermissions) != 0 {
		t.Fatalf("result = %+v; want a failure with a fix and nothing granted", r)
	}
	assertNothingSaved(t, f, "no consent")
}

func TestConnectBadInputStopsBeforeAnyRequest(t *testing.T) {
	f := newConnectFixture(t, demotenant.Options{})
	good := func(over ...string) []string {
		args := map[string]string{"--name": "work", "--tenant": f.info.TenantID, "--client-id": f.info.ClientID,
			"--authority": f.info.Authority, "--graph": f.info.Graph}
		for i := 0; i+1 < len(over); i += 2 {
			args[over[i]] = over[i+1]
		}
		var out []string
		for _, k := range []string{"--name", "--tenant", "--client-id", "--authority", "--graph"} {
			if args[k] != "" {
				out = append(out, k, args[k])
			}
		}
		return out
	}
	for _, c := range []struct {
		name  string
		stdin string
		args  []string
		want  string
	}{
		{"malformed client ID", "s", append(good("--client-id", "my-app"), "--client-secret-stdin"), "client ID should look like"},
		{"secret as client ID", "s", append(good("--client-id", "Abc8Q~aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"), "--client-secret-stdin"), "looks like a client secret"},
		{"malformed tenant", "s", append(good("--tenant", "not a tenant!"), "--client-secret-stdin"), "--tenant"},
		{"tenant as URL", "s", append(good("--tenant", "https://login.microsoftonline.com/x"), "--client-secret-stdin"), "web address"},
		{"missing name", "s", append(good("--name", ""), "--client-secret-stdin"), "missing --name"},
		{"name with a line break", "s", append(good("--name", "a\nb"), "--client-secret-stdin"), "--name"},
		{"no sign-in method", "s", good(), "--client-secret-stdin, --browser, --certificate or --new-certificate"},
		{"both sign-in methods", "s", append(good(), "--client-secret-stdin", "--browser"), "--client-secret-stdin, --browser, --certificate or --new-certificate"},
		{"secret and certificate", "s", append(good(), "--client-secret-stdin", "--certificate", "app.pfx"), "choose one way to sign in"},
		{"authority without graph", "s", append(good("--graph", ""), "--client-secret-stdin"), "go together"},
		{"plain http off this computer", "s", append(good("--authority", "http://login.example.com"), "--client-secret-stdin"), "plain http"},
		{"unknown cloud", "s", []string{"--name", "w", "--tenant", "contoso.com", "--client-id", f.info.ClientID, "--cloud", "mars", "--client-secret-stdin"}, "unknown cloud"},
		{"cloud with custom endpoints", "s", append(good(), "--cloud", "china", "--client-secret-stdin"), "do not go together"},
		{"empty secret", "  \n", append(good(), "--client-secret-stdin"), "standard input was empty"},
		{"unknown flag", "s", append(good(), "--client-secret-stdin", "--verbose"), "flag provided but not defined"},
		{"extra argument", "s", append(good(), "--client-secret-stdin", "extra"), "unexpected argument"},
	} {
		t.Run(c.name, func(t *testing.T) {
			res := f.run(t, runConnect, c.stdin, c.args...)
			if res.code != 2 {
				t.Fatalf("exit code = %d, want 2\nstdout: %s\nstderr: %s", res.code, res.stdout, res.stderr)
			}
			if !strings.Contains(res.stderr, c.want) {
				t.Errorf("stderr = %q; want it to say %q", res.stderr, c.want)
			}
			if res.stdout != "" {
				t.Errorf("stdout = %q; want nothing", res.stdout)
			}
		})
	}
	if n := f.srv.Requests(); n != 0 {
		t.Fatalf("the demo tenant served %d requests; bad input must stop before any", n)
	}
	if _, err := os.Stat(f.dir); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("the settings folder was created for bad input (stat: %v)", err)
	}
}

func TestConnectAndStatusHelp(t *testing.T) {
	for _, c := range []struct {
		name string
		run  func(context.Context, []string, Env) int
		want string
	}{
		{"connect", RunConnect, "--client-secret-stdin"},
		{"status", RunStatus, "--name NAME"},
	} {
		var out, errOut bytes.Buffer
		code := c.run(context.Background(), []string{"--help"}, Env{Stdout: &out, Stderr: &errOut})
		if code != 0 || !strings.Contains(out.String(), c.want) || errOut.Len() != 0 {
			t.Errorf("%s --help = %d, %q, %q", c.name, code, out.String(), errOut.String())
		}
	}
}

func TestConnectWarnsWhenSecretLooksLikeItsID(t *testing.T) {
	f := newConnectFixture(t, demotenant.Options{})
	res := f.connectSecret(t, "work", f.info.ClientID, "0b9f5e3c-8a1d-4c2e-9f70-1d2c3b4a5e6f", "--json")
	if !strings.Contains(res.stderr, "Warning") || !strings.Contains(res.stderr, "Value") {
		t.Errorf("stderr = %q; want a warning that this may be the secret's ID, not its Value", res.stderr)
	}
	if res.code != 1 {
		t.Errorf("exit code = %d, want 1 (the demo tenant refuses the ID as a secret)", res.code)
	}
}

func TestConnectWithoutKeychainSavesNothing(t *testing.T) {
	f := newConnectFixture(t, demotenant.Options{})
	// A keychain whose D-Bus session cannot be reached: the real go-keyring
	// path, failing the way it does on a desktop without a Secret Service.
	t.Setenv("DBUS_SESSION_BUS_ADDRESS", "unix:path="+filepath.Join(t.TempDir(), "no-bus"))
	f.keyring = keystore.SystemKeyring("entra-wizard-test-cli", 5*time.Second)
	res := f.connectSecret(t, "work", f.info.ClientID, f.info.ClientSecret)
	if res.code != 1 {
		t.Fatalf("exit code = %d, want 1\n%s%s", res.code, res.stdout, res.stderr)
	}
	for _, want := range []string{"no system keychain is available", "nothing was saved", "What to do:"} {
		if !strings.Contains(res.stdout, want) {
			t.Errorf("report lacks %q:\n%s", want, res.stdout)
		}
	}
	if _, err := os.Stat(filepath.Join(f.dir, keystore.SettingsFileName)); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("a settings file was written without a keychain (stat: %v)", err)
	}
}

package cli

import (
	"bytes"
	"encoding/json"
	"log"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/entra-wizard/entra-wizard/demotenant"
	"github.com/entra-wizard/entra-wizard/keystore"
)

func decodeResults(t *testing.T, out string) []connectionResult {
	t.Helper()
	var raw []json.RawMessage
	if err := json.Unmarshal([]byte(out), &raw); err != nil {
		t.Fatalf("status --json did not print a JSON array: %v\n%s", err, out)
	}
	results := make([]connectionResult, len(raw))
	for i, r := range raw {
		results[i] = decodeResult(t, r)
	}
	return results
}

func TestStatusTestsEverySavedConnection(t *testing.T) {
	f := newConnectFixture(t, demotenant.Options{})
	if res := f.connectSecret(t, "good", f.info.ClientID, f.info.ClientSecret); res.code != 0 {
		t.Fatalf("connect: %d\n%s%s", res.code, res.stdout, res.stderr)
	}
	// A connection whose secret was revoked since it was saved.
	stale := keystore.Profile{Name: "stale", Cloud: keystore.CloudCustom, Authority: f.info.Authority,
		Graph: f.info.Graph, Tenant: f.info.TenantID, ClientID: f.info.ClientID, Method: keystore.MethodClientSecret}
	if _, err := f.store(t).Save(stale, keystore.Secrets{ClientSecret: "Old8Q~revoked-secret-value-000000000000"}); err != nil {
		t.Fatal(err)
	}

	res := f.run(t, runStatus, "", "--json")
	if res.code != 1 {
		t.Fatalf("status exit code = %d, want 1 when one connection fails\n%s%s", res.code, res.stdout, res.stderr)
	}
	results := decodeResults(t, res.stdout)
	if len(results) != 2 || results[0].Name != "good" || results[1].Name != "stale" {
		t.Fatalf("status results = %+v; want good and stale in saved order", results)
	}
	if !results[0].OK {
		t.Errorf("good connection: %+v", results[0])
	}
	if r := results[1]; r.OK || r.Error == nil || r.Error.Code != "AADSTS7000215" {
		t.Errorf("stale connection: %+v; want AADSTS7000215", r)
	}

	one := f.run(t, runStatus, "", "--name", "good")
	if one.code != 0 || !strings.Contains(one.stdout, "✓ good") || strings.Contains(one.stdout, "stale") {
		t.Fatalf("status --name good = %d:\n%s%s", one.code, one.stdout, one.stderr)
	}
}

func TestStatusWithNothingToTest(t *testing.T) {
	f := newConnectFixture(t, demotenant.Options{})
	res := f.run(t, runStatus, "")
	if res.code != 1 || !strings.Contains(res.stdout, "No connections are saved") {
		t.Errorf("status with no connections = %d, %q", res.code, res.stdout)
	}
	res = f.run(t, runStatus, "", "--json")
	if res.code != 1 || strings.TrimSpace(res.stdout) != "[]" {
		t.Errorf("status --json with no connections = %d, %q; want [] and 1", res.code, res.stdout)
	}
	res = f.run(t, runStatus, "", "--name", "missing")
	if res.code != 1 || !strings.Contains(res.stderr, `no saved connection is called "missing"`) {
		t.Errorf("status --name missing = %d, %q", res.code, res.stderr)
	}
	res = f.run(t, runStatus, "", "extra")
	if res.code != 2 || !strings.Contains(res.stderr, "unexpected argument") {
		t.Errorf("status extra = %d, %q; want 2", res.code, res.stderr)
	}
	if n := f.srv.Requests(); n != 0 {
		t.Errorf("status made %d requests with nothing to test", n)
	}
}

func TestStatusExplainsDemoAndMissingSecret(t *testing.T) {
	f := newConnectFixture(t, demotenant.Options{})
	store := f.store(t)
	demo := keystore.Profile{Name: "demo", Cloud: keystore.CloudDemo, Tenant: f.info.TenantID,
		ClientID: f.info.ClientID, Method: keystore.MethodClientSecret}
	if _, err := store.Save(demo, keystore.Secrets{ClientSecret: "x"}); err != nil {
		t.Fatal(err)
	}
	lost := demo
	lost.Name, lost.Cloud, lost.Authority, lost.Graph = "lost", keystore.CloudCustom, f.info.Authority, f.info.Graph
	if _, err := store.Save(lost, keystore.Secrets{ClientSecret: "x"}); err != nil {
		t.Fatal(err)
	}
	if err := f.keyring.Delete("lost/client-secret"); err != nil {
		t.Fatal(err)
	}
	res := f.run(t, runStatus, "", "--json")
	results := decodeResults(t, res.stdout)
	if len(results) != 2 || res.code != 1 {
		t.Fatalf("status = %d, %+v", res.code, results)
	}
	if e := results[0].Error; e == nil || !strings.Contains(e.Message, "entra-wizard --demo") {
		t.Errorf("demo connection error = %+v; want the advice to open it with --demo", e)
	}
	if e := results[1].Error; e == nil || !strings.Contains(e.Message, "missing from the keychain") {
		t.Errorf("connection without its secret: error = %+v", e)
	}
	if n := f.srv.Requests(); n != 0 {
		t.Errorf("status made %d requests for connections it could not test", n)
	}
}

func TestBrowserConnectionSignsInAndRenews(t *testing.T) {
	f := newConnectFixture(t, demotenant.Options{AutoSignIn: true})
	args := append([]string{"--name", "admin", "--tenant", f.info.TenantID, "--client-id", f.info.PublicClientID,
		"--browser", "--json"}, f.endpointArgs()...)
	res := f.run(t, runConnect, "", args...)
	if res.code != 0 {
		t.Fatalf("connect --browser exit code = %d\n%s%s", res.code, res.stdout, res.stderr)
	}
	if !strings.Contains(res.stderr, "Opening the browser") || !strings.Contains(res.stderr, f.info.Authority) {
		t.Errorf("stderr = %q; want the sign-in link shown", res.stderr)
	}
	r := decodeResult(t, []byte(res.stdout))
	if !r.OK || r.Method != keystore.MethodBrowser {
		t.Fatalf("result = %+v", r)
	}
	store := f.store(t)
	first, err := store.Secrets("admin")
	if err != nil || first.RefreshToken == "" || first.ClientSecret != "" {
		t.Fatalf("a browser connection must keep its refresh token only (err %v)", err)
	}

	status := f.run(t, runStatus, "", "--json", "--name", "admin")
	if status.code != 0 {
		t.Fatalf("status exit code = %d\n%s%s", status.code, status.stdout, status.stderr)
	}
	if results := decodeResults(t, status.stdout); len(results) != 1 || !results[0].OK {
		t.Fatalf("status results = %+v", results)
	}
	renewed, err := store.Secrets("admin")
	if err != nil || renewed.RefreshToken == "" || renewed.RefreshToken == first.RefreshToken {
		t.Fatalf("after status, the saved refresh token should be the rotated one (err %v)", err)
	}
	again := f.run(t, runStatus, "", "--name", "admin")
	if again.code != 0 {
		t.Fatalf("a second status with the rotated token failed: %d\n%s%s", again.code, again.stdout, again.stderr)
	}
}

// TestSecretsStayOutOfFilesOutputAndLogs runs every path that handles the
// secret and then looks for it everywhere the program writes.
func TestSecretsStayOutOfFilesOutputAndLogs(t *testing.T) {
	var logs bytes.Buffer
	log.SetOutput(&logs)
	t.Cleanup(func() { log.SetOutput(os.Stderr) })

	f := newConnectFixture(t, demotenant.Options{})
	secret := f.info.ClientSecret
	wrong := "Bad8Q~wrong-secret-that-must-not-leak-0000"
	var printed strings.Builder
	for _, res := range []cmdResult{
		f.connectSecret(t, "work", f.info.ClientID, secret),
		f.connectSecret(t, "work2", f.info.ClientID, secret, "--json"),
		f.connectSecret(t, "bad", f.info.ClientID, wrong),
		f.connectSecret(t, "bad", f.info.ClientID, wrong, "--json"),
		f.run(t, runStatus, ""),
		f.run(t, runStatus, "", "--json"),
	} {
		printed.WriteString(res.stdout + res.stderr)
	}
	settings, err := os.ReadFile(filepath.Join(f.dir, keystore.SettingsFileName))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(settings), "work2") {
		t.Fatal("the settings file does not hold the saved connections; the check below would prove nothing")
	}
	for _, s := range []string{secret, wrong} {
		if strings.Contains(string(settings), s) {
			t.Error("a client secret is in the settings file")
		}
		if strings.Contains(printed.String(), s) {
			t.Error("a client secret was printed by connect or status")
		}
		if strings.Contains(logs.String(), s) {
			t.Error("a client secret was logged")
		}
	}
}

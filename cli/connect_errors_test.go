package cli

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/entra-wizard/entra-wizard/demotenant"
	"github.com/entra-wizard/entra-wizard/demotenant/demotest"
)

// TestConnectReportsEntraErrorsWithHints runs connect into the Entra errors
// an admin meets during setup and checks each comes back with its AADSTS
// code and a hint, and that nothing is saved.
func TestConnectReportsEntraErrorsWithHints(t *testing.T) {
	f := newConnectFixture(t, demotenant.Options{})
	main, orphan := demotest.App(t, f.info, "Entra Setup Wizard"), demotest.App(t, f.info, "Northwind Reports (no enterprise app)")
	for _, c := range []struct {
		name, tenant, clientID, secret, code string
	}{
		{"expired secret", f.info.TenantID, main.ClientID, main.ExpiredSecret, "AADSTS7000222"},
		{"unknown tenant", "nosuch.onmicrosoft.com", main.ClientID, main.Secret, "AADSTS90002"},
		{"app not in tenant", f.info.TenantID, "0a1b2c3d-0000-4000-8000-000000000001", main.Secret, "AADSTS700016"},
		{"no service principal", f.info.TenantID, orphan.ClientID, orphan.Secret, "AADSTS7000229"},
	} {
		t.Run(c.name, func(t *testing.T) {
			if c.secret == "" {
				t.Fatal("the demo tenant gave no secret for this case")
			}
			args := append([]string{"--name", "case", "--tenant", c.tenant, "--client-id", c.clientID,
				"--client-secret-stdin", "--json"}, f.endpointArgs()...)
			res := f.run(t, runConnect, c.secret, args...)
			if res.code != 1 {
				t.Fatalf("exit code = %d, want 1\n%s%s", res.code, res.stdout, res.stderr)
			}
			r := decodeResult(t, []byte(res.stdout))
			if r.Error == nil || r.Error.Code != c.code || r.Error.Hint == "" || r.Error.Message == "" {
				t.Fatalf("error = %+v; want code %s with Entra's message and a hint", r.Error, c.code)
			}
			assertNothingSaved(t, f, "case")
		})
	}
}

func TestConnectBrowserThatCannotOpen(t *testing.T) {
	f := newConnectFixture(t, demotenant.Options{AutoSignIn: true})
	f.deps.openURL = func(string) error { return errors.New("no browser installed") }
	f.deps.loginTimeout = 300 * time.Millisecond
	args := append([]string{"--name", "admin", "--tenant", f.info.TenantID, "--client-id", f.info.PublicClientID,
		"--browser"}, f.endpointArgs()...)
	res := f.run(t, runConnect, "", args...)
	if res.code != 1 {
		t.Fatalf("exit code = %d, want 1\n%s%s", res.code, res.stdout, res.stderr)
	}
	if !strings.Contains(res.stderr, f.info.Authority) {
		t.Errorf("stderr = %q; want the sign-in link to open by hand", res.stderr)
	}
	if !strings.Contains(res.stdout, "browser could not be opened") || !strings.Contains(res.stdout, "Nothing was saved.") {
		t.Errorf("report = %q; want it to say the browser could not be opened and nothing was saved", res.stdout)
	}
	assertNothingSaved(t, f, "admin")
}

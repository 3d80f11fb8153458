package cli

import (
	"net/http"
	"net/http/httptest"
	"os"
	"slices"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/entra-wizard/entra-wizard/demotenant"
)

// TestRenewSecretRefusesASettingsFileEditedToPointElsewhere: the settings
// of a connection made by setup are edited to send it to another server on
// this computer. Renewing must refuse before the admin signs in: the other
// server hears nothing (no sign-in, no token, no new secret), and the
// connection, in the settings and in Entra, stays as it was.
func TestRenewSecretRefusesASettingsFileEditedToPointElsewhere(t *testing.T) {
	f := newConnectFixture(t, demotenant.Options{AutoSignIn: true})
	if r := f.run(t, runSetup, "", f.setupArgs("Renew", "--credential", "secret", "--features", "read-users")...); r.code != 0 {
		t.Fatalf("setup: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	before, _ := f.store(t).Get("Renew")
	secretBefore, err := f.store(t).Secrets("Renew")
	if err != nil {
		t.Fatal(err)
	}
	var got atomic.Int32
	other := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		got.Add(1)
		http.Error(w, "{}", http.StatusBadRequest)
	}))
	defer other.Close()
	settings := f.store(t).SettingsFile()
	data, err := os.ReadFile(settings)
	if err != nil || !strings.Contains(string(data), `"authority": "`+f.info.Authority) {
		t.Fatalf("the settings file does not hold the authority (%v)", err)
	}
	edited := strings.ReplaceAll(string(data), `"authority": "`+f.info.Authority, `"authority": "`+other.URL)
	edited = strings.ReplaceAll(edited, `"graph": "`+f.info.Graph, `"graph": "`+other.URL)
	if err := os.WriteFile(settings, []byte(edited), 0o600); err != nil {
		t.Fatal(err)
	}

	requestsBefore := f.srv.Requests()
	r := f.run(t, runRenew, "", "--name", "Renew")
	if r.code != 1 || !strings.Contains(r.stdout, strings.TrimPrefix(other.URL, "http://")) ||
		!strings.Contains(r.stdout, "connect again to use the new address") || !strings.Contains(r.stdout, "Nothing was sent") {
		t.Errorf("renew-secret: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	if n := got.Load(); n != 0 {
		t.Errorf("the server named in the edited settings got %d requests", n)
	}
	if n := f.srv.Requests() - requestsBefore; n != 0 {
		t.Errorf("renewing made %d requests to the tenant of a refused connection", n)
	}
	if apps := f.srv.AppsNamed("Wizard Renew"); len(apps) != 1 || !slices.Equal(apps[0].Secrets, []string{before.SecretKeyID}) {
		t.Errorf("secrets in Entra: %+v; want only %s", apps, before.SecretKeyID)
	}
	if now, _ := os.ReadFile(settings); string(now) != edited {
		t.Error("the settings file was changed")
	}
	// Put back, the settings find their secret: the keychain entry was
	// neither replaced nor bound to the other server.
	if err := os.WriteFile(settings, data, 0o600); err != nil {
		t.Fatal(err)
	}
	if sec, err := f.store(t).Secrets("Renew"); err != nil || sec.ClientSecret != secretBefore.ClientSecret {
		t.Errorf("the saved secret changed or was bound elsewhere (error %v)", err)
	}
}

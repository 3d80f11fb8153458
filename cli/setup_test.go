package cli

import (
	"encoding/json"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/entra-wizard/entra-wizard/demotenant"
	"github.com/entra-wizard/entra-wizard/demotenant/demotest"
)

func (f *connectFixture) setupArgs(name string, extra ...string) []string {
	args := append([]string{"--name", name, "--tenant", f.info.TenantDomain, "--app-name", "Wizard " + name}, f.endpointArgs()...)
	return append(args, extra...)
}

func TestSetupCommandRegistersTestsAndSaves(t *testing.T) {
	f := newConnectFixture(t, demotenant.Options{AutoSignIn: true, ReplicationDelay: 1500 * time.Millisecond})
	r := f.run(t, runSetup, "", f.setupArgs("Fabrikam", "--credential", "secret", "--features", "read-users,read-groups", "--secret-days", "20", "--json")...)
	if r.code != 0 {
		t.Fatalf("exit %d\n%s\n%s", r.code, r.stdout, r.stderr)
	}
	var out setupOutcome
	if err := json.Unmarshal([]byte(r.stdout), &out); err != nil || !out.OK || out.Created.SecretExpires == nil {
		t.Fatalf("output %s: %v", r.stdout, err)
	}
	apps := f.srv.AppsNamed("Wizard Fabrikam")
	if len(apps) != 1 || !slices.Equal(apps[0].Roles, []string{"User.Read.All", "Group.Read.All", "Organization.Read.All"}) {
		t.Fatalf("registered %+v", apps)
	}
	if !strings.Contains(r.stderr, "Waiting for Microsoft Entra to finish creating the app") {
		t.Errorf("no visible wait in:\n%s", r.stderr)
	}
	st := f.run(t, runStatus, "", "--name", "Fabrikam", "--json")
	var results []map[string]any
	if err := json.Unmarshal([]byte(st.stdout), &results); err != nil || st.code != 0 || len(results) != 1 {
		t.Fatalf("status exit %d: %s %v", st.code, st.stdout, err)
	}
	exp, _ := results[0]["secretExpires"].(string)
	if when, err := time.Parse(time.RFC3339, exp); err != nil || !when.Equal(*out.Created.SecretExpires) {
		t.Errorf("status secretExpires %q, setup said %v", exp, out.Created.SecretExpires)
	}
	text := f.run(t, runStatus, "", "--name", "Fabrikam")
	if !strings.Contains(text.stdout, "! Secret expires in 20 days: renew it") {
		t.Errorf("status text lacks the expiry warning:\n%s", text.stdout)
	}
}

func TestSetupCommandStopsOnAnExistingRegistrationAndReuses(t *testing.T) {
	f := newConnectFixture(t, demotenant.Options{AutoSignIn: true})
	if r := f.run(t, runSetup, "", f.setupArgs("One", "--credential", "secret", "--features", "read-users")...); r.code != 0 {
		t.Fatalf("first setup: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	r := f.run(t, runSetup, "", append(f.setupArgs("Two", "--credential", "secret", "--features", "read-users"), "--app-name", "Wizard One")...)
	if r.code != 1 || !strings.Contains(r.stdout, "already exists") || !strings.Contains(r.stdout, "Nothing was saved") {
		t.Fatalf("second setup: exit %d\n%s", r.code, r.stdout)
	}
	if apps := f.srv.AppsNamed("Wizard One"); len(apps) != 1 || len(apps[0].Secrets) != 1 {
		t.Fatalf("after refusing: %+v", apps)
	}
	r = f.run(t, runSetup, "", append(f.setupArgs("Two", "--credential", "secret", "--features", "read-users"), "--app-name", "Wizard One", "--reuse")...)
	if r.code != 0 {
		t.Fatalf("reuse: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	if apps := f.srv.AppsNamed("Wizard One"); len(apps) != 1 || len(apps[0].Secrets) != 2 {
		t.Errorf("after reusing: %+v", apps)
	}
}

func TestRenewSecretCommand(t *testing.T) {
	f := newConnectFixture(t, demotenant.Options{AutoSignIn: true})
	if r := f.run(t, runSetup, "", f.setupArgs("Renew", "--credential", "secret", "--features", "read-users")...); r.code != 0 {
		t.Fatalf("setup: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	before, _ := f.store(t).Get("Renew")
	r := f.run(t, runRenew, "", "--name", "Renew", "--secret-days", "90")
	if r.code != 0 || !strings.Contains(r.stdout, "was removed") {
		t.Fatalf("renew: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	after, _ := f.store(t).Get("Renew")
	apps := f.srv.AppsNamed("Wizard Renew")
	if after.SecretKeyID == before.SecretKeyID || !slices.Equal(apps[0].Secrets, []string{after.SecretKeyID}) {
		t.Errorf("before %s, after %s, in Entra %v", before.SecretKeyID, after.SecretKeyID, apps[0].Secrets)
	}
	if st := f.run(t, runStatus, "", "--name", "Renew"); st.code != 0 {
		t.Errorf("status after renewing: exit %d\n%s", st.code, st.stdout)
	}
}

func TestSetupAndRenewUsage(t *testing.T) {
	f := newConnectFixture(t, demotenant.Options{})
	for _, args := range [][]string{
		{"--tenant", "contoso.com"},
		{"--name", "X", "--tenant", "contoso.com", "--method", "carrier-pigeon"},
		{"--name", "X", "--tenant", "contoso.com", "--features", "read-users,teleport"},
		{"--name", "X", "--tenant", "contoso.com", "--secret-days", "9999"},
		{"--name", "X", "--tenant", "contoso.com", "--credential", "passkey"},
		{"--name", "X", "--tenant", "contoso.com", "--credential", "certificate", "--method", "browser"},
	} {
		if r := f.run(t, runSetup, "", args...); r.code != 2 {
			t.Errorf("setup %v: exit %d, want 2\n%s", args, r.code, r.stderr)
		}
	}
	custom := []string{"--name", "X", "--tenant", "contoso.com",
		"--authority", "https://login.contoso-proxy.example", "--graph", "https://graph.contoso-proxy.example"}
	if r := f.run(t, runSetup, "", custom...); r.code != 2 || !strings.Contains(r.stderr, "login.contoso-proxy.example") ||
		!strings.Contains(r.stderr, "--allow-custom-endpoints") {
		t.Errorf("setup with untrusted custom endpoints: exit %d\n%s", r.code, r.stderr)
	}
	if r := f.run(t, runRenew, "", "--name", "nobody"); r.code != 2 {
		t.Errorf("renew-secret of an unknown connection: exit %d, want 2", r.code)
	}
}

func TestSetupCommandRemovesWhatAFailedRunCreated(t *testing.T) {
	f := newConnectFixture(t, demotenant.Options{AutoSignIn: true})
	f.deps.openURL = func(u string) error { return demotest.Browse(u + "&login_hint=appadmin%40" + f.info.TenantDomain) }
	r := f.run(t, runSetup, "", f.setupArgs("Half", "--features", "read-users")...)
	if r.code != 1 || !strings.Contains(r.stdout, "Privileged Role Administrator or Global Administrator") ||
		!strings.Contains(r.stdout, "/adminconsent?") || !strings.Contains(r.stdout, "was removed again") {
		t.Fatalf("exit %d\n%s", r.code, r.stdout)
	}
	if apps := f.srv.AppsNamed("Wizard Half"); len(apps) != 0 {
		t.Errorf("left behind: %+v", apps)
	}
	if _, err := f.store(t).Get("Half"); err == nil {
		t.Error("a connection was saved")
	}
	r = f.run(t, runSetup, "", f.setupArgs("Kept", "--features", "read-users", "--keep-on-failure")...)
	if r.code != 1 || !strings.Contains(r.stdout, "Created so far (kept") || len(f.srv.AppsNamed("Wizard Kept")) != 1 {
		t.Errorf("--keep-on-failure: exit %d\n%s", r.code, r.stdout)
	}
}

package cli

import (
	"context"
	"encoding/json"
	"strings"
	"testing"

	"github.com/entra-wizard/entra-wizard/demotenant"
	"github.com/entra-wizard/entra-wizard/graph"
)

// syncedUser finds a user synchronised from an on-premises directory,
// reading the tenant as the main app.
func (f *connectFixture) syncedUser(t *testing.T) graph.User {
	t.Helper()
	c := f.adminClient(t)
	all, err := c.Users(graph.UserQuery{}).All(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	for _, u := range all {
		if u.OnPremisesSync {
			return u
		}
	}
	t.Fatal("the demo tenant has no synchronised user")
	return graph.User{}
}

// The new password is printed once, alone on standard output; what was
// done goes to standard error, without the password.
func TestResetPasswordPrintsOnlyThePassword(t *testing.T) {
	f := exportFixture(t)
	megan := "megan@" + f.info.TenantDomain
	res := f.run(t, runResetPassword, "", "--name", "northwind", "--user", megan)
	if res.code != 0 {
		t.Fatalf("exit %d: %s", res.code, res.stderr)
	}
	password := strings.TrimSuffix(res.stdout, "\n")
	if len(password) != 16 || strings.ContainsAny(password, " \n") {
		t.Fatalf("standard output is %d characters, not one password", len(res.stdout))
	}
	if strings.Contains(res.stderr, password) || !strings.Contains(res.stderr, "Megan Bowen") ||
		!strings.Contains(res.stderr, "next sign-in") {
		t.Errorf("standard error says %q", strings.ReplaceAll(res.stderr, password, "<password>"))
	}

	res = f.run(t, runResetPassword, "", "--name", "northwind", "--user", megan, "--no-force-change", "--json")
	var out struct {
		UserPrincipalName string `json:"userPrincipalName"`
		Password          string `json:"password"`
		MustChange        *bool  `json:"mustChange"`
	}
	if res.code != 0 || json.Unmarshal([]byte(res.stdout), &out) != nil {
		t.Fatalf("--json: exit %d, %d bytes of output: %s", res.code, len(res.stdout), res.stderr)
	}
	if out.Password == "" || out.Password == password || out.MustChange == nil || *out.MustChange || out.UserPrincipalName != megan {
		t.Errorf("--json --no-force-change: user %q, new password %v, mustChange %v", out.UserPrincipalName, out.Password != password, out.MustChange)
	}
}

// Entra's refusals come in an admin's words: an administrator's password
// takes a stronger role than the app holds, and a synchronised user's
// password is reset on premises. Nothing reaches standard output.
func TestResetPasswordRefusals(t *testing.T) {
	f := exportFixture(t)
	res := f.run(t, runResetPassword, "", "--name", "northwind", "--user", "admin@"+f.info.TenantDomain)
	if res.code != 1 || res.stdout != "" || !strings.Contains(res.stderr, "Privileged Authentication Administrator") ||
		!strings.Contains(res.stderr, "Authorization_RequestDenied") {
		t.Errorf("an administrator's password: exit %d, stdout %d bytes, stderr %q", res.code, len(res.stdout), res.stderr)
	}
	synced := f.syncedUser(t)
	before := f.srv.GraphRequests()
	res = f.run(t, runResetPassword, "", "--name", "northwind", "--user", synced.UserPrincipalName)
	if res.code != 1 || res.stdout != "" || !strings.Contains(res.stderr, "on-premises Active Directory") {
		t.Errorf("a synchronised user: exit %d, stdout %d bytes, stderr %q", res.code, len(res.stdout), res.stderr)
	}
	if f.srv.GraphRequests()-before > 1 {
		t.Error("a synchronised user's password reset was sent to Graph")
	}
	res = f.run(t, runResetPassword, "", "--name", "northwind", "--user", "nobody@"+f.info.TenantDomain)
	if res.code != 1 || !strings.Contains(res.stderr, "not found") {
		t.Errorf("an unknown user: exit %d, %q", res.code, res.stderr)
	}
	for _, args := range [][]string{{"--name", "northwind"}, {"--user", "megan"}, {"--name", "northwind", "--user", "megan", "extra"}} {
		if res := f.run(t, runResetPassword, "", args...); res.code != 2 {
			t.Errorf("reset-password %v: exit %d, want 2", args, res.code)
		}
	}
}

// revoke-sessions signs the user out; a connection without the permission
// is refused, naming the one to add.
func TestRevokeSessionsCommand(t *testing.T) {
	f := exportFixture(t)
	res := f.run(t, runRevokeSessions, "", "--name", "northwind", "--user", "megan@"+f.info.TenantDomain)
	if res.code != 0 || !strings.Contains(res.stdout, "Megan Bowen") || !strings.Contains(res.stdout, "signed out everywhere") {
		t.Errorf("exit %d, stdout %q, stderr %q", res.code, res.stdout, res.stderr)
	}
	if res := f.run(t, runRevokeSessions, "", "--name", "northwind"); res.code != 2 {
		t.Errorf("without --user: exit %d, want 2", res.code)
	}

	ro := newConnectFixture(t, demotenant.Options{Scenario: demotenant.ScenarioReadOnly})
	if res := ro.connectSecret(t, "readonly", ro.info.ClientID, ro.info.ClientSecret); res.code != 0 {
		t.Fatalf("connect: %d %s", res.code, res.stderr)
	}
	res = ro.run(t, runRevokeSessions, "", "--name", "readonly", "--user", "megan@"+ro.info.TenantDomain)
	if res.code != 1 || !strings.Contains(res.stderr, "User.RevokeSessions.All") {
		t.Errorf("a read-only connection: exit %d, stderr %q", res.code, res.stderr)
	}
}

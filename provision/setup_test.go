package provision

import (
	"context"
	"errors"
	"slices"
	"testing"
	"time"

	"github.com/entra-wizard/entra-wizard/connection"
	"github.com/entra-wizard/entra-wizard/demotenant"
	"github.com/entra-wizard/entra-wizard/graph"
	"github.com/entra-wizard/entra-wizard/keystore"
	"github.com/entra-wizard/entra-wizard/oauth"
)

func TestSecretSetupRegistersGrantsTestsAndSaves(t *testing.T) {
	f := newFixture(t, demotenant.Options{})
	req := f.request("Contoso")
	req.Features = []graph.Feature{graph.ReadUsers, graph.ReadGroups}
	res, err := f.setup().Start(context.Background(), req)
	if err != nil {
		t.Fatal(err)
	}
	apps := f.srv.AppsNamed(req.AppName)
	want := []string{"User.Read.All", "Group.Read.All", "Organization.Read.All"}
	if len(apps) != 1 {
		t.Fatalf("%d apps named %q, want 1", len(apps), req.AppName)
	}
	a := apps[0]
	if !slices.Equal(a.Required, []string{"Role:User.Read.All", "Role:Group.Read.All", "Role:Organization.Read.All"}) ||
		!slices.Equal(a.Roles, want) || len(a.Scopes) != 0 || len(a.Secrets) != 1 || a.Public {
		t.Errorf("registered %+v", a)
	}
	if !res.Report.OK() || !res.Report.Allows(graph.ReadUsers) || res.Report.Allows(graph.ManageUsers) {
		t.Errorf("report %+v", res.Report)
	}
	p, err := f.store.Get("Contoso")
	if err != nil {
		t.Fatal(err)
	}
	if p.ClientID != a.AppID || p.Method != keystore.MethodClientSecret || p.Tenant != f.info.TenantID ||
		p.SecretKeyID != a.Secrets[0] || p.SecretExpires == nil ||
		!p.SecretExpires.Equal(f.clock.Now().AddDate(0, 0, DefaultSecretDays).Truncate(time.Second)) {
		t.Errorf("saved %+v", p)
	}
	sec, err := f.store.Secrets("Contoso")
	if err != nil || sec.ClientSecret == "" || sec.RefreshToken != "" {
		t.Errorf("saved secrets: %v (secret set %v, refresh token set %v)", err, sec.ClientSecret != "", sec.RefreshToken != "")
	}
}

func TestBrowserSetupGrantsDelegatedScopes(t *testing.T) {
	f := newFixture(t, demotenant.Options{ReplicationDelay: 20 * time.Second})
	req := f.request("Browser")
	req.Method = MethodBrowser
	if _, err := f.setup().Start(context.Background(), req); err != nil {
		t.Fatal(err)
	}
	apps := f.srv.AppsNamed(req.AppName)
	if len(apps) != 1 || !apps[0].Public || len(apps[0].Secrets) != 0 || len(apps[0].Roles) != 0 ||
		!slices.Equal(apps[0].Scopes, append(Permissions(graph.Features()), "openid", "profile", "offline_access")) {
		t.Fatalf("registered %+v", apps)
	}
	for _, r := range apps[0].Required {
		if r[:6] != "Scope:" {
			t.Errorf("required %v", apps[0].Required)
		}
	}
	p, err := f.store.Get("Browser")
	if err != nil || p.Method != keystore.MethodBrowser || p.SecretExpires != nil {
		t.Fatalf("saved %+v, %v", p, err)
	}
	if sec, _ := f.store.Secrets("Browser"); sec.RefreshToken == "" || sec.ClientSecret != "" {
		t.Error("the new app's refresh token was not saved, or a secret was")
	}
}

func TestSetupWaitsOutReplication(t *testing.T) {
	f := newFixture(t, demotenant.Options{ReplicationDelay: 90 * time.Second})
	req := f.request("Slow")
	if _, err := f.setup().Start(context.Background(), req); err != nil {
		t.Fatal(err)
	}
	var codes []string
	for _, p := range f.progress {
		if p.Step == StepWait && p.Code != "" {
			codes = append(codes, p.Code)
		}
	}
	if len(codes) < 2 || codes[0] != codeAppNotFound || !slices.Contains(codes, codeInvalidSecret) {
		t.Errorf("wait answers %v: want AADSTS700016 first, then AADSTS7000215", codes)
	}
	if len(f.clock.slept) < 2 || f.clock.slept[1] <= f.clock.slept[0] {
		t.Errorf("waits %v: want a growing backoff", f.clock.slept)
	}
}

func TestSetupGivesUpAfterMaxWaitAndContinues(t *testing.T) {
	f := newFixture(t, demotenant.Options{ReplicationDelay: 7 * time.Minute})
	s := f.setup()
	req := f.request("Stuck")
	_, err := s.Start(context.Background(), req)
	var fail *Failure
	if !errors.As(err, &fail) || fail.Step != StepWait || !errors.Is(err, ErrStillReplicating) {
		t.Fatalf("got %v, want a failure while waiting", err)
	}
	if !fail.State.Created.Any() || len(fail.Links()) < 3 {
		t.Errorf("created %+v, links %v", fail.State.Created, fail.Links())
	}
	if _, err := f.store.Get("Stuck"); err == nil {
		t.Error("a connection was saved before it was tested")
	}
	if _, err := s.Continue(context.Background(), fail.State); err != nil {
		t.Fatalf("continue: %v", err)
	}
	if n := len(f.srv.AppsNamed(req.AppName)); n != 1 {
		t.Errorf("%d apps after continuing, want 1", n)
	}
}

// Where users may not consent, everyone's sign-in to the new app works
// only if setup's grant holds the sign-in scopes too.
func TestBrowserSetupGrantsTheSignInScopes(t *testing.T) {
	f := newFixture(t, demotenant.Options{NoUserConsent: true})
	req := f.request("Everyone")
	req.Method, req.Features = MethodBrowser, []graph.Feature{graph.ReadUsers}
	res, err := f.setup().Start(context.Background(), req)
	if err != nil {
		t.Fatal(err)
	}
	f.account = f.info.Users[1].UPN // a colleague who is no administrator
	got := f.setup().engine().Test(context.Background(), connection.Attempt{Profile: res.Profile})
	if e, ok := oauth.AsError(got.Report.Err); ok {
		t.Fatalf("a colleague's sign-in was refused: %v", e)
	}
	if got.RefreshToken == "" {
		t.Error("the colleague's sign-in brought no refresh token")
	}
}

// A browser connection set up for some features signs in and renews for
// exactly what was granted: asking for more would need consent again,
// which only an administrator may give where user consent is off.
func TestBrowserConnectionAsksForWhatWasGranted(t *testing.T) {
	f := newFixture(t, demotenant.Options{NoUserConsent: true})
	req := f.request("Some")
	req.Method, req.Features = MethodBrowser, []graph.Feature{graph.ReadUsers, graph.ReadGroups}
	if _, err := f.setup().Start(context.Background(), req); err != nil {
		t.Fatal(err)
	}
	saved, err := f.store.Get("Some")
	if err != nil || !slices.Equal(saved.Permissions, Permissions(req.Features)) {
		t.Fatalf("saved permissions %v (%v), want %v", saved.Permissions, err, Permissions(req.Features))
	}
	e := f.setup().engine()
	e.Store = f.store
	c, err := e.Open(context.Background(), "Some")
	if err != nil {
		t.Fatal(err)
	}
	if report := c.Check(context.Background()); report.Err != nil || !report.Allows(graph.ReadGroups) {
		t.Errorf("renewing the saved sign-in: %v, %+v", report.Err, report)
	}
	f.account = f.info.Users[1].UPN // a colleague who is no administrator
	if got := e.Test(context.Background(), connection.Attempt{Profile: saved}); got.Report.Err != nil {
		t.Errorf("a colleague's sign-in: %v", got.Report.Err)
	}
}

package provision

import (
	"context"
	"errors"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"testing"

	"github.com/entra-wizard/entra-wizard/demotenant"
	"github.com/entra-wizard/entra-wizard/graph"
	"github.com/entra-wizard/entra-wizard/oauth"
)

// startFailure runs setup and wants it to stop at step with a *Failure.
func startFailure(t *testing.T, s *Setup, req Request, step Step) *Failure {
	t.Helper()
	_, err := s.Start(context.Background(), req)
	var fail *Failure
	if !errors.As(err, &fail) || fail.Step != step {
		t.Fatalf("got %v, want a failure at %q", err, step)
	}
	return fail
}

func TestApplicationAdministratorCannotGrantGraphRoles(t *testing.T) {
	f := newFixture(t, demotenant.Options{})
	f.account = "appadmin@" + f.info.TenantDomain
	req := f.request("AppAdmin")
	s := f.setup()
	fail := startFailure(t, s, req, StepConsent)
	if fail.MissingRole != RoleGrantRoles || !strings.Contains(fail.Message(), "Privileged Role Administrator") ||
		!strings.Contains(fail.ConsentURL, "/adminconsent?") || !strings.Contains(fail.ConsentURL, fail.State.Created.AppID) {
		t.Errorf("failure %q, role %q, consent link %q", fail.Message(), fail.MissingRole, fail.ConsentURL)
	}
	if len(f.srv.AppsNamed(req.AppName)) != 1 {
		t.Fatal("the app was not created before the refusal")
	}
	// Nothing half-done: removing takes the app, its principal and its
	// secret away.
	if err := s.Remove(context.Background(), fail.State); err != nil {
		t.Fatal(err)
	}
	if n := len(f.srv.AppsNamed(req.AppName)); n != 0 {
		t.Errorf("%d apps left after removing", n)
	}
	if _, err := f.store.Get("AppAdmin"); err == nil {
		t.Error("a connection was saved")
	}
}

func TestRefusedSignInsFallBackToTheGuidedPath(t *testing.T) {
	cases := []struct {
		name    string
		opts    demotenant.Options
		account func(demotenant.Info) string
		code    int
		words   string
	}{
		{"plain user", demotenant.Options{}, func(i demotenant.Info) string { return i.Users[1].UPN }, 90094, "administrator must approve"},
		{"client blocked", demotenant.Options{RestrictCommandLineTools: true}, func(demotenant.Info) string { return "" }, 50105, "only assigned people"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			f := newFixture(t, c.opts)
			f.account = c.account(f.info)
			req := f.request("Refused")
			fail := startFailure(t, f.setup(), req, StepSignIn)
			e, ok := oauth.AsError(fail.Err)
			if !ok || !e.HasCode(c.code) || !fail.Guided || !strings.Contains(fail.Message(), c.words) {
				t.Errorf("failure %v (guided %v): %q", fail.Err, fail.Guided, fail.Message())
			}
			if fail.State.Created.Any() || len(f.srv.AppsNamed(req.AppName)) != 0 {
				t.Error("something was created")
			}
		})
	}
}

func TestSecondRunReusesTheRegistration(t *testing.T) {
	f := newFixture(t, demotenant.Options{})
	s := f.setup()
	req := f.request("First")
	if _, err := s.Start(context.Background(), req); err != nil {
		t.Fatal(err)
	}
	req.Name = "Second"
	fail := startFailure(t, s, req, StepLookUp)
	if !errors.Is(fail, ErrAppExists) || fail.State.Existing == nil || fail.State.Created.Any() {
		t.Fatalf("failure %v, existing %v", fail, fail.State.Existing)
	}
	fail.State.Request.Reuse = true
	res, err := s.Continue(context.Background(), fail.State)
	if err != nil {
		t.Fatal(err)
	}
	apps := f.srv.AppsNamed(req.AppName)
	if len(apps) != 1 || len(apps[0].Secrets) != 2 || !res.Created.Reused || res.Profile.ClientID != apps[0].AppID {
		t.Errorf("apps %+v, result %+v", apps, res.Created)
	}
}

// The consent link handed to a Global Administrator leads to consent: it
// names a redirect the new app registers.
func TestHandedOverConsentLinkGrantsTheApp(t *testing.T) {
	f := newFixture(t, demotenant.Options{})
	f.account = "appadmin@" + f.info.TenantDomain
	req := f.request("Handed over")
	fail := startFailure(t, f.setup(), req, StepConsent)
	noFollow := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	resp, err := noFollow.Get(fail.ConsentURL + "&login_hint=" + url.QueryEscape(f.info.Users[0].UPN))
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	back, err := url.Parse(resp.Header.Get("Location"))
	if resp.StatusCode != http.StatusFound || err != nil || back.Host != "localhost" || back.Query().Get("admin_consent") != "True" {
		t.Fatalf("the consent link answered %d, to %q", resp.StatusCode, resp.Header.Get("Location"))
	}
	if a := f.srv.AppsNamed(req.AppName); len(a) != 1 || !slices.Equal(a[0].Roles, Permissions(graph.Features())) {
		t.Errorf("granted %+v", a)
	}
}

package graph_test

import (
	"context"
	"slices"
	"strings"
	"testing"
	"time"

	"golang.org/x/oauth2"

	"github.com/entra-wizard/entra-wizard/demotenant"
	"github.com/entra-wizard/entra-wizard/demotenant/demotest"
	"github.com/entra-wizard/entra-wizard/graph"
	"github.com/entra-wizard/entra-wizard/oauth"
)

// signIn runs the real browser sign-in against the tenant, with a "browser"
// that follows the automatic sign-in's redirect to the loopback listener.
func (t *tenant) signIn(tb testing.TB, user string, scopes ...string) *oauth2.Token {
	tb.Helper()
	tok, err := t.login(user, scopes...).Run(context.Background())
	if err != nil {
		tb.Fatalf("sign in as %s: %v", user, err)
	}
	return tok
}

// login is the browser sign-in signIn runs.
func (t *tenant) login(user string, scopes ...string) oauth.LoopbackLogin {
	return oauth.LoopbackLogin{
		Endpoints: t.endpoints,
		Tenant:    t.info.TenantID,
		ClientID:  t.info.PublicClientID,
		Scopes:    t.endpoints.DelegatedScopes(scopes...),
		LoginHint: user,
		Timeout:   30 * time.Second,
		OpenURL:   demotest.Browse,
	}
}

func TestCheckDelegatedSignIn(t *testing.T) {
	tn := startTenant(t, demotenant.Options{AutoSignIn: true})
	var admin string
	for _, u := range tn.info.Users {
		if u.Admin {
			admin = u.UPN
		}
	}
	tok := tn.signIn(t, admin, "User.Read.All", "Group.ReadWrite.All")
	rep := graph.Check(context.Background(), graph.CheckConfig{
		Config: graph.Config{BaseURL: tn.endpoints.GraphBaseURL(), TokenSource: oauth2.StaticTokenSource(tok)},
		Links:  oauth.PortalLinks(tn.endpoints, tn.info.PublicClientID),
	})
	if !rep.OK() || !rep.Delegated {
		t.Fatalf("OK=%v delegated=%v err=%v", rep.OK(), rep.Delegated, rep.Err)
	}
	if !slices.Contains(rep.Granted, "Group.ReadWrite.All") || slices.Contains(rep.Granted, "User.ReadWrite.All") {
		t.Errorf("granted scopes %v", rep.Granted)
	}
	for _, f := range rep.Features {
		switch f.Feature {
		case graph.ManageGroups:
			if !f.OK || !strings.Contains(f.Note, "directory role") {
				t.Errorf("manage groups: OK=%v note %q", f.OK, f.Note)
			}
		case graph.ManageUsers:
			if f.OK || !strings.Contains(f.Fix, "delegated permission User.ReadWrite.All") || !strings.Contains(f.Fix, "sign in again") {
				t.Errorf("manage users: OK=%v fix %q", f.OK, f.Fix)
			}
		}
	}
}

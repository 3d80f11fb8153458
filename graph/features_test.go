package graph_test

import (
	"context"
	"errors"
	"strings"
	"testing"

	"golang.org/x/oauth2"

	"github.com/entra-wizard/entra-wizard/demotenant"
	"github.com/entra-wizard/entra-wizard/graph"
	"github.com/entra-wizard/entra-wizard/oauth"
)

// checkSignedIn signs the Global Administrator in with scopes and runs the
// connection test on that sign-in; it returns the report and a client.
func (t *tenant) checkSignedIn(tb testing.TB, scopes ...string) (graph.Report, *graph.Client) {
	tb.Helper()
	ts := oauth2.StaticTokenSource(t.signIn(tb, t.adminUPN(), scopes...))
	rep := graph.Check(context.Background(), graph.CheckConfig{
		Config: graph.Config{BaseURL: t.endpoints.GraphBaseURL(), TokenSource: ts},
		Links:  oauth.PortalLinks(t.endpoints, t.info.PublicClientID),
	})
	c, err := graph.New(graph.Config{BaseURL: t.endpoints.GraphBaseURL(), TokenSource: ts})
	if err != nil {
		tb.Fatal(err)
	}
	return rep, c
}

// member is a seeded user who holds no role and is not synchronised.
func (t *tenant) member(tb testing.TB, c *graph.Client) graph.User {
	tb.Helper()
	for _, u := range t.info.Users {
		if !u.Admin && u.Note == "" {
			got, err := c.User(context.Background(), u.UPN)
			if err != nil {
				tb.Fatal(err)
			}
			return got
		}
	}
	tb.Fatal("the demo tenant has no plain member")
	return graph.User{}
}

// Resetting passwords and signing users out are features of their own,
// each with the narrow permission Microsoft's Graph reference lists first:
// with those alone both work, and nothing else does.
func TestHelpdeskFeaturesWorkWithTheirOwnPermissions(t *testing.T) {
	tn := startTenant(t, demotenant.Options{AutoSignIn: true})
	rep, c := tn.checkSignedIn(t, "User.Read.All", "User-PasswordProfile.ReadWrite.All", "User.RevokeSessions.All")
	for f, want := range map[graph.Feature]bool{
		graph.ResetPasswords: true, graph.SignOutSessions: true,
		graph.ManageUsers: false, graph.Managers: false,
	} {
		if rep.Allows(f) != want {
			t.Errorf("%s: allowed %v, want %v", f, rep.Allows(f), want)
		}
	}
	ctx := context.Background()
	u := tn.member(t, c)
	pw, err := graph.GeneratePassword()
	if err != nil {
		t.Fatal(err)
	}
	if err := c.ResetPassword(ctx, u, pw, true); err != nil {
		t.Errorf("reset with User-PasswordProfile.ReadWrite.All: %v", err)
	}
	if err := c.RevokeSessions(ctx, u.ID); err != nil {
		t.Errorf("sign out with User.RevokeSessions.All: %v", err)
	}
}

// Directory.ReadWrite.All edits users but does not reset passwords: the
// connection test says so beforehand, naming the permission to add, and
// Graph refuses.
func TestDirectoryReadWriteAllDoesNotResetPasswords(t *testing.T) {
	tn := startTenant(t, demotenant.Options{AutoSignIn: true})
	rep, c := tn.checkSignedIn(t, "Directory.ReadWrite.All")
	var reset graph.FeatureStatus
	for _, f := range rep.Features {
		if f.Feature == graph.ResetPasswords {
			reset = f
		}
	}
	if reset.OK || reset.Title != "Reset passwords" || !strings.Contains(reset.Problem, "User-PasswordProfile.ReadWrite.All") ||
		!strings.Contains(reset.Fix, "User-PasswordProfile.ReadWrite.All") || reset.FixURL == "" {
		t.Errorf("reset passwords with Directory.ReadWrite.All: %+v, want not OK and the permission named", reset)
	}
	if !rep.Allows(graph.SignOutSessions) || !rep.Allows(graph.Managers) || !rep.Allows(graph.ManageUsers) {
		t.Errorf("Directory.ReadWrite.All should sign users out, set managers and edit users: %+v", rep.Features)
	}
	pw, err := graph.GeneratePassword()
	if err != nil {
		t.Fatal(err)
	}
	err = c.ResetPassword(context.Background(), tn.member(t, c), pw, true)
	if !errors.Is(err, graph.ErrDenied) {
		t.Errorf("reset with Directory.ReadWrite.All: %v, want ErrDenied", err)
	}
}

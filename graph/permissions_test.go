package graph_test

import (
	"context"
	"errors"
	"slices"
	"testing"

	"github.com/entra-wizard/entra-wizard/demotenant"
	"github.com/entra-wizard/entra-wizard/graph"
	"github.com/entra-wizard/entra-wizard/oauth"
	"golang.org/x/oauth2"
)

// adminUPN is the seeded Global Administrator.
func (t *tenant) adminUPN() string {
	for _, u := range t.info.Users {
		if u.Admin {
			return u.UPN
		}
	}
	return ""
}

// adminClient signs the Global Administrator in with scopes and returns a
// client acting for them.
func (t *tenant) adminClient(tb testing.TB, scopes ...string) *graph.Client {
	tb.Helper()
	tok := t.signIn(tb, t.adminUPN(), scopes...)
	c, err := graph.New(graph.Config{BaseURL: t.endpoints.GraphBaseURL(), TokenSource: oauth2.StaticTokenSource(tok)})
	if err != nil {
		tb.Fatal(err)
	}
	return c
}

// wantDenied checks that err is Graph's 403 and that its hint names want
// and not unwant.
func wantDenied(t *testing.T, action string, err error, want, unwant string) {
	t.Helper()
	e, ok := graph.AsError(err)
	if !ok || e.Status != 403 {
		t.Errorf("%s: %v, want Graph's 403", action, err)
		return
	}
	if !slices.Contains(e.Needs, want) || slices.Contains(e.Needs, unwant) {
		t.Errorf("%s: hint names %v, want %s and not %s", action, e.Needs, want, unwant)
	}
}

// Directory.ReadWrite.All creates and edits users and groups but "does not
// allow user or group deletion": the connection test must not offer
// deleting, and Graph refuses it.
func TestDirectoryReadWriteAllEditsButDoesNotDelete(t *testing.T) {
	tn := startTenant(t, demotenant.Options{AutoSignIn: true})
	tok := tn.signIn(t, tn.adminUPN(), "Directory.ReadWrite.All")
	ts := oauth2.StaticTokenSource(tok)
	rep := graph.Check(context.Background(), graph.CheckConfig{
		Config: graph.Config{BaseURL: tn.endpoints.GraphBaseURL(), TokenSource: ts},
		Links:  oauth.PortalLinks(tn.endpoints, tn.info.PublicClientID),
	})
	if !rep.OK() {
		t.Fatalf("check: %v", rep.Err)
	}
	for f, want := range map[graph.Feature]bool{
		graph.ManageUsers: true, graph.ManageGroups: true,
		graph.DeleteUsers: false, graph.DeleteGroups: false,
	} {
		if rep.Allows(f) != want {
			t.Errorf("%s: allowed %v, want %v", f, rep.Allows(f), want)
		}
	}

	c, err := graph.New(graph.Config{BaseURL: tn.endpoints.GraphBaseURL(), TokenSource: ts})
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	users, err := c.Users(graph.UserQuery{Top: 5}).Next(ctx)
	if err != nil || len(users) == 0 {
		t.Fatalf("list users: %d, %v", len(users), err)
	}
	groups, err := c.Groups(graph.GroupQuery{Top: 5}).Next(ctx)
	if err != nil || len(groups) == 0 {
		t.Fatalf("list groups: %d, %v", len(groups), err)
	}
	wantDenied(t, "delete a user", c.DeleteUser(ctx, users[len(users)-1].ID), "User.DeleteRestore.All", "Directory.ReadWrite.All")
	wantDenied(t, "delete a group", c.DeleteGroup(ctx, groups[len(groups)-1].ID), "Group.ReadWrite.All", "Directory.ReadWrite.All")
}

// A refused read names the permissions Microsoft's API reference lists for
// it: assigning licenses does not list the tenant's subscriptions, and
// reading or writing users does not list a user's groups.
func TestRefusedReadsNameTheirListedPermissions(t *testing.T) {
	tn := startTenant(t, demotenant.Options{AutoSignIn: true})
	c := tn.adminClient(t, "User.ReadWrite.All", "LicenseAssignment.ReadWrite.All")
	ctx := context.Background()
	_, err := c.SKUs(ctx)
	wantDenied(t, "list the tenant's licenses", err, "LicenseAssignment.Read.All", "LicenseAssignment.ReadWrite.All")
	_, err = c.UserGroups(ctx, tn.adminUPN())
	wantDenied(t, "list the user's groups", err, "GroupMember.Read.All", "User.Read.All")
}

// Granting an application permission the app holds already is Graph's 400
// Request_BadRequest ("Permission being assigned already exists on the
// object"); the setup counts that grant as done, so it must read as a
// conflict.
func TestAssigningAnAppRoleTwiceIsAConflict(t *testing.T) {
	tn := startTenant(t, demotenant.Options{AutoSignIn: true})
	c := tn.adminClient(t, "Directory.Read.All", "AppRoleAssignment.ReadWrite.All")
	ctx := context.Background()
	msGraph, err := c.ServicePrincipalByAppID(ctx, graph.GraphAppID)
	if err != nil {
		t.Fatal(err)
	}
	app, err := c.ServicePrincipalByAppID(ctx, tn.info.ClientID)
	if err != nil {
		t.Fatal(err)
	}
	const userReadAll = "df021288-bdef-4463-88db-98f22de89214"
	_, err = c.AssignAppRole(ctx, msGraph.ID, app.ID, userReadAll)
	e, ok := graph.AsError(err)
	if !ok || e.Status != 400 || e.Code != "Request_BadRequest" || !errors.Is(err, graph.ErrConflict) {
		t.Errorf("granting User.Read.All again: %v, want a 400 Request_BadRequest that is a conflict", err)
	}
}

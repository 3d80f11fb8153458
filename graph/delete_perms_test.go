package graph_test

import (
	"context"
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
	for _, tc := range []struct {
		name string
		err  error
		want string
	}{
		{"delete a user", c.DeleteUser(ctx, users[len(users)-1].ID), "User.DeleteRestore.All"},
		{"delete a group", c.DeleteGroup(ctx, groups[len(groups)-1].ID), "Group.ReadWrite.All"},
	} {
		e, ok := graph.AsError(tc.err)
		if !ok || e.Status != 403 {
			t.Errorf("%s: %v, want Graph's 403", tc.name, tc.err)
			continue
		}
		if !slices.Contains(e.Needs, tc.want) {
			t.Errorf("%s: hint names %v, want %s", tc.name, e.Needs, tc.want)
		}
	}
}

package graph_test

import (
	"context"
	"errors"
	"slices"
	"testing"

	"github.com/entra-wizard/entra-wizard/demotenant"
	"github.com/entra-wizard/entra-wizard/graph"
)

func ownerIDs(t *testing.T, c *graph.Client, groupID string) []string {
	t.Helper()
	owners, err := c.Owners(context.Background(), groupID)
	if err != nil {
		t.Fatalf("Owners: %v", err)
	}
	ids := make([]string, len(owners))
	for i, o := range owners {
		if o.Type != "user" || o.UserPrincipalName == "" || o.DisplayName == "" {
			t.Errorf("owner %+v lacks its type, name or user name", o)
		}
		ids[i] = o.ID
	}
	return ids
}

func TestGroupOwnersAddRemoveAndTheLastOwner(t *testing.T) {
	tn := startTenant(t, demotenant.Options{})
	ctx := context.Background()
	c := tn.client
	marketing := groupNamed(t, c, "Marketing")
	owners := ownerIDs(t, c, marketing.ID)
	if len(owners) != 1 {
		t.Fatalf("the demo's Marketing group has owners %v, want one", owners)
	}
	only := owners[0]
	if err := c.RemoveOwner(ctx, marketing.ID, only); !errors.Is(err, graph.ErrLastOwner) {
		t.Fatalf("removing the only owner: %v, want ErrLastOwner", err)
	}

	newcomer, err := c.User(ctx, tn.adminUPN())
	if err != nil {
		t.Fatal(err)
	}
	if err := c.AddOwner(ctx, marketing.ID, newcomer.ID); err != nil {
		t.Fatalf("AddOwner: %v", err)
	}
	if err := c.AddOwner(ctx, marketing.ID, newcomer.ID); !errors.Is(err, graph.ErrConflict) {
		t.Errorf("adding an owner twice: %v, want ErrConflict", err)
	}
	if got := ownerIDs(t, c, marketing.ID); len(got) != 2 || !slices.Contains(got, only) || !slices.Contains(got, newcomer.ID) {
		t.Errorf("owners after adding = %v", got)
	}
	owned, err := c.OwnedGroups(ctx, newcomer.ID)
	if err != nil {
		t.Fatalf("OwnedGroups: %v", err)
	}
	if !slices.ContainsFunc(owned, func(g graph.Group) bool { return g.ID == marketing.ID && g.DisplayName == "Marketing" }) {
		t.Errorf("OwnedGroups = %+v, want Marketing among them", owned)
	}

	if err := c.RemoveOwner(ctx, marketing.ID, only); err != nil {
		t.Fatalf("removing one of two owners: %v", err)
	}
	if got := ownerIDs(t, c, marketing.ID); !slices.Equal(got, []string{newcomer.ID}) {
		t.Errorf("owners after removing = %v", got)
	}
	if err := c.RemoveOwner(ctx, marketing.ID, only); !errors.Is(err, graph.ErrNotFound) {
		t.Errorf("removing a former owner: %v, want ErrNotFound", err)
	}
}

func TestGiveUpOwnershipsKeepsTheLastOwner(t *testing.T) {
	tn := startTenant(t, demotenant.Options{})
	ctx := context.Background()
	c := tn.client
	admin, err := c.User(ctx, tn.adminUPN())
	if err != nil {
		t.Fatal(err)
	}
	sales, marketing := groupNamed(t, c, "Sales"), groupNamed(t, c, "Marketing")
	for _, g := range []graph.Group{sales, marketing} {
		if err := c.AddOwner(ctx, g.ID, admin.ID); err != nil {
			t.Fatal(err)
		}
	}
	// Marketing's other owner goes, so the administrator is its last.
	other := slices.DeleteFunc(ownerIDs(t, c, marketing.ID), func(id string) bool { return id == admin.ID })
	if err := c.RemoveOwner(ctx, marketing.ID, other[0]); err != nil {
		t.Fatal(err)
	}
	results := c.GiveUpOwnerships(ctx, admin.ID, []string{sales.ID, marketing.ID}, nil)
	if results[0].Err != nil {
		t.Errorf("giving up Sales: %v", results[0].Err)
	}
	if !errors.Is(results[1].Err, graph.ErrLastOwner) {
		t.Errorf("giving up Marketing, of which they are the last owner: %v, want ErrLastOwner", results[1].Err)
	}
	if slices.Contains(ownerIDs(t, c, sales.ID), admin.ID) || !slices.Contains(ownerIDs(t, c, marketing.ID), admin.ID) {
		t.Error("the ownerships are not as the results say")
	}
}

func TestLeaveGroupsInBatches(t *testing.T) {
	tn := startTenant(t, demotenant.Options{})
	ctx := context.Background()
	c := tn.client
	u, err := c.CreateUser(ctx, newUser(t, tn, "leaver"))
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for i := range 25 {
		g, err := c.CreateGroup(ctx, graph.NewGroup{DisplayName: "Team " + string(rune('A'+i)), Kind: graph.SecurityGroup})
		if err != nil {
			t.Fatal(err)
		}
		if err := c.AddMember(ctx, g.ID, u.ID); err != nil {
			t.Fatal(err)
		}
		ids = append(ids, g.ID)
	}
	before := tn.srv.GraphRequests()
	results := c.LeaveGroups(ctx, u.ID, ids, nil)
	if sent := tn.srv.GraphRequests() - before; sent != 2 {
		t.Errorf("leaving 25 groups took %d requests, want 2 batches", sent)
	}
	for _, r := range results {
		if r.Err != nil {
			t.Errorf("group %s: %v", r.ID, r.Err)
		}
	}
	if left, err := c.UserGroups(ctx, u.ID); err != nil || len(left) != 0 {
		t.Errorf("still in %d groups (%v)", len(left), err)
	}
}

package graph_test

import (
	"context"
	"errors"
	"slices"
	"testing"

	"github.com/entra-wizard/entra-wizard/demotenant"
	"github.com/entra-wizard/entra-wizard/graph"
)

// groupNamed finds a group of the tenant by its display name.
func groupNamed(t *testing.T, c *graph.Client, name string) graph.Group {
	t.Helper()
	groups, err := c.Groups(graph.GroupQuery{Search: name}).All(context.Background())
	if err != nil {
		t.Fatalf("search groups %q: %v", name, err)
	}
	for _, g := range groups {
		if g.DisplayName == name {
			return g
		}
	}
	t.Fatalf("no group named %q among %d found", name, len(groups))
	return graph.Group{}
}

func memberIDs(t *testing.T, c *graph.Client, groupID string, transitive bool) []string {
	t.Helper()
	members, err := c.Members(groupID, transitive).All(context.Background())
	if err != nil {
		t.Fatalf("Members: %v", err)
	}
	ids := make([]string, len(members))
	for i, m := range members {
		ids[i] = m.ID
	}
	return ids
}

func TestCreateUpdateDeleteGroups(t *testing.T) {
	tn := startTenant(t, demotenant.Options{})
	ctx := context.Background()
	for _, kind := range []graph.GroupKind{graph.SecurityGroup, graph.Microsoft365Group} {
		t.Run(string(kind), func(t *testing.T) {
			g, err := tn.client.CreateGroup(ctx, graph.NewGroup{DisplayName: "Night Shift " + string(kind), Description: "Works at night", Kind: kind})
			if err != nil {
				t.Fatalf("CreateGroup: %v", err)
			}
			got, err := tn.client.Group(ctx, g.ID)
			if err != nil {
				t.Fatal(err)
			}
			if got.Kind != kind || got.Description != "Works at night" || got.MailNickname == "" {
				t.Errorf("created %+v", got)
			}
			if kind == graph.SecurityGroup && (!got.SecurityEnabled || got.MailEnabled) {
				t.Errorf("security group flags: %+v", got)
			}
			desc := "Works at night and weekends"
			if err := tn.client.UpdateGroup(ctx, g.ID, graph.GroupChanges{Description: &desc}); err != nil {
				t.Fatalf("UpdateGroup: %v", err)
			}
			if got, _ := tn.client.Group(ctx, g.ID); got.Description != desc || got.DisplayName != g.DisplayName {
				t.Errorf("after update %+v", got)
			}
			if err := tn.client.DeleteGroup(ctx, g.ID); err != nil {
				t.Fatalf("DeleteGroup: %v", err)
			}
			if _, err := tn.client.Group(ctx, g.ID); !errors.Is(err, graph.ErrNotFound) {
				t.Errorf("deleted group read: %v, want ErrNotFound", err)
			}
		})
	}
}

func TestGroupsListAllOnce(t *testing.T) {
	tn := startTenant(t, demotenant.Options{})
	p := tn.client.Groups(graph.GroupQuery{Top: 5})
	groups, err := p.All(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	seen := map[string]bool{}
	for _, g := range groups {
		if seen[g.ID] {
			t.Errorf("group %s listed twice", g.DisplayName)
		}
		seen[g.ID] = true
	}
	if len(groups) != 12 || p.Count() != 12 {
		t.Errorf("listed %d groups, count %d; the default tenant has 12", len(groups), p.Count())
	}
}

func TestAddAndRemoveOneMember(t *testing.T) {
	tn := startTenant(t, demotenant.Options{})
	ctx := context.Background()
	sales := groupNamed(t, tn.client, "Sales")
	u, err := tn.client.CreateUser(ctx, newUser(t, tn, "new.seller"))
	if err != nil {
		t.Fatal(err)
	}
	if err := tn.client.AddMember(ctx, sales.ID, u.ID); err != nil {
		t.Fatalf("AddMember: %v", err)
	}
	if !slices.Contains(memberIDs(t, tn.client, sales.ID, false), u.ID) {
		t.Fatal("the new member is not listed")
	}
	groups, err := tn.client.UserGroups(ctx, u.ID)
	if err != nil || len(groups) != 1 || groups[0].ID != sales.ID {
		t.Errorf("UserGroups = %v, %v; want [Sales]", groups, err)
	}
	err = tn.client.AddMember(ctx, sales.ID, u.ID)
	if !errors.Is(err, graph.ErrConflict) {
		t.Errorf("adding twice: %v, want ErrConflict", err)
	}
	if e, ok := graph.AsError(err); !ok || e.Plain() == "" {
		t.Errorf("no plain explanation for %v", err)
	}
	if err := tn.client.RemoveMember(ctx, sales.ID, u.ID); err != nil {
		t.Fatalf("RemoveMember: %v", err)
	}
	if slices.Contains(memberIDs(t, tn.client, sales.ID, false), u.ID) {
		t.Error("the removed member is still listed")
	}
}

func TestTransitiveMembersIncludeNestedGroups(t *testing.T) {
	tn := startTenant(t, demotenant.Options{})
	vpn := groupNamed(t, tn.client, "VPN Users")
	direct, err := tn.client.Members(vpn.ID, false).All(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	var nested []graph.Member
	for _, m := range direct {
		if m.Type == "group" {
			nested = append(nested, m)
		} else if m.Type != "user" || m.UserPrincipalName == "" {
			t.Errorf("direct member %+v", m)
		}
	}
	if len(nested) != 2 {
		t.Fatalf("VPN Users has %d nested groups, want 2", len(nested))
	}
	all := memberIDs(t, tn.client, vpn.ID, true)
	for _, n := range nested {
		for _, id := range memberIDs(t, tn.client, n.ID, false) {
			if !slices.Contains(all, id) {
				t.Errorf("member %s of nested %s missing from transitive members", id, n.DisplayName)
			}
		}
	}
	if len(all) <= len(direct) {
		t.Errorf("transitive members %d, direct %d", len(all), len(direct))
	}
}

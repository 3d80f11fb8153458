package userimport_test

import (
	"context"
	"slices"
	"testing"

	"github.com/entra-wizard/entra-wizard/demotenant"
	"github.com/entra-wizard/entra-wizard/graph"
	"github.com/entra-wizard/entra-wizard/userimport"
)

// findUser finds a user of the demo tenant by display name.
func findUser(t *testing.T, c *graph.Client, name string) graph.User {
	t.Helper()
	users, err := c.Users(graph.UserQuery{Search: name}).All(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	for _, u := range users {
		if u.DisplayName == name {
			return u
		}
	}
	t.Fatalf("no user %q", name)
	return graph.User{}
}

func TestCreateLikeGivesTheChosenGroupsLicensesAndManager(t *testing.T) {
	tn := startTenant(t, demotenant.Options{})
	ctx := context.Background()
	from := findUser(t, tn.client, "Megan Bowen")
	boss := findUser(t, tn.client, "Tenant Administrator")
	if err := tn.client.SetManager(ctx, from.ID, boss.ID); err != nil {
		t.Fatal(err)
	}
	l, err := userimport.ReadLikeness(ctx, tn.client, from)
	if err != nil {
		t.Fatal(err)
	}
	if len(l.Groups) < 2 || len(l.Licenses) == 0 || l.Manager == nil || l.Manager.ID != boss.ID {
		t.Fatalf("likeness of %s: %d groups, %d licenses, manager %v", from.DisplayName, len(l.Groups), len(l.Licenses), l.Manager)
	}
	left := l.Groups[0]
	l.Groups = l.Groups[1:] // the admin unticked one
	nu := graph.NewUser{DisplayName: "Megan's Twin", UserPrincipalName: "megans.twin@" + tn.info.TenantDomain,
		Department: from.Department, UsageLocation: from.UsageLocation, Password: "Twin-Start-2026!"}
	u, steps, err := userimport.CreateLike(ctx, tn.client, nu, l)
	if err != nil {
		t.Fatal(err)
	}
	if len(steps) != len(l.Groups)+len(l.Licenses)+1 {
		t.Fatalf("%d steps", len(steps))
	}
	for _, s := range steps {
		if s.Err != nil {
			t.Errorf("%s: %v", s.What, s.Err)
		}
	}
	groups, _ := tn.client.UserGroups(ctx, u.ID)
	var ids []string
	for _, g := range groups {
		ids = append(ids, g.ID)
	}
	if len(ids) != len(l.Groups) || slices.Contains(ids, left.ID) {
		t.Errorf("the new user is in %d groups (want %d), unticked one included: %v", len(ids), len(l.Groups), slices.Contains(ids, left.ID))
	}
	lic, _ := tn.client.UserLicenses(ctx, u.ID)
	if len(lic) != len(l.Licenses) {
		t.Errorf("%d licenses, want %d", len(lic), len(l.Licenses))
	}
	if m, err := tn.client.Manager(ctx, u.ID); err != nil || m.ID != boss.ID {
		t.Errorf("manager %+v, %v", m, err)
	}
	if u.Department != from.Department || u.UsageLocation != from.UsageLocation {
		t.Errorf("created %+v", u)
	}
}

func TestCreateLikeReportsAPartThatFailsAndKeepsTheUser(t *testing.T) {
	tn := startTenant(t, demotenant.Options{})
	ctx := context.Background()
	from := findUser(t, tn.client, "Megan Bowen")
	l, err := userimport.ReadLikeness(ctx, tn.client, from)
	if err != nil || len(l.Licenses) == 0 {
		t.Fatalf("likeness: %v, %d licenses", err, len(l.Licenses))
	}
	// Without a usage location no license can be assigned.
	nu := graph.NewUser{DisplayName: "Nowhere Twin", UserPrincipalName: "nowhere.twin@" + tn.info.TenantDomain, Password: "Twin-Start-2026!"}
	u, steps, err := userimport.CreateLike(ctx, tn.client, nu, l)
	if err != nil || u.ID == "" {
		t.Fatalf("create: %v", err)
	}
	failed := 0
	for _, s := range steps {
		if s.Err != nil {
			failed++
		}
	}
	if failed != len(l.Licenses) {
		t.Errorf("%d of %d steps failed; want the %d licenses", failed, len(steps), len(l.Licenses))
	}
	groups, _ := tn.client.UserGroups(ctx, u.ID)
	if len(groups) != len(l.Groups) {
		t.Errorf("the groups were not given after a license failed: %d of %d", len(groups), len(l.Groups))
	}
}

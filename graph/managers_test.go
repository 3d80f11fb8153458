package graph_test

import (
	"context"
	"errors"
	"slices"
	"strings"
	"testing"

	"github.com/entra-wizard/entra-wizard/demotenant"
	"github.com/entra-wizard/entra-wizard/graph"
)

// named reads the seeded user whose user name starts with alias.
func (t *tenant) named(tb testing.TB, alias string) graph.User {
	tb.Helper()
	for _, u := range t.info.Users {
		if strings.HasPrefix(u.UPN, alias+"@") {
			got, err := t.client.User(context.Background(), u.UPN)
			if err != nil {
				tb.Fatal(err)
			}
			return got
		}
	}
	tb.Fatalf("no seeded user %s", alias)
	return graph.User{}
}

func ids(users []graph.User) []string {
	out := make([]string, len(users))
	for i, u := range users {
		out[i] = u.ID
	}
	return out
}

// The seeded directory has an organization chart; a manager is set,
// replaced and cleared through the manager reference, and the direct
// reports follow.
func TestManagersAndDirectReports(t *testing.T) {
	tn := startTenant(t, demotenant.Options{})
	ctx := context.Background()
	c := tn.client
	admin, megan := tn.named(t, "admin"), tn.named(t, "megan")
	if m, err := c.Manager(ctx, megan.ID); err != nil || m.ID != admin.ID || m.UserPrincipalName != admin.UserPrincipalName {
		t.Fatalf("Megan's manager: %+v, %v; want the administrator", m, err)
	}
	reports, err := c.DirectReports(ctx, megan.ID)
	if err != nil || len(reports) == 0 {
		t.Fatalf("Megan's direct reports: %d, %v", len(reports), err)
	}
	for _, r := range reports {
		if r.Department != "Marketing" || r.DisplayName == "" {
			t.Errorf("Megan's report %+v is not in Marketing", r)
		}
	}
	guest, err := c.Users(graph.UserQuery{Filter: "userType eq 'Guest'", Top: 1}).Next(ctx)
	if err != nil || len(guest) != 1 {
		t.Fatalf("a guest: %v, %v", guest, err)
	}
	g := guest[0]
	if _, err := c.Manager(ctx, g.ID); !errors.Is(err, graph.ErrNoManager) {
		t.Errorf("a guest's manager: %v, want ErrNoManager", err)
	}
	if _, err := c.Manager(ctx, "00000000-0000-0000-0000-000000000001"); !errors.Is(err, graph.ErrNotFound) || errors.Is(err, graph.ErrNoManager) {
		t.Errorf("the manager of no user: %v, want ErrNotFound", err)
	}
	if err := c.SetManager(ctx, g.ID, megan.ID); err != nil {
		t.Fatalf("SetManager: %v", err)
	}
	if m, err := c.Manager(ctx, g.ID); err != nil || m.ID != megan.ID {
		t.Errorf("after setting: %+v, %v", m, err)
	}
	if now, err := c.DirectReports(ctx, megan.ID); err != nil || !slices.Contains(ids(now), g.ID) || len(now) != len(reports)+1 {
		t.Errorf("Megan's reports after setting: %v, %v", ids(now), err)
	}
	if err := c.SetManager(ctx, g.ID, admin.ID); err != nil {
		t.Fatalf("replacing the manager: %v", err)
	}
	if now, err := c.DirectReports(ctx, megan.ID); err != nil || slices.Contains(ids(now), g.ID) {
		t.Errorf("Megan's reports after replacing: %v, %v", ids(now), err)
	}
	if err := c.ClearManager(ctx, g.ID); err != nil {
		t.Fatalf("ClearManager: %v", err)
	}
	if _, err := c.Manager(ctx, g.ID); !errors.Is(err, graph.ErrNoManager) {
		t.Errorf("after clearing: %v, want ErrNoManager", err)
	}
	before := tn.srv.GraphRequests()
	if err := c.SetManager(ctx, megan.ID, megan.ID); !errors.Is(err, graph.ErrOwnManager) {
		t.Errorf("Megan as her own manager: %v, want ErrOwnManager", err)
	}
	if tn.srv.GraphRequests() != before {
		t.Error("a user as their own manager was sent to Graph")
	}
}

// A read-only connection reads managers but may not set them.
func TestSettingAManagerNeedsUserReadWriteAll(t *testing.T) {
	tn := startTenant(t, demotenant.Options{Scenario: demotenant.ScenarioReadOnly})
	ctx := context.Background()
	megan := tn.named(t, "megan")
	m, err := tn.client.Manager(ctx, megan.ID)
	if err != nil {
		t.Fatalf("reading a manager read-only: %v", err)
	}
	wantDenied(t, "set a manager", tn.client.SetManager(ctx, m.ID, megan.ID), "User.ReadWrite.All", "User.Read.All")
	wantDenied(t, "clear a manager", tn.client.ClearManager(ctx, megan.ID), "User.ReadWrite.All", "User.Read.All")
}

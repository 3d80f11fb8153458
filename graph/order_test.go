package graph_test

import (
	"context"
	"slices"
	"strings"
	"testing"

	"github.com/entra-wizard/entra-wizard/demotenant"
	"github.com/entra-wizard/entra-wizard/graph"
)

// TestUsersAndGroupsAreListedByDisplayName pages through every user and
// group in small pages, with and without a search: the rows come in
// display-name order, so a list shows the same rows in the same places on
// every visit.
func TestUsersAndGroupsAreListedByDisplayName(t *testing.T) {
	tn := startTenant(t, demotenant.Options{})
	ctx := context.Background()
	for _, search := range []string{"", "a"} {
		users, err := tn.client.Users(graph.UserQuery{Search: search, Top: 37}).All(ctx)
		if err != nil {
			t.Fatal(err)
		}
		groups, err := tn.client.Groups(graph.GroupQuery{Search: search, Top: 2}).All(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if len(users) < 40 || len(groups) < 3 {
			t.Fatalf("search %q: %d users, %d groups: too few to span pages", search, len(users), len(groups))
		}
		checkSorted(t, "users", users, func(u graph.User) string { return u.DisplayName })
		checkSorted(t, "groups", groups, func(g graph.Group) string { return g.DisplayName })
	}
}

func checkSorted[T any](t *testing.T, what string, items []T, name func(T) string) {
	t.Helper()
	if !slices.IsSortedFunc(items, func(a, b T) int { return strings.Compare(strings.ToLower(name(a)), strings.ToLower(name(b))) }) {
		t.Errorf("the %s are not in display-name order", what)
	}
}

// TestMembersOfALargeGroupCanBeSearched finds one member among the 5,000 of
// the large tenant's biggest group, and pages through the whole group.
func TestMembersOfALargeGroupCanBeSearched(t *testing.T) {
	tn := startTenant(t, demotenant.Options{Scenario: demotenant.ScenarioLarge})
	ctx := context.Background()
	groups, err := tn.client.Groups(graph.GroupQuery{Search: "All Employees"}).All(ctx)
	if err != nil || len(groups) == 0 {
		t.Fatalf("no All Employees group: %v", err)
	}
	g := groups[0]
	all := tn.client.MembersMatching(graph.MemberQuery{GroupID: g.ID, Top: 999})
	first, err := all.Next(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if all.Count() != 5000 || len(first) != 999 {
		t.Fatalf("the first page has %d of %d members", len(first), all.Count())
	}
	rest, err := all.All(ctx)
	if err != nil || len(first)+len(rest) != 5000 {
		t.Fatalf("paging found %d members: %v", len(first)+len(rest), err)
	}
	want := rest[len(rest)-1]
	found, err := tn.client.MembersMatching(graph.MemberQuery{GroupID: g.ID, Search: want.DisplayName, Top: 50}).All(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if !slices.ContainsFunc(found, func(m graph.Member) bool { return m.ID == want.ID }) || len(found) > 50 {
		t.Fatalf("searching %q found %d members without %s", want.DisplayName, len(found), want.ID)
	}
	for _, m := range found {
		if !strings.Contains(strings.ToLower(m.DisplayName), strings.ToLower(strings.Fields(want.DisplayName)[0])) {
			t.Errorf("searching %q found %q", want.DisplayName, m.DisplayName)
		}
	}
}

package panel

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"github.com/entra-wizard/entra-wizard/demotenant"
	"github.com/entra-wizard/entra-wizard/graph"
)

// TestPanelFindsAMemberOfAGroupOfThousands opens the large tenant's group
// of 5,000: its members page on as the list scrolls, like the users, and
// one member is found by searching within the members.
func TestPanelFindsAMemberOfAGroupOfThousands(t *testing.T) {
	h := newHarness(t, demotenant.Options{Scenario: demotenant.ScenarioLarge})
	h.openConnection("Northwind")
	h.panel.tabs.SelectIndex(1)
	g := h.selectGroup("All Employees")
	m := h.panel.groups.details.members
	l := m.list
	if !l.search.Visible() {
		t.Fatal("the members cannot be searched")
	}
	if want := fmt.Sprintf("Showing %d of 5,000 members", len(l.items)); l.count.Text != want {
		t.Fatalf("the members count says %q, want %q", l.count.Text, want)
	}
	first := len(l.items)
	l.list.ScrollToBottom()
	h.waitFor("the next page of members", func() bool { return !l.loading && len(l.items) > first })

	all, err := h.client.Members(g.ID, false).All(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	// Someone far beyond the pages loaded so far.
	want := all[len(all)-1]
	if slices.ContainsFunc(l.items, func(mb graph.Member) bool { return mb.ID == want.ID }) {
		t.Fatalf("%s is listed already; pick a member further on", want.DisplayName)
	}
	test.Type(l.search, want.DisplayName)
	h.waitFor("the search among the members", func() bool {
		return !l.loading && !strings.Contains(l.count.Text, "Searching")
	})
	pick(h, l, func(mb graph.Member) bool { return mb.ID == want.ID })
	if len(l.items) >= first {
		t.Fatalf("searching %q lists %d members", want.DisplayName, len(l.items))
	}

	// Another group starts without the search.
	searchFor(h, h.panel.groups.list, "")
	pick(h, h.panel.groups.list, func(x graph.Group) bool { return x.ID != g.ID })
	h.waitFor("the other group's members", func() bool { return !l.loading })
	if l.search.Text != "" {
		t.Fatalf("the next group's members are searched for %q", l.search.Text)
	}
}

// TestPanelListsUsersAndGroupsInNameOrder checks the rows of both lists
// come sorted by display name, the same on every visit.
func TestPanelListsUsersAndGroupsInNameOrder(t *testing.T) {
	h := newHarness(t, demotenant.Options{})
	h.openConnection("Northwind")
	users, groups := h.panel.users.list, h.panel.groups.list
	h.waitFor("the groups", func() bool { return len(groups.items) > 0 })
	byName := func(a, b string) int { return strings.Compare(strings.ToLower(a), strings.ToLower(b)) }
	if !slices.IsSortedFunc(users.items, func(a, b graph.User) int { return byName(a.DisplayName, b.DisplayName) }) {
		t.Error("the users are not in name order")
	}
	if !slices.IsSortedFunc(groups.items, func(a, b graph.Group) int { return byName(a.DisplayName, b.DisplayName) }) {
		t.Error("the groups are not in name order")
	}
}

package panel

import (
	"strings"
	"testing"

	"github.com/entra-wizard/entra-wizard/demotenant"
	"github.com/entra-wizard/entra-wizard/graph"
)

// The groups list shows how many direct members each group has, as
// Graph counts them, and counts again after members were added.
func TestGroupsListShowsMemberCounts(t *testing.T) {
	h := newHarness(t, demotenant.Options{})
	h.openConnection("Northwind")
	h.panel.tabs.SelectIndex(1)
	l := h.panel.groups.list
	searchFor(h, l, "Finance")
	g := pick(h, l, func(g graph.Group) bool { return g.DisplayName == "Finance" })
	want := count(len(h.memberIDs(g.ID)), "member", "members")
	rowText := func() string { return h.panel.groups.rowWithCount(g) }
	h.waitFor("Finance's member count", func() bool { return strings.HasSuffix(rowText(), " · "+want) })

	users, _ := bulkChange(t, h, 2, true, "Finance")
	want = count(len(h.memberIDs(g.ID)), "member", "members")
	h.waitFor("Finance's new member count", func() bool { return strings.HasSuffix(rowText(), " · "+want) })
	if len(users) != 2 {
		t.Fatalf("the bulk change took %d users", len(users))
	}
}

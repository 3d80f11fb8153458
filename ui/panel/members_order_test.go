package panel

import (
	"slices"
	"testing"

	"github.com/entra-wizard/entra-wizard/demotenant"
)

// A group's members are listed by name, direct and nested alike.
func TestGroupMembersAreSortedByName(t *testing.T) {
	h := newHarness(t, demotenant.Options{})
	h.openConnection("Northwind")
	h.panel.tabs.SelectIndex(1)
	h.selectGroup("Engineering")
	m := h.panel.groups.details.members
	for _, transitive := range []bool{false, true} {
		m.transitive.SetChecked(transitive)
		h.waitFor("the members", func() bool { return !m.list.loading && len(m.list.items) > 0 })
		if len(m.list.items) < 3 {
			t.Fatalf("Engineering has %d members; the test needs more", len(m.list.items))
		}
		if !slices.IsSortedFunc(m.list.items, byMemberName) {
			var names []string
			for _, mb := range m.list.items[:min(6, len(m.list.items))] {
				names = append(names, mb.DisplayName)
			}
			t.Errorf("the members (nested: %v) are not in name order: %q…", transitive, names)
		}
	}
}

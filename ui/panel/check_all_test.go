package panel

import (
	"testing"

	"github.com/entra-wizard/entra-wizard/demotenant"
	"github.com/entra-wizard/entra-wizard/graph"
)

// A user checked under an earlier search is still in the bulk change:
// the count says how many of the checked are not shown.
func TestCheckedUsersHiddenByASearchAreCounted(t *testing.T) {
	h := newHarness(t, demotenant.Options{})
	h.openConnection("Northwind")
	l := h.panel.users.list
	searchFor(h, l, "Megan")
	l.setChecked(pick(h, l, func(u graph.User) bool { return u.DisplayName == "Megan Bowen" }), true)
	if got := h.panel.users.checkedCount.Text; got != "1 checked" {
		t.Fatalf("with Megan checked and shown the count says %q", got)
	}
	searchFor(h, l, "Ravi")
	if got := h.panel.users.checkedCount.Text; got != "1 checked, 1 not shown" {
		t.Errorf("with Megan checked but not shown the count says %q", got)
	}
	searchFor(h, l, "Megan")
	if got := h.panel.users.checkedCount.Text; got != "1 checked" {
		t.Errorf("with Megan shown again the count says %q", got)
	}
}

// "Check all results" checks everyone the search finds, beyond the rows
// loaded so far; "Uncheck all" clears them.
func TestCheckAllResultsChecksEveryUserTheSearchFinds(t *testing.T) {
	h := newHarness(t, demotenant.Options{})
	h.openConnection("Northwind")
	tab := h.panel.users
	all, err := h.client.Users(graph.UserQuery{Top: 999}).All(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	if len(tab.list.items) >= len(all) {
		t.Fatalf("the list loaded all %d users at once; the test needs more than a page", len(all))
	}
	tapPanel(t, tab.checkAll)
	h.waitFor("every user checked", func() bool { return len(tab.list.checked) == len(all) })
	want := checkedText(len(all), len(all)-len(tab.list.items))
	if tab.checkedCount.Text != want {
		t.Errorf("after checking all the count says %q, want %q", tab.checkedCount.Text, want)
	}
	if tab.addToGroup.button.Disabled() {
		t.Error("Add checked to group stays disabled with every user checked")
	}
	tapPanel(t, tab.uncheckAll)
	if len(tab.list.checked) != 0 || tab.checkedCount.Text != "0 checked" || !tab.uncheckAll.Disabled() {
		t.Errorf("after Uncheck all %d stay checked; the count says %q", len(tab.list.checked), tab.checkedCount.Text)
	}
}

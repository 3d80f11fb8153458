package panel

import (
	"testing"

	"github.com/entra-wizard/entra-wizard/demotenant"
)

// A search that finds nothing leaves no details open beside the empty
// list: they would look like a result.
func TestSearchWithNoResultsClosesTheDetails(t *testing.T) {
	h := newHarness(t, demotenant.Options{})
	h.openConnection("Northwind")
	u := h.selectUser("Megan Bowen")
	d := h.panel.users.details
	if !d.body.Visible() || d.user.ID != u.ID {
		t.Fatal("the user's details did not open")
	}
	searchFor(h, h.panel.users.list, "Nobody By This Name")
	if d.body.Visible() || !d.empty.Visible() || d.empty.Text != chooseUser {
		t.Errorf("after a search with no results the details still show %s", d.user.DisplayName)
	}

	g := h.selectGroup("Finance")
	gd := h.panel.groups.details
	if !gd.body.Visible() {
		t.Fatalf("the details of %s did not open", g.DisplayName)
	}
	searchFor(h, h.panel.groups.list, "No Such Group At All")
	if gd.body.Visible() || gd.empty.Text != chooseGroup {
		t.Error("after a search with no results the group's details still show")
	}
}

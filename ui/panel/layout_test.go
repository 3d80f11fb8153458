package panel

import (
	"testing"

	"github.com/entra-wizard/entra-wizard/demotenant"
	"github.com/entra-wizard/entra-wizard/ui/kit/kittest"
)

// TestPanelFitsALaptopScreen opens a user's and a group's details, with
// the notice line showing, and checks the panel fits a 1366×768 laptop's
// screen at 100%, 125% and 150%. A panel wider or taller than that makes
// the window grow past the screen's edge the moment the wizard hands over
// to it, with Rename, Remove and Renew secret out of reach.
func TestPanelFitsALaptopScreen(t *testing.T) {
	for _, scenario := range []string{demotenant.ScenarioDefault, demotenant.ScenarioReadOnly} {
		t.Run(scenario, func(t *testing.T) {
			h := newHarness(t, demotenant.Options{Scenario: scenario})
			h.openConnection("Northwind")
			h.selectUser("Megan Bowen")
			h.panel.tabs.SelectIndex(1)
			h.selectGroup("Engineering")
			// The notice line shows after an export or a bulk change.
			h.panel.setNotice("Saved users.csv: 250 rows.")
			// The tabs are as large as their largest page, so both pages
			// count here.
			kittest.AssertFits(t, "the panel", h.panel.Content())
		})
	}
}

// TestPanelGroupStatusTakesRoomOnlyWhenItSaysSomething checks the group
// pane's status line appears with a message and goes again with the next
// group.
func TestPanelGroupStatusTakesRoomOnlyWhenItSaysSomething(t *testing.T) {
	h := newHarness(t, demotenant.Options{})
	h.openConnection("Northwind")
	h.selectGroup("Finance")
	d := h.panel.groups.details
	if d.status.Visible() {
		t.Fatalf("the status line shows with nothing to say: %q", d.status.Text)
	}
	d.name.SetText("  ")
	tapPanel(t, d.save.button)
	if !d.status.Visible() || d.status.Text != "A group needs a name." {
		t.Fatalf("saving a group without a name says %q (shown: %v)", d.status.Text, d.status.Visible())
	}
	h.selectGroup("Sales")
	if d.status.Visible() {
		t.Fatalf("the status line stays for the next group: %q", d.status.Text)
	}
}

package panel

import (
	"testing"

	"github.com/entra-wizard/entra-wizard/demotenant"
)

// TestPanelFitsTheFirstWindowSize opens a user's and a group's details,
// with the notice line showing, and checks the panel still fits the
// window's first size. A panel wider or taller than that makes
// the window grow past the screen's edge the moment the wizard hands over
// to it.
func TestPanelFitsTheFirstWindowSize(t *testing.T) {
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
			if min := h.panel.Content().MinSize(); min.Width > windowSize.Width || min.Height > windowSize.Height {
				t.Errorf("the panel needs %.0f×%.0f, more than the window's first size %.0f×%.0f",
					min.Width, min.Height, windowSize.Width, windowSize.Height)
			}
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

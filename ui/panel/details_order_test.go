package panel

import (
	"testing"

	"fyne.io/fyne/v2"

	"github.com/entra-wizard/entra-wizard/demotenant"
)

// At the window's first size a user's groups and licenses show where the
// pane opens, without scrolling past the profile's form, and no empty
// status line leaves a gap before them.
func TestUserDetailsShowGroupsAndLicensesWhereThePaneOpens(t *testing.T) {
	h := newHarness(t, demotenant.Options{})
	h.win.Resize(windowSize)
	h.openConnection("Northwind")
	h.selectUser("Megan Bowen")
	d := h.panel.users.details
	h.win.Content().Refresh()
	shown := d.body.Size().Height
	top := func(o fyne.CanvasObject) float32 {
		return fyne.CurrentApp().Driver().AbsolutePositionForObject(o).Y - fyne.CurrentApp().Driver().AbsolutePositionForObject(d.content).Y
	}
	if y := top(d.groups); y+d.groups.MinSize().Height > shown {
		t.Errorf("the groups start %.0f px down a pane %.0f px high: out of sight until scrolled", top(d.groups), shown)
	}
	if y := top(d.licenses.assigned); y > shown {
		t.Errorf("the licenses start %.0f px down a pane %.0f px high", y, shown)
	}
	for _, l := range []interface{ Visible() bool }{d.status, d.licenseStatus} {
		if l.Visible() {
			t.Error("an empty status line takes room in the pane")
		}
	}
}

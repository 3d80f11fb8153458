package ui

import (
	"testing"

	"fyne.io/fyne/v2/test"

	"github.com/entra-wizard/entra-wizard/ui/kit"
)

// TestWindowOpensWithinALaptopScreen opens the window on the wizard and
// on the panel: at every scale of a 1366×768 laptop it opens within the
// screen's work area, so Start and the panel's buttons are not below or
// beside the screen's edge.
func TestWindowOpensWithinALaptopScreen(t *testing.T) {
	info, store := appTenant(t)
	wizard := New(test.NewTempApp(t), Deps{Store: store, Demo: demoOf(info)})
	panel := panelUI(t, info, store)
	for name, u := range map[string]*UI{"wizard": wizard, "panel": panel} {
		size := u.Window().Canvas().Size()
		for _, s := range kit.Laptops {
			if size.Width > s.WorkArea.Width || size.Height > s.WorkArea.Height {
				t.Errorf("the %s opens at %.0f×%.0f; at %.0f%% the screen has room for %.0f×%.0f",
					name, size.Width, size.Height, s.Scale*100, s.WorkArea.Width, s.WorkArea.Height)
			}
		}
	}
}

//go:build screenshots

package ui

import (
	"errors"

	"fyne.io/fyne/v2"

	"github.com/entra-wizard/entra-wizard/ui/panel"
	"github.com/entra-wizard/entra-wizard/ui/setupwizard"
)

// CaptureWizard walks the wizard through every step with the demo
// tenant's values, calling shoot once each step is painted (see
// setupwizard.Wizard.Capture). Call it from a goroutine while the app
// runs, on a UI built with Deps.Demo set, and with a throwaway store.
func (u *UI) CaptureWizard(shoot func(name string) error) error {
	var w *setupwizard.Wizard
	fyne.DoAndWait(func() { w = u.wizard })
	if w == nil {
		return errors.New("capture: the wizard is not showing")
	}
	return w.Capture(shoot)
}

// CapturePanel moves on from the wizard's last step to the management
// panel and calls shoot once each of its views is painted (see
// panel.Panel.Capture). Call it after CaptureWizard returned.
func (u *UI) CapturePanel(shoot func(name string) error) error {
	var p *panel.Panel
	fyne.DoAndWait(func() {
		if u.wizard != nil {
			u.wizard.OnKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
		}
		p = u.panel
	})
	if p == nil {
		return errors.New("capture: the wizard did not open the management panel")
	}
	return p.Capture(shoot)
}

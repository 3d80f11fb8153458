package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"
)

// wizardDone says the connection is saved, and where.
type wizardDone struct {
	v       *wizardView
	summary *widget.Label
	where   *widget.Label
}

func newWizardDone(v *wizardView) *wizardDone {
	return &wizardDone{v: v, summary: wizardText(""), where: wizardText("")}
}

func (s *wizardDone) view() fyne.CanvasObject {
	return container.NewVBox(s.summary, s.where,
		wizardText("Press \"Open the management panel\" to search, create and edit users and groups. "+
			"You can add more connections there later."))
}

func (s *wizardDone) shown() {
	s.summary.SetText("The connection \"" + s.v.wz.State.Name + "\" is tested and saved.")
	if saved, ok := s.v.wz.Saved(); ok {
		s.where.SetText("Settings file: " + saved.SettingsFile + "\nSecret stored in: " + saved.Keychain)
	}
}

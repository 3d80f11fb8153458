package setupwizard

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"
)

// doneStep says the connection is saved, and where.
type doneStep struct {
	v       *Wizard
	summary *widget.Label
	where   *widget.Label
}

func newDoneStep(v *Wizard) *doneStep {
	return &doneStep{v: v, summary: wrappedLabel(""), where: wrappedLabel("")}
}

func (s *doneStep) view() fyne.CanvasObject {
	return container.NewVBox(s.summary, s.where,
		wrappedLabel("Press \"Open the management panel\" to search, create and edit users and groups. "+
			"You can add more connections there later."))
}

func (s *doneStep) shown() {
	s.summary.SetText("The connection \"" + s.v.wz.State.Name + "\" is tested and saved.")
	if saved, ok := s.v.wz.Saved(); ok {
		s.where.SetText("Settings file: " + saved.SettingsFile + "\nSecret stored in: " + saved.Keychain)
	}
}

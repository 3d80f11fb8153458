package setupwizard

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
)

// showAutoSetup replaces the wizard's steps with "Set it up for me".
func (v *Wizard) showAutoSetup() {
	if v.autoSetup == nil {
		v.autoSetup = newAutoSetupStep(v)
		v.autoPage = container.NewVScroll(v.autoSetup.view())
	}
	v.inAutoSetup = true
	v.heading.SetText("Set it up for me")
	v.position.SetText("")
	v.body.Objects = []fyne.CanvasObject{v.autoPage}
	v.body.Refresh()
	v.problems.Hide()
	v.unopened.Hide()
	v.next.Hide()
	v.back.Enable()
	v.relayout()
	v.FocusPage()
}

// leaveAutoSetup goes back to the guided portal path, at its first step.
func (v *Wizard) leaveAutoSetup() {
	if v.autoSetup != nil && v.autoSetup.running {
		return
	}
	v.inAutoSetup = false
	v.welcome.choice.SetSelected(choiceManual)
	v.next.Show()
	v.show()
	v.advance()
}

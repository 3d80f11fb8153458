package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"github.com/entra-wizard/entra-wizard/wizard"
)

// The method choices as the admin reads them.
const (
	wizardMethodSecretLabel  = "App registration with a client secret"
	wizardMethodBrowserLabel = "Sign in with a browser"
)

// wizardMethod asks how the program should sign in.
type wizardMethod struct {
	v       *wizardView
	choice  *widget.RadioGroup
	problem *widget.Label
}

func newWizardMethod(v *wizardView) *wizardMethod {
	s := &wizardMethod{v: v, problem: wizardFieldError()}
	s.choice = widget.NewRadioGroup([]string{wizardMethodSecretLabel, wizardMethodBrowserLabel}, s.onChoose)
	return s
}

func (s *wizardMethod) view() fyne.CanvasObject {
	help := widget.NewAccordion(widget.NewAccordionItem("Which should I pick?", wizardMarkdown(
		`**Sign in with a browser** if you are an administrator and will use this program yourself. `+
			`The program acts as you: it can do what your admin role allows, there is no secret to keep safe, `+
			`and you sign in again now and then.

**App registration with a client secret** if the program should work on its own, for example on a shared `+
			`computer or for someone without an admin role. The app gets its own permissions, which an `+
			`administrator approves once. The secret expires (after 6 to 24 months, as you choose) and must then be renewed.

Not sure? Pick **Sign in with a browser**: it needs fewer steps.`)))
	help.Open(0)
	return container.NewVBox(
		wizardText("How should this program sign in to Microsoft Entra ID?"),
		s.choice, s.problem, help,
	)
}

func (s *wizardMethod) shown() {
	switch s.v.wz.State.Method {
	case wizard.MethodSecret:
		s.choice.SetSelected(wizardMethodSecretLabel)
	case wizard.MethodBrowser:
		s.choice.SetSelected(wizardMethodBrowserLabel)
	}
	setWizardMessage(s.problem, "")
}

func (s *wizardMethod) onChoose(label string) {
	defer s.v.relayout()
	switch label {
	case wizardMethodSecretLabel:
		s.v.wz.SetMethod(wizard.MethodSecret)
	case wizardMethodBrowserLabel:
		s.v.wz.SetMethod(wizard.MethodBrowser)
	default:
		s.v.wz.SetMethod("")
	}
	setWizardMessage(s.problem, "")
}

func (s *wizardMethod) showFieldErrors() {
	defer s.v.relayout()
	setWizardMessage(s.problem, s.v.wz.FieldError(wizard.FieldMethod))
}

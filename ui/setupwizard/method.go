package setupwizard

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"github.com/entra-wizard/entra-wizard/wizard"
)

// The method choices as the admin reads them.
const (
	methodSecretLabel  = "App registration with a client secret"
	methodBrowserLabel = "Sign in with a browser"
)

// methodStep asks how the program should sign in.
type methodStep struct {
	v       *Wizard
	choice  *widget.RadioGroup
	problem *widget.Label
}

func newMethodStep(v *Wizard) *methodStep {
	s := &methodStep{v: v, problem: newFieldError()}
	s.choice = widget.NewRadioGroup([]string{methodSecretLabel, methodBrowserLabel}, s.onChoose)
	return s
}

func (s *methodStep) view() fyne.CanvasObject {
	help := widget.NewAccordion(widget.NewAccordionItem("Which should I pick?", markdown(
		`**Sign in with a browser** if you are an administrator and will use this program yourself. `+
			`The program acts as you: it can do what your admin role allows, there is no secret to keep safe, `+
			`and you sign in again now and then.

**App registration with a client secret** if the program should work on its own, for example on a shared `+
			`computer or for someone without an admin role. The app gets its own permissions, which an `+
			`administrator approves once. The secret expires (after 6 to 24 months, as you choose) and must then be renewed.

Not sure? Pick **Sign in with a browser**: it needs fewer steps.`)))
	help.Open(0)
	return container.NewVBox(
		wrappedLabel("How should this program sign in to Microsoft Entra ID?"),
		s.choice, s.problem, help,
	)
}

func (s *methodStep) shown() {
	switch s.v.wz.State.Method {
	case wizard.MethodSecret:
		s.choice.SetSelected(methodSecretLabel)
	case wizard.MethodBrowser:
		s.choice.SetSelected(methodBrowserLabel)
	}
	setWizardMessage(s.problem, "")
}

func (s *methodStep) onChoose(label string) {
	defer s.v.relayout()
	switch label {
	case methodSecretLabel:
		s.v.wz.SetMethod(wizard.MethodSecret)
	case methodBrowserLabel:
		s.v.wz.SetMethod(wizard.MethodBrowser)
	default:
		s.v.wz.SetMethod("")
	}
	setWizardMessage(s.problem, "")
}

func (s *methodStep) showFieldErrors() {
	defer s.v.relayout()
	setWizardMessage(s.problem, s.v.wz.FieldError(wizard.FieldMethod))
}

package setupwizard

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"github.com/entra-wizard/entra-wizard/ui/kit"
)

// welcomeStep is the first page: what the wizard does and what it needs.
type welcomeStep struct {
	v *Wizard
	// choice is the first choice: set it up for me, or register the app
	// myself (the guided steps).
	choice *kit.Radio
}

func newWelcomeStep(v *Wizard) *welcomeStep {
	s := &welcomeStep{v: v, choice: kit.NewRadio([]string{choiceAutoSetup, choiceManual}, nil)}
	s.choice.SetSelected(choiceManual)
	return s
}

func (s *welcomeStep) view() fyne.CanvasObject {
	intro := wrappedLabel("This wizard connects this program to your organization's Microsoft Entra ID, " +
		"so you can manage users and groups from here. It takes about 10 minutes.")
	need := markdown(`**What you will need**

- A browser, and an account that can sign in to the Microsoft Entra admin center.
- To register the app: the **Application Administrator** or **Cloud Application Administrator** role.
- To approve its permissions: a **Privileged Role Administrator** or **Global Administrator**; for browser sign-in, an Application Administrator too.

**What happens**

1. You choose how the program signs in.
2. You register an app for it in the Entra admin center (the wizard shows each click).
3. You paste the app's details here, and an administrator approves its permissions.
4. The wizard tests the connection and tells you exactly what works and what is missing.
5. The connection is saved: secrets in your system's keychain, never in a plain file.`)
	items := []fyne.CanvasObject{intro, need}
	if s.v.deps.Demo != nil {
		items = append([]fyne.CanvasObject{demoNotice()}, items...)
	}
	keys := widget.NewLabel("Press Start (or Enter) to begin. Escape goes back a step.")
	if s.v.deps.OnCancel != nil {
		keys.SetText(keys.Text + " Cancel (or Escape here) goes back to the management panel without saving anything.")
		keys.Wrapping = fyne.TextWrapWord
	}
	items = append(items, wrappedLabel("How would you like to connect?"), s.choice, keys)
	return container.NewVBox(items...)
}

func (s *welcomeStep) shown() {}

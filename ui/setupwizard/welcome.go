package setupwizard

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"github.com/entra-wizard/entra-wizard/ui/kit"
	"github.com/entra-wizard/entra-wizard/ui/setupwizard/flow"
)

// welcomeStep is the first page: what the wizard does and what it needs.
type welcomeStep struct {
	v *Wizard
	// choice is the first choice: set it up for me, or register the app
	// myself (the guided steps).
	choice *kit.Radio
}

func newWelcomeStep(v *Wizard) *welcomeStep {
	choices := []string{choiceAutoSetup, choiceManual}
	if v.deps.OnLDAP != nil {
		choices = append(choices, choiceLDAP)
	}
	// None is chosen: each way needs something different of the admin,
	// and Start waits until they have read which.
	s := &welcomeStep{v: v}
	s.choice = kit.NewRadio(choices, func(label string) {
		v.wz.ChoosePath(welcomePaths[label])
		v.refreshButtons()
	})
	return s
}

// welcomePaths are the welcome page's choices as the ways flow knows.
var welcomePaths = map[string]flow.Path{
	choiceAutoSetup: flow.PathAutoSetup,
	choiceManual:    flow.PathManual,
	choiceLDAP:      flow.PathLDAP,
}

func (s *welcomeStep) view() fyne.CanvasObject {
	intro := wrappedLabel("This wizard connects this program to your organization's Microsoft Entra ID, " +
		"so you can manage users and groups from here. Choose one of the ways below.")
	ways := `**Set it up for me** (about 2 minutes): you sign in in your browser as an administrator, and the program registers its app, gives it a certificate or secret, grants its permissions, tests the connection and saves it. You need the **Application Administrator** or **Cloud Application Administrator** role to register the app, and a **Privileged Role Administrator** or **Global Administrator** to approve its permissions (the program gives you a link to send them).

**I'll register the app myself** (about 10 minutes): the wizard shows each click in the Entra admin center, you paste the app's details here, an administrator approves its permissions, and the wizard tests the connection and tells you exactly what works and what is missing. You can also sign in with your own account through the browser this way.`
	if s.v.deps.OnLDAP != nil {
		ways += `

**Secure LDAP (Entra Domain Services)**: for a managed domain that a program or appliance reads over LDAPS, read-only. The wizard guides its setup on a page of its own.`
	}
	ways += `

Either way the connection is saved with its secrets in your system's keychain, never in a plain file.`
	items := []fyne.CanvasObject{intro, markdown(ways)}
	if s.v.deps.Demo != nil {
		items = append([]fyne.CanvasObject{demoNotice()}, items...)
	}
	keys := widget.NewLabel("Choose a way, then press Start (or Enter). Escape goes back a step.")
	keys.Wrapping = fyne.TextWrapWord
	if s.v.deps.OnCancel != nil {
		keys.SetText(keys.Text + " Cancel (or Escape here) goes back to the management panel without saving anything.")
	}
	items = append(items, wrappedLabel("How would you like to connect?"), s.choice, keys)
	return container.NewVBox(items...)
}

func (s *welcomeStep) shown() {}

// chosen reports whether a way has been chosen, which Start waits for.
func (s *welcomeStep) chosen() bool { return s.choice.Selected != "" }

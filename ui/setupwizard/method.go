package setupwizard

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"github.com/entra-wizard/entra-wizard/keystore"
	"github.com/entra-wizard/entra-wizard/ui/kit"
	"github.com/entra-wizard/entra-wizard/ui/setupwizard/flow"
)

// The method choices as the admin reads them.
const (
	methodCertificateLabel = "App registration with a certificate (recommended)"
	methodSecretLabel      = "App registration with a client secret"
	methodBrowserLabel     = "Sign in with a browser"
	methodLDAPLabel        = "LDAP (Entra Domain Services)"
)

// methodStep asks how the program should sign in.
type methodStep struct {
	v       *Wizard
	choice  *kit.Radio
	problem *widget.Label
	// ldap is true while "LDAP (Entra Domain Services)" is chosen; Next
	// then opens the secure LDAP page instead of the Entra ID steps.
	ldap bool
}

func newMethodStep(v *Wizard) *methodStep {
	s := &methodStep{v: v, problem: newFieldError()}
	choices := []string{methodCertificateLabel, methodSecretLabel, methodBrowserLabel}
	if v.deps.OnLDAP != nil {
		choices = append(choices, methodLDAPLabel)
	}
	s.choice = kit.NewRadio(choices, s.onChoose)
	return s
}

func (s *methodStep) view() fyne.CanvasObject {
	help := widget.NewAccordion(widget.NewAccordionItem("Which should I pick?", markdown(
		`**Sign in with a browser** if you are an administrator and will use this program yourself. `+
			`The program acts as you: it can do what your admin role allows, there is no secret to keep safe, `+
			`and you sign in again now and then.

**App registration with a certificate** if the program should work on its own, for example on a shared `+
			`computer or for someone without an admin role. The app gets its own permissions, which an `+
			`administrator approves once. The program makes the certificate (or uses one you have) and keeps its `+
			`private key in this computer's keychain; you upload only its public part. Microsoft recommends `+
			`certificates over secrets, and some organizations allow nothing else.

**App registration with a client secret** works the same way with a password-like secret copied from the `+
			`portal. The secret expires (after 6 to 24 months, as you choose) and must then be renewed.

**LDAP (Entra Domain Services)** if a program or appliance needs to read the directory over secure LDAP. `+
			`It connects to a Microsoft Entra Domain Services managed domain, read-only; the next page guides its setup.

Not sure? Pick **Sign in with a browser**: it needs fewer steps.`)))
	help.Open(0)
	return container.NewVBox(
		wrappedLabel("How should this program sign in to Microsoft Entra ID?"),
		s.choice, s.problem, help,
	)
}

// field is where the keyboard goes: the choice, which the arrow keys change.
func (s *methodStep) field() fyne.Focusable { return s.choice }

func (s *methodStep) shown() {
	switch s.v.wz.State.Method {
	case keystore.MethodCertificate:
		s.choice.SetSelected(methodCertificateLabel)
	case keystore.MethodClientSecret:
		s.choice.SetSelected(methodSecretLabel)
	case keystore.MethodBrowser:
		s.choice.SetSelected(methodBrowserLabel)
	}
	setWizardMessage(s.problem, "")
}

func (s *methodStep) onChoose(label string) {
	defer s.v.relayout()
	s.ldap = label == methodLDAPLabel
	switch label {
	case methodCertificateLabel:
		s.v.wz.SetMethod(keystore.MethodCertificate)
	case methodSecretLabel:
		s.v.wz.SetMethod(keystore.MethodClientSecret)
	case methodBrowserLabel:
		s.v.wz.SetMethod(keystore.MethodBrowser)
	default:
		s.v.wz.SetMethod("")
	}
	setWizardMessage(s.problem, "")
	s.v.clearProblems() // any choice is a complete answer
}

func (s *methodStep) showFieldErrors() {
	defer s.v.relayout()
	setWizardMessage(s.problem, s.v.wz.FieldError(flow.FieldMethod))
}

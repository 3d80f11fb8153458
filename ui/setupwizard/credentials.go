package setupwizard

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"github.com/entra-wizard/entra-wizard/keystore"
	"github.com/entra-wizard/entra-wizard/ui/setupwizard/flow"
)

// credentialsStep takes the app's client ID, the tenant and (for the
// secret method) the client secret, checking each as it is typed.
type credentialsStep struct {
	v *Wizard

	clientID, tenant, secret          *validatedEntry
	reveal                            *widget.Button // shows or hides the secret
	clientIDErr, tenantErr, secretErr *widget.Label
	secretWarning                     *widget.Label
	secretBox                         *fyne.Container
	certificate                       *certificateBox
}

func newCredentialsStep(v *Wizard) *credentialsStep {
	s := &credentialsStep{v: v,
		clientIDErr: newFieldError(), tenantErr: newFieldError(), secretErr: newFieldError(),
		secretWarning: newFieldError()}
	s.secretWarning.Importance = widget.WarningImportance

	s.clientID = newValidatedEntry(v, "00000000-0000-0000-0000-000000000000")
	s.clientID.OnChanged = func(text string) { v.wz.State.ClientID = text; s.check(false) }
	s.tenant = newValidatedEntry(v, "contoso.onmicrosoft.com or 00000000-0000-0000-0000-000000000000")
	s.tenant.OnChanged = func(text string) { v.wz.State.Tenant = text; s.check(false) }
	s.secret, s.reveal = newSecretEntry(v, "The secret's Value, e.g. Abc8Q~...")
	s.secret.OnChanged = func(text string) { v.wz.State.Secret = text; s.check(false) }
	s.secretBox = container.NewVBox(
		widget.NewLabelWithStyle("Client secret (Value)", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		wrappedLabel("From Certificates & secrets: the Value column, not the Secret ID. It stays hidden; "+
			"press the eye to check what you pasted."),
		s.secret, s.secretErr, s.secretWarning)
	s.certificate = newCertificateBox(v)
	return s
}

func (s *credentialsStep) view() fyne.CanvasObject {
	bold := fyne.TextStyle{Bold: true}
	return container.NewVBox(
		wrappedLabel("Copy these from the app's Overview page in the Entra admin center."),
		widget.NewLabelWithStyle("Application (client) ID", fyne.TextAlignLeading, bold),
		s.clientID, s.clientIDErr,
		widget.NewLabelWithStyle("Directory (tenant) ID, or a domain of your tenant", fyne.TextAlignLeading, bold),
		s.tenant, s.tenantErr,
		s.secretBox, s.certificate.view,
	)
}

// field is where the keyboard goes: the first of the app's details.
func (s *credentialsStep) field() fyne.Focusable { return s.clientID }

func (s *credentialsStep) shown() {
	st := s.v.wz.State
	s.clientID.SetText(st.ClientID)
	s.tenant.SetText(st.Tenant)
	s.secret.SetText(st.Secret)
	showIf(s.secretBox, st.Method == keystore.MethodClientSecret)
	showIf(s.certificate.view, st.Method == keystore.MethodCertificate)
	s.certificate.shown()
	s.check(false)
}

// check shows what is wrong with each field. While typing, empty fields
// are not judged; after Next every field is.
func (s *credentialsStep) check(all bool) {
	defer s.v.relayout()
	for _, f := range []struct {
		field flow.Field
		entry *validatedEntry
		label *widget.Label
	}{
		{flow.FieldClientID, s.clientID, s.clientIDErr},
		{flow.FieldTenant, s.tenant, s.tenantErr},
		{flow.FieldSecret, s.secret, s.secretErr},
	} {
		msg := ""
		if all || f.entry.Text != "" {
			msg = s.v.wz.FieldError(f.field)
		}
		setWizardMessage(f.label, msg)
	}
	setWizardMessage(s.secretWarning, s.v.wz.SecretWarning())
	if all && s.certificate.problem.Text == "" {
		setWizardMessage(s.certificate.problem, s.v.wz.FieldError(flow.FieldCertificate))
	}
	s.v.recheck()
}

func (s *credentialsStep) showFieldErrors() { s.check(true) }

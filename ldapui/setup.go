package ldapui

import (
	"context"
	"fmt"
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/entra-wizard/entra-wizard/keystore"
	"github.com/entra-wizard/entra-wizard/ldapconn"
)

// Setup is the page that sets up a secure LDAP connection: the guide, the
// fields, the test and saving.
type Setup struct {
	deps    Deps
	onBack  func()
	onSaved func(name string)

	guide    *guide
	name     *widget.Entry
	server   *widget.Entry
	port     *widget.Entry
	bind     *widget.Entry
	password *widget.Entry
	baseDN   *widget.Entry
	problem  *widget.Label

	test      *widget.Button
	checklist *checklist
	trust     *widget.Button
	trusted   *widget.Label
	save      *widget.Button
	saved     *widget.Label
	back      *widget.Button

	// pinned is the fingerprint the admin chose to trust.
	pinned string
	// suggested is the base DN last filled in for the admin.
	suggested string
	// passedFor is the key of the values the last passing test ran with.
	passedFor string
	offered   *ldapconn.Certificate
	cancel    context.CancelFunc
	scroll    *container.Scroll
	root      fyne.CanvasObject
}

// NewSetup builds the setup page. onBack returns to the choice of method;
// onSaved opens the saved connection.
func NewSetup(deps Deps, onBack func(), onSaved func(name string)) *Setup {
	s := &Setup{deps: deps, onBack: onBack, onSaved: onSaved, guide: newGuide(deps), checklist: newChecklist()}
	// Placeholders say "for example": grey text alone reads as a value
	// already filled in.
	s.name = s.entry("for example: Contoso directory", keystore.ValidateName)
	s.server = s.entry("for example: ldaps.aaddscontoso.com", ldapconn.ValidateServer)
	s.port = s.entry("636", func(t string) error { _, err := ldapconn.ParsePort(t); return err })
	s.port.SetText(strconv.Itoa(ldapconn.DefaultPort))
	s.bind = s.entry("for example: admin@aaddscontoso.com", ldapconn.ValidateBindAccount)
	s.password = widget.NewPasswordEntry()
	s.baseDN = s.entry("for example: DC=aaddscontoso,DC=com", ldapconn.ValidateBaseDN)
	for _, e := range []*widget.Entry{s.name, s.server, s.port, s.bind, s.password, s.baseDN} {
		e.OnChanged = func(string) { s.changed() }
	}
	s.problem = widget.NewLabel("")
	s.problem.Wrapping = fyne.TextWrapWord
	s.problem.Importance = widget.DangerImportance
	s.test = widget.NewButtonWithIcon("Test connection", theme.MediaPlayIcon(), s.onTest)
	s.test.Importance = widget.HighImportance
	s.trust = widget.NewButtonWithIcon("Trust this certificate", theme.ConfirmIcon(), s.onTrust)
	s.trust.Hide()
	s.trusted = widget.NewLabel("")
	s.trusted.Wrapping = fyne.TextWrapWord
	s.trusted.Hide()
	s.save = widget.NewButtonWithIcon("Save connection", theme.DocumentSaveIcon(), s.onSave)
	s.save.Disable()
	s.saved = widget.NewLabel("")
	s.saved.Wrapping = fyne.TextWrapWord
	s.back = widget.NewButtonWithIcon("Back", theme.NavigateBackIcon(), s.onBackTapped)
	s.root = s.build()
	return s
}

// View is the page's content.
func (s *Setup) View() fyne.CanvasObject { return s.root }

// Close stops a test that is still running.
func (s *Setup) Close() {
	if s.cancel != nil {
		s.cancel()
	}
}

func (s *Setup) entry(placeholder string, check func(string) error) *widget.Entry {
	e := widget.NewEntry()
	e.SetPlaceHolder(placeholder)
	e.Validator = func(t string) error {
		if t == "" {
			return nil // not typed yet: say nothing until Test
		}
		return check(t)
	}
	return e
}

// bindHint says which forms of the bind account the managed domain takes:
// Active Directory accepts a user principal name, a down-level logon name
// or a DN in a simple bind.
const bindHint = `user@domain, DOMAIN\user (the domain's NetBIOS name, such as AADDSCONTOSO) or the account's DN`

func (s *Setup) build() fyne.CanvasObject {
	heading := widget.NewLabelWithStyle("Secure LDAP through Microsoft Entra Domain Services", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	intro := widget.NewLabel("Follow the steps in the Azure portal (open each one), then fill in the fields and test. " +
		"Nothing is saved until the test passes; the password goes to the system keychain only.")
	intro.Wrapping = fyne.TextWrapWord
	bindItem := widget.NewFormItem("Bind account", s.bind)
	bindItem.HintText = bindHint
	form := widget.NewForm(
		widget.NewFormItem("Connection name", s.name),
		widget.NewFormItem("Server (DNS name or IP)", s.server),
		widget.NewFormItem("Port", s.port),
		bindItem,
		widget.NewFormItem("Password", s.password),
		widget.NewFormItem("Base DN", s.baseDN),
	)
	actions := container.NewHBox(s.test, s.trust, s.save)
	body := container.NewVBox(heading, intro, s.guide.accordion, widget.NewSeparator(), form, s.problem,
		actions, s.trusted, s.checklist.box, s.saved)
	s.scroll = container.NewVScroll(container.NewPadded(body))
	return container.NewBorder(nil, container.NewHBox(s.back), nil, nil, s.scroll)
}

// settings reads the fields; the first problem is shown and returned.
func (s *Setup) settings() (ldapconn.Settings, error) {
	st := ldapconn.Settings{Server: s.server.Text, BindAccount: s.bind.Text, BaseDN: s.baseDN.Text, Fingerprint: s.pinned}
	if err := keystore.ValidateName(s.name.Text); err != nil {
		return st, fmt.Errorf("connection name: %w", err)
	}
	if err := ldapconn.ValidateServer(st.Server); err != nil {
		return st, fmt.Errorf("server: %w", err)
	}
	port, err := ldapconn.ParsePort(s.port.Text)
	if err != nil {
		return st, fmt.Errorf("port: %w", err)
	}
	st.Port = port
	return st, st.Validate()
}

// changed follows typing: it suggests the base DN, fills the domain into
// the guide, and forgets a test made with other values.
func (s *Setup) changed() {
	domain := ldapconn.ManagedDomainOf(s.server.Text, s.bind.Text)
	s.guide.setDomain(domain)
	if s.baseDN.Text == "" || s.baseDN.Text == s.suggested {
		if dn := ldapconn.SuggestBaseDN(domain); dn != "" && dn != s.baseDN.Text {
			s.suggested = dn
			s.baseDN.SetText(dn)
		}
	}
	if s.save != nil && s.passedFor != s.key() {
		s.save.Disable()
	}
}

// key identifies the values a test ran with.
func (s *Setup) key() string {
	return s.server.Text + "\x00" + s.port.Text + "\x00" + s.bind.Text + "\x00" + s.baseDN.Text + "\x00" + s.pinned + "\x00" + s.password.Text
}

func (s *Setup) onBackTapped() {
	s.Close()
	if s.onBack != nil {
		s.onBack()
	}
}

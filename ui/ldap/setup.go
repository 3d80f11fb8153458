package ldap

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
	"github.com/entra-wizard/entra-wizard/ui/kit"
)

// Setup is the page that sets up a secure LDAP connection: the guide, the
// fields, the test and saving.
type Setup struct {
	deps     Deps
	onBack   func()
	onCancel func()
	onSaved  func(name string)

	guide *guide
	// domain is the managed domain's DNS name; the server, the bind
	// account's example and the base DN follow it.
	domain   *kit.Entry
	name     *kit.Entry
	server   *kit.Entry
	port     *kit.Entry
	bind     *kit.Entry
	password *widget.Entry
	baseDN   *kit.Entry
	problem  *widget.Label

	test      *kit.Button
	checklist *checklist
	trust     *kit.Button
	trusted   *widget.Label
	save      *kit.Button
	saved     *widget.Label
	back      *kit.Button
	cancelBtn *kit.Button

	// pinned is the fingerprint the admin chose to trust.
	pinned string
	// suggested is the base DN last filled in for the admin;
	// suggestedServer the server name.
	suggested       string
	suggestedServer string
	// passedFor is the key of the values the last passing test ran with.
	passedFor string
	offered   *ldapconn.Certificate
	cancel    context.CancelFunc
	scroll    *container.Scroll
	root      fyne.CanvasObject
}

// NewSetup builds the setup page. onBack returns to the choice of method;
// onSaved opens the saved connection. SetOnCancel adds a Cancel.
func NewSetup(deps Deps, onBack func(), onSaved func(name string)) *Setup {
	s := &Setup{deps: deps, onBack: onBack, onSaved: onSaved, checklist: newChecklist()}
	// Placeholders say "for example": grey text alone reads as a value
	// already filled in.
	s.domain = s.entry("for example: "+exampleDomain, ldapconn.ValidateServer)
	s.guide = newGuide(deps, widget.NewForm(widget.NewFormItem("Managed domain", s.domain)))
	s.name = s.entry("for example: Contoso directory", keystore.ValidateName)
	s.server = s.entry("for example: ldaps."+exampleDomain, ldapconn.ValidateServer)
	s.port = s.entry("636", func(t string) error { _, err := ldapconn.ParsePort(t); return err })
	s.port.SetText(strconv.Itoa(ldapconn.DefaultPort))
	s.bind = s.entry("for example: admin@"+exampleDomain, ldapconn.ValidateBindAccount)
	s.password = widget.NewPasswordEntry()
	s.baseDN = s.entry("for example: DC=aaddscontoso,DC=com", ldapconn.ValidateBaseDN)
	for _, e := range []*widget.Entry{&s.domain.Entry, &s.name.Entry, &s.server.Entry, &s.port.Entry, &s.bind.Entry, s.password, &s.baseDN.Entry} {
		e.OnChanged = func(string) { s.changed() }
	}
	s.problem = widget.NewLabel("")
	s.problem.Wrapping = fyne.TextWrapWord
	s.problem.Importance = widget.DangerImportance
	s.test = kit.NewButtonWithIcon("Test connection", theme.MediaPlayIcon(), s.onTest)
	s.test.Importance = widget.HighImportance
	s.trust = kit.NewButtonWithIcon("Trust this certificate", theme.ConfirmIcon(), s.onTrust)
	s.trust.Hide()
	s.trusted = widget.NewLabel("")
	s.trusted.Wrapping = fyne.TextWrapWord
	s.trusted.Hide()
	s.save = kit.NewButtonWithIcon("Save connection", theme.DocumentSaveIcon(), s.onSave)
	s.save.Disable()
	s.saved = widget.NewLabel("")
	s.saved.Wrapping = fyne.TextWrapWord
	s.back = kit.NewButtonWithIcon("Back", theme.NavigateBackIcon(), s.onBackTapped)
	s.cancelBtn = kit.NewButtonWithIcon("Cancel", theme.CancelIcon(), s.onCancelTapped)
	s.cancelBtn.Hide()
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

func (s *Setup) entry(placeholder string, check func(string) error) *kit.Entry {
	e := kit.NewEntry()
	e.SetPlaceHolder(placeholder)
	e.Validator = func(t string) error {
		if t == "" {
			return nil // not typed yet: say nothing until Test
		}
		return check(t)
	}
	return e
}

// exampleDomain is Microsoft's example managed domain, shown until the
// admin types theirs.
const exampleDomain = "aaddscontoso.com"

// bindHint says which forms of the bind account the managed domain takes:
// Active Directory accepts a user principal name, a down-level logon name
// or a DN in a simple bind.
const bindHint = `user@domain, DOMAIN\user (the domain's NetBIOS name, such as AADDSCONTOSO) or the account's DN`

func (s *Setup) build() fyne.CanvasObject {
	heading := widget.NewLabelWithStyle("Secure LDAP through Microsoft Entra Domain Services", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	intro := widget.NewLabel("Follow the steps in the Azure portal, then fill in the fields and test. " +
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
	body := container.NewVBox(intro, s.guide.view, widget.NewSeparator(), form, s.problem,
		actions, s.trusted, s.checklist.box, s.saved)
	s.scroll = container.NewVScroll(container.NewPadded(body))
	// The heading and the step counter stay above the scrolled part, as
	// the manual wizard's do.
	top := container.NewPadded(container.NewBorder(nil, nil, nil, s.guide.position, heading))
	return container.NewBorder(top, container.NewHBox(s.cancelBtn, s.back), nil, nil, s.scroll)
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

// changed follows typing: it suggests the server and the base DN, fills
// the domain into the guide and the bind account's example, and forgets a
// test made with other values.
func (s *Setup) changed() {
	domain := s.domain.Text
	if domain != "" && ldapconn.ValidateServer(domain) == nil {
		follow(&s.server.Entry, &s.suggestedServer, "ldaps."+domain)
	} else {
		domain = ldapconn.ManagedDomainOf(s.server.Text, s.bind.Text)
	}
	s.guide.setDomain(domain)
	example := exampleDomain
	if domain != "" {
		example = domain
	}
	if p := "for example: admin@" + example; s.bind.PlaceHolder != p {
		s.bind.SetPlaceHolder(p)
	}
	follow(&s.baseDN.Entry, &s.suggested, ldapconn.SuggestBaseDN(domain))
	if s.save != nil && s.passedFor != s.key() {
		s.save.Disable()
	}
}

// follow fills value into e unless the admin typed a value of their own
// there: e is empty or holds what was last filled in (*suggested).
func follow(e *widget.Entry, suggested *string, value string) {
	if value == "" || value == e.Text || (e.Text != "" && e.Text != *suggested) {
		return
	}
	*suggested = value
	e.SetText(value)
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

// SetOnCancel shows Cancel, which leaves the page without saving, as
// Escape does.
func (s *Setup) SetOnCancel(f func()) {
	s.onCancel = f
	s.cancelBtn.Show()
}

// OnKey takes the keys no field kept: Escape cancels.
func (s *Setup) OnKey(ev *fyne.KeyEvent) {
	if ev.Name == fyne.KeyEscape {
		s.onCancelTapped()
	}
}

func (s *Setup) onCancelTapped() {
	if s.onCancel == nil {
		return
	}
	s.Close()
	s.onCancel()
}

// Draft is what the admin typed on the page, but the password, to fill in
// again when they come back to it.
type Draft struct{ Domain, Name, Server, Port, Bind, BaseDN string }

// Draft is what the fields hold now.
func (s *Setup) Draft() Draft {
	return Draft{Domain: s.domain.Text, Name: s.name.Text, Server: s.server.Text, Port: s.port.Text, Bind: s.bind.Text, BaseDN: s.baseDN.Text}
}

// Restore fills the fields with d. The domain goes first, so a server or
// base DN that only followed it goes on following it.
func (s *Setup) Restore(d Draft) {
	s.domain.SetText(d.Domain)
	s.name.SetText(d.Name)
	s.server.SetText(d.Server)
	s.port.SetText(d.Port)
	s.bind.SetText(d.Bind)
	s.baseDN.SetText(d.BaseDN)
}

package panel

import (
	"context"
	"errors"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/entra-wizard/entra-wizard/graph"
	"github.com/entra-wizard/entra-wizard/ui/kit"
)

// userForm is the dialog that creates a user. It stays open when
// Graph refuses, so nothing typed is lost, and shows the generated password
// once when the user is created.
type userForm struct {
	p *Panel
	s *session

	fields userFields
	// upn is the sign-in name before the @, or a whole address, which is
	// then used as typed; domain offers the tenant's verified domains.
	upn     *kit.Entry
	domain  *widget.Select
	domains []string // the tenant's verified domains, default first; nil until read
	// whole shows the whole user name as it will be created: a long
	// domain must never be the part that is cut off.
	whole  *widget.Label
	status *widget.Label
	create *kit.Button
	cancel *kit.Button
	dialog *kit.Dialog

	// creator, called on the UI goroutine as Create is pressed, gives what
	// creates the user in the background and says what else it did, for
	// the password dialog; nil creates the user alone.
	creator func() createFunc

	// password is the dialog that shows the new user's password once.
	password     *kit.Dialog
	passwordText *widget.Label
	copyPassword *kit.Button
}

// createFunc creates a user and says what else it did.
type createFunc func(ctx context.Context, nu graph.NewUser) (graph.User, string, error)

func newUserForm(p *Panel, s *session, created func(graph.User)) *userForm {
	return buildUserForm(p, s, "New user", nil, created)
}

// buildUserForm builds the dialog called title, with extra (if any) below
// the fields.
func buildUserForm(p *Panel, s *session, title string, extra fyne.CanvasObject, created func(graph.User)) *userForm {
	f := &userForm{p: p, s: s, fields: newUserFields(), upn: kit.NewEntry(), status: widget.NewLabel("")}
	f.status.Wrapping = fyne.TextWrapWord
	f.upn.SetPlaceHolder("name")
	f.upn.Validator = f.validUPN
	f.upn.OnChanged = func(v string) { f.showDomain() }
	f.domain = widget.NewSelect(nil, func(string) { f.showWhole() })
	f.domain.PlaceHolder = "reading domains…"
	f.domain.Disable()
	f.whole = widget.NewLabel("")
	f.whole.Wrapping = fyne.TextWrapBreak
	f.whole.Hide()
	// The domain has a row of its own, as wide as the form: domains such
	// as contoso.onmicrosoft.com are long.
	upnRow := container.NewVBox(f.upn,
		container.NewBorder(nil, nil, widget.NewLabel("@"), nil, f.domain), f.whole)
	form := f.fields.createForm(upnRow)
	f.create = kit.NewButtonWithIcon("Create user", theme.ConfirmIcon(), func() { f.onCreate(created) })
	f.create.Importance = widget.HighImportance
	f.cancel = kit.NewButton("Cancel", func() { f.dialog.Hide() })
	note := widget.NewLabel("A strong password is generated; the user must change it at the next sign-in.")
	var content fyne.CanvasObject = container.NewVBox(form, note, f.status)
	size := fyne.NewSize(560, 0)
	if extra != nil {
		// With what is taken from another user the dialog is taller than
		// a laptop's window at 125 %: the fields scroll, the status stays.
		content = container.NewBorder(nil, f.status, nil, nil, container.NewVScroll(container.NewVBox(form, note, extra)))
		size = kit.DialogSize(p.cfg.Window, fyne.NewSize(600, 640))
	}
	d := dialog.NewCustomWithoutButtons(title, content, p.cfg.Window)
	d.SetButtons([]fyne.CanvasObject{f.cancel, f.create})
	d.Resize(size)
	f.dialog = kit.NewDialog(p.cfg.Window, d, f.fields.displayName, f.create.Press)
	f.readDomains()
	return f
}

// readDomains asks for the tenant's verified domains to offer after the
// @. Without them (the connection may not read the organization) the user
// name is typed whole.
func (f *userForm) readDomains() {
	var org graph.Organization
	f.p.background(f.s, func(ctx context.Context) (err error) {
		org, err = f.s.client.Organization(ctx)
		return err
	}, func(err error) {
		if err != nil || len(org.VerifiedDomains) == 0 {
			f.domain.PlaceHolder = "type the whole address"
			f.domain.Refresh()
			f.upn.SetPlaceHolder("name@your-domain.com")
			return
		}
		f.domains = org.VerifiedDomains
		f.domain.SetOptions(org.VerifiedDomains)
		f.domain.SetSelectedIndex(0)
		f.showDomain()
	})
}

// showDomain offers the domain picker unless the whole address was typed
// (or pasted) into the name field.
func (f *userForm) showDomain() {
	if f.domains == nil || strings.Contains(f.upn.Text, "@") {
		f.domain.Disable()
	} else {
		f.domain.Enable()
	}
	f.showWhole()
}

// showWhole shows the whole user name once there is a name to show.
func (f *userForm) showWhole() {
	if strings.TrimSpace(f.upn.Text) == "" {
		f.whole.Hide()
		return
	}
	f.whole.SetText("Signs in as " + f.userPrincipalName())
	f.whole.Show()
}

// userPrincipalName is the sign-in name the user is created with.
func (f *userForm) userPrincipalName() string {
	v := strings.TrimSpace(f.upn.Text)
	if strings.Contains(v, "@") || f.domain.Selected == "" {
		return v
	}
	return v + "@" + f.domain.Selected
}

func (f *userForm) validUPN(string) error {
	name, domain, ok := strings.Cut(f.userPrincipalName(), "@")
	if !ok || name == "" || !strings.Contains(domain, ".") || strings.ContainsAny(f.upn.Text, " \t") {
		if f.domains != nil {
			return errors.New("a user name is a name without spaces before the @, e.g. pat.doe, with one of the tenant's domains after it")
		}
		return errors.New("a user name looks like name@your-domain.com, with one of the tenant's verified domains")
	}
	return nil
}

// fail shows what stops the user being created, styled as an error.
func (f *userForm) fail(text string) {
	f.status.Importance = widget.DangerImportance
	f.status.SetText(text)
}

// say shows progress, styled as plain text.
func (f *userForm) say(text string) {
	f.status.Importance = widget.MediumImportance
	f.status.SetText(text)
}

// refusal explains why Graph refused the new user; a domain the tenant
// has not verified is answered with the ones it has.
func (f *userForm) refusal(name string, err error) string {
	text := errorText("create "+name, err)
	if errors.Is(err, graph.ErrUnverifiedDomain) && len(f.domains) > 0 {
		text += " This tenant's verified domains are: " + strings.Join(f.domains, ", ") + "."
	}
	return text
}

func (f *userForm) onCreate(created func(graph.User)) {
	if err := f.upn.Validate(); err != nil {
		f.fail(err.Error())
		return
	}
	if err := f.fields.valid(); err != nil {
		f.fail(err.Error())
		return
	}
	password, err := f.s.client.GeneratePassword()
	if err != nil {
		f.fail(errorText("make a password", err))
		return
	}
	nu := graph.NewUser{
		DisplayName:       strings.TrimSpace(f.fields.displayName.Text),
		UserPrincipalName: f.userPrincipalName(),
		GivenName:         strings.TrimSpace(f.fields.givenName.Text),
		Surname:           strings.TrimSpace(f.fields.surname.Text),
		JobTitle:          strings.TrimSpace(f.fields.jobTitle.Text),
		Department:        strings.TrimSpace(f.fields.department.Text),
		UsageLocation:     strings.ToUpper(strings.TrimSpace(f.fields.usageLocation.Text)),
		Password:          password,
	}
	f.create.Disable()
	f.say("Creating…")
	create := func(ctx context.Context, nu graph.NewUser) (graph.User, string, error) {
		u, err := f.s.client.CreateUser(ctx, nu)
		return u, "", err
	}
	if f.creator != nil {
		create = f.creator()
	}
	var user graph.User
	var also string
	f.p.background(f.s, func(ctx context.Context) (err error) {
		user, also, err = create(ctx, nu)
		return err
	}, func(err error) {
		f.create.Enable()
		if err != nil {
			f.fail(f.refusal(nu.DisplayName, err))
			return
		}
		f.dialog.Hide()
		created(user)
		f.showPassword(user, password, also)
	})
}

// showPassword shows the generated password once, with a copy button,
// after what else was done.
func (f *userForm) showPassword(u graph.User, password, also string) {
	intro := u.DisplayName + " (" + u.UserPrincipalName + ") was created. They must change the password at their next sign-in."
	if also != "" {
		intro += "\n\n" + also
	}
	shown := showPasswordOnce(f.p, "User created", intro, password)
	f.password, f.passwordText, f.copyPassword = shown.dialog, shown.text, shown.copy
}

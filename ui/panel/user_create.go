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
)

// userForm is the dialog that creates a user. It stays open when
// Graph refuses, so nothing typed is lost, and shows the generated password
// once when the user is created.
type userForm struct {
	p *Panel
	s *session

	fields userFields
	upn    *widget.Entry
	status *widget.Label
	create *widget.Button
	cancel *widget.Button
	dialog *dialog.CustomDialog

	// password is the dialog that shows the new user's password once.
	password     *dialog.CustomDialog
	passwordText *widget.Label
	copyPassword *widget.Button
}

func newUserForm(p *Panel, s *session, created func(graph.User)) *userForm {
	f := &userForm{p: p, s: s, fields: newUserFields(), upn: widget.NewEntry(), status: widget.NewLabel("")}
	f.status.Wrapping = fyne.TextWrapWord
	f.upn.SetPlaceHolder("name@your-domain.com")
	f.upn.Validator = func(v string) error {
		name, domain, ok := strings.Cut(strings.TrimSpace(v), "@")
		if !ok || name == "" || !strings.Contains(domain, ".") || strings.ContainsAny(v, " \t") {
			return errors.New("a user name looks like name@your-domain.com, with one of the tenant's verified domains")
		}
		return nil
	}
	form := f.fields.createForm(f.upn)
	f.create = widget.NewButtonWithIcon("Create user", theme.ConfirmIcon(), func() { f.onCreate(created) })
	f.create.Importance = widget.HighImportance
	f.cancel = widget.NewButton("Cancel", func() { f.dialog.Hide() })
	content := container.NewVBox(form, widget.NewLabel("A strong password is generated; the user must change it at the next sign-in."), f.status)
	f.dialog = dialog.NewCustomWithoutButtons("New user", content, p.cfg.Window)
	f.dialog.SetButtons([]fyne.CanvasObject{f.cancel, f.create})
	f.dialog.Resize(fyne.NewSize(520, 0))
	return f
}

func (f *userForm) onCreate(created func(graph.User)) {
	if err := f.upn.Validate(); err != nil {
		f.status.SetText(err.Error())
		return
	}
	if err := f.fields.valid(); err != nil {
		f.status.SetText(err.Error())
		return
	}
	password, err := f.s.client.GeneratePassword()
	if err != nil {
		f.status.SetText(errorText("make a password", err))
		return
	}
	nu := graph.NewUser{
		DisplayName:       strings.TrimSpace(f.fields.displayName.Text),
		UserPrincipalName: strings.TrimSpace(f.upn.Text),
		GivenName:         strings.TrimSpace(f.fields.givenName.Text),
		Surname:           strings.TrimSpace(f.fields.surname.Text),
		JobTitle:          strings.TrimSpace(f.fields.jobTitle.Text),
		Department:        strings.TrimSpace(f.fields.department.Text),
		UsageLocation:     strings.ToUpper(strings.TrimSpace(f.fields.usageLocation.Text)),
		Password:          password,
	}
	f.create.Disable()
	f.status.SetText("Creating…")
	var user graph.User
	f.p.background(f.s, func(ctx context.Context) (err error) {
		user, err = f.s.client.CreateUser(ctx, nu)
		return err
	}, func(err error) {
		f.create.Enable()
		if err != nil {
			f.status.SetText(errorText("create "+nu.DisplayName, err))
			return
		}
		f.dialog.Hide()
		created(user)
		f.showPassword(user, password)
	})
}

// showPassword shows the generated password once, with a copy button.
func (f *userForm) showPassword(u graph.User, password string) {
	f.passwordText = widget.NewLabelWithStyle(password, fyne.TextAlignCenter, fyne.TextStyle{Monospace: true})
	f.passwordText.Selectable = true
	f.copyPassword = widget.NewButtonWithIcon("Copy password", theme.ContentCopyIcon(), func() {
		if f.p.cfg.Clipboard != nil {
			f.p.cfg.Clipboard.SetContent(password)
			f.copyPassword.SetText("Copied")
		}
	})
	if f.p.cfg.Clipboard == nil {
		f.copyPassword.Disable()
	}
	msg := widget.NewLabel(u.DisplayName + " (" + u.UserPrincipalName + ") was created.\n\n" +
		"Give them this password. It is shown only now and cannot be seen again. " +
		"They must change it at their next sign-in.")
	msg.Wrapping = fyne.TextWrapWord
	f.password = dialog.NewCustom("User created", "Done", container.NewVBox(msg, f.passwordText, f.copyPassword), f.p.cfg.Window)
	f.password.Resize(fyne.NewSize(480, 0))
	f.password.Show()
}

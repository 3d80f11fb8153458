package panel

import (
	"context"
	"errors"
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/entra-wizard/entra-wizard/graph"
	"github.com/entra-wizard/entra-wizard/ui/kit"
)

// shownPassword is a dialog that shows a generated password once, with a
// button that copies it.
type shownPassword struct {
	dialog *kit.Dialog
	text   *widget.Label
	copy   *kit.Button
}

// showPasswordOnce shows password under intro in a dialog called title.
func showPasswordOnce(p *Panel, title, intro, password string) *shownPassword {
	s := &shownPassword{text: widget.NewLabelWithStyle(password, fyne.TextAlignCenter, fyne.TextStyle{Monospace: true})}
	s.text.Selectable = true
	s.copy = kit.NewButtonWithIcon("Copy password", theme.ContentCopyIcon(), func() {
		if p.cfg.Clipboard != nil {
			p.cfg.Clipboard.SetContent(password)
			s.copy.SetText("Copied")
		}
	})
	if p.cfg.Clipboard == nil {
		s.copy.Disable()
	}
	msg := widget.NewLabel(intro + "\n\nGive them this password. It is shown only now and cannot be seen again.")
	msg.Wrapping = fyne.TextWrapWord
	d := dialog.NewCustom(title, "Done", container.NewVBox(msg, s.text, s.copy), p.cfg.Window)
	d.Resize(fyne.NewSize(480, 0))
	s.dialog = kit.NewDialog(p.cfg.Window, d, s.copy, d.Hide)
	s.dialog.Show()
	return s
}

// passwordReset is the Reset password dialog of one user.
type passwordReset struct {
	d          *userDetails
	user       graph.User
	mustChange *kit.Check
	reset      *kit.Button
	dialog     *kit.Dialog
	shown      *shownPassword // the new password, once reset
}

// onResetPassword asks before giving the shown user a new password.
// A user synchronised from an on-premises directory is told where the
// reset is done instead.
func (d *userDetails) onResetPassword() {
	u := d.user
	if u.OnPremisesSync {
		d.say(u, graph.OnPremisesPasswordAdvice(u))
		return
	}
	r := &passwordReset{d: d, user: u, mustChange: kit.NewCheck("They must choose a new password at the next sign-in", nil)}
	r.mustChange.SetChecked(true)
	msg := widget.NewLabel(fmt.Sprintf("Give %s (%s) a new, generated password? The current one stops working at once.",
		u.DisplayName, address(u.UserPrincipalName, u.Mail)))
	msg.Wrapping = fyne.TextWrapWord
	r.reset = kit.NewButtonWithIcon("Reset password", theme.ConfirmIcon(), r.run)
	r.reset.Importance = widget.HighImportance
	cancel := kit.NewButton("Cancel", func() { r.dialog.Hide() })
	dlg := dialog.NewCustomWithoutButtons("Reset password", container.NewVBox(msg, r.mustChange), d.p.cfg.Window)
	dlg.SetButtons([]fyne.CanvasObject{cancel, r.reset})
	dlg.Resize(fyne.NewSize(480, 0))
	r.dialog = kit.NewDialog(d.p.cfg.Window, dlg, r.reset, r.reset.Press)
	d.passwordReset = r
	r.dialog.Show()
}

// run resets the password and shows the new one once.
func (r *passwordReset) run() {
	r.dialog.Hide()
	d, u, s := r.d, r.user, r.d.s
	password, err := graph.GeneratePassword()
	if err != nil {
		d.say(u, errorText("make a password", err))
		return
	}
	mustChange := r.mustChange.Checked
	d.setStatus("Resetting the password of " + u.DisplayName + "…")
	d.p.background(s, func(ctx context.Context) error {
		return s.client.ResetPassword(ctx, u, password, mustChange)
	}, func(err error) {
		if err != nil {
			d.say(u, resetRefusal(u, err))
			return
		}
		d.say(u, "The password of "+u.DisplayName+" was reset.")
		intro := u.DisplayName + " (" + address(u.UserPrincipalName, u.Mail) + ") has a new password."
		if mustChange {
			intro += " They choose their own at the next sign-in."
		}
		r.shown = showPasswordOnce(d.p, "Password reset", intro, password)
	})
}

// resetRefusal explains why Entra refused a reset, with the rule for
// administrators' passwords when it was refused.
func resetRefusal(u graph.User, err error) string {
	text := errorText("reset the password of "+u.DisplayName, err)
	if errors.Is(err, graph.ErrDenied) {
		text += " " + graph.AdminPasswordAdvice(u)
	}
	return text
}

package panel

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/entra-wizard/entra-wizard/graph"
	"github.com/entra-wizard/entra-wizard/offboard"
	"github.com/entra-wizard/entra-wizard/ui/kit"
)

// offboarder is the engine for the open connection, its records kept in
// the settings folder; nil when the panel has no settings folder.
func (d *userDetails) offboarder() *offboard.Offboarder {
	if d.p.cfg.ConfigDir == "" || d.s == nil {
		return nil
	}
	return &offboard.Offboarder{Client: d.s.client, Store: offboard.OpenStore(d.p.cfg.ConfigDir), Connection: d.s.name}
}

// showOffboarding shows Offboard… and, when the shown user has a record,
// Undo offboarding.
func (d *userDetails) showOffboarding() {
	o := d.offboarder()
	if o == nil {
		d.offboard.button.Hide()
		d.undoOffboard.button.Hide()
		return
	}
	d.offboard.button.Show()
	if o.Store.Has(o.Connection, d.user.ID) {
		d.undoOffboard.button.Show()
	} else {
		d.undoOffboard.button.Hide()
	}
}

// offboarding is the Offboard dialog of one user: a preview of each step,
// ticked, then the steps' progress and outcomes.
type offboarding struct {
	d      *userDetails
	off    *offboard.Offboarder
	plan   *offboard.Plan
	checks map[offboard.Step]*kit.Check

	progress *widget.Label
	outcome  *widget.Label
	run      *kit.Button
	close    *kit.Button
	dialog   *kit.Dialog
	shown    *shownPassword // the temporary password, once reset
}

// onOffboard reads what the user holds (and what an unfinished run left)
// and opens the dialog.
func (d *userDetails) onOffboard() {
	u, s, off := d.user, d.s, d.offboarder()
	setStatus(d.status, "Reading what "+u.DisplayName+" holds…")
	var plan *offboard.Plan
	d.p.background(s, func(ctx context.Context) (err error) {
		plan, err = off.Preview(ctx, u.ID)
		return err
	}, func(err error) {
		if err != nil {
			d.say(u, offboardError("read what "+u.DisplayName+" holds", err))
			return
		}
		d.say(u, "")
		d.offboarding = newOffboarding(d, off, plan)
		d.offboarding.dialog.Show()
	})
}

// offboardError words a failure, saying so when the user is gone.
func offboardError(doing string, err error) string {
	if errors.Is(err, offboard.ErrUserGone) {
		return "Could not " + doing + ": the user no longer exists. They may have been deleted: look in Recently deleted."
	}
	return errorText(doing, err)
}

// stepLabel is a step's line in the preview: what it will do, by name.
func stepLabel(plan *offboard.Plan, s offboard.Step) string {
	text := s.Title()
	switch s {
	case offboard.ResetPassword:
		text += " (a temporary password is shown once)"
	case offboard.RemoveLicenses, offboard.RemoveGroups, offboard.RemoveOwnerships:
		if names := plan.Pending(s); len(names) > 0 {
			text += fmt.Sprintf(" (%d): %s", len(names), strings.Join(names, ", "))
		} else {
			text += ": none"
		}
	}
	if plan.Done(s) {
		text += " (done already)"
	}
	return text
}

func newOffboarding(d *userDetails, off *offboard.Offboarder, plan *offboard.Plan) *offboarding {
	o := &offboarding{d: d, off: off, plan: plan, checks: map[offboard.Step]*kit.Check{},
		progress: widget.NewLabel(""), outcome: widget.NewLabel("")}
	u := plan.User
	intro := fmt.Sprintf("Offboard %s (%s)? The ticked steps are done in this order. A record of the licenses, groups "+
		"and ownerships removed is kept, so Undo offboarding can put them back.", u.DisplayName, u.UserPrincipalName)
	if plan.Resuming {
		intro += " An earlier offboarding did not finish: the steps it did count as done."
	}
	msg := widget.NewLabel(intro)
	msg.Wrapping = fyne.TextWrapWord
	box := container.NewVBox(msg)
	for _, s := range offboard.Steps {
		c := kit.NewCheck(stepLabel(plan, s), nil)
		c.SetChecked(true)
		o.checks[s] = c
		box.Add(c)
	}
	o.progress.Wrapping = fyne.TextWrapWord
	o.outcome.Wrapping = fyne.TextWrapWord
	o.progress.Hide()
	o.outcome.Hide()
	box.Add(o.progress)
	box.Add(o.outcome)
	o.run = kit.NewButtonWithIcon("Offboard", theme.ConfirmIcon(), o.start)
	o.run.Importance = widget.DangerImportance
	o.close = kit.NewButton("Cancel", func() { o.dialog.Hide() })
	dlg := dialog.NewCustomWithoutButtons("Offboard "+u.DisplayName, container.NewVScroll(box), d.p.cfg.Window)
	dlg.SetButtons([]fyne.CanvasObject{o.close, o.run})
	dlg.Resize(kit.DialogSize(d.p.cfg.Window, fyne.NewSize(560, 520)))
	o.dialog = kit.NewDialog(d.p.cfg.Window, dlg, o.checks[offboard.Steps[0]], o.run.Press)
	return o
}

// start runs the ticked steps in the background, with a progress line.
func (o *offboarding) start() {
	var chosen []offboard.Step
	for _, s := range offboard.Steps {
		if o.checks[s].Checked {
			chosen = append(chosen, s)
		}
		o.checks[s].Disable()
	}
	// Close stays: the run goes on behind it, and its outcome and any
	// temporary password still show.
	o.run.Disable()
	o.d.offboard.setReady(false) // one run at a time
	o.close.SetText("Close")
	o.progress.SetText("Starting…")
	o.progress.Show()
	d, s, u := o.d, o.d.s, o.plan.User
	var res *offboard.Result
	d.p.background(s, func(ctx context.Context) (err error) {
		res, err = o.off.Run(ctx, o.plan, chosen, func(p offboard.Progress) {
			d.p.cfg.Do(func() { o.progress.SetText(fmt.Sprintf("Step %d of %d: %s", p.Index, p.Of, p.Description)) })
		})
		return err
	}, func(err error) {
		d.offboard.setReady(true)
		o.progress.SetText(runSummary(u, res, err))
		if res != nil {
			o.outcome.SetText(outcomeLines(res))
			o.outcome.Show()
		}
		d.offboarded(u, res)
		if res != nil && res.Password != "" {
			o.shown = showPasswordOnce(d.p, "Temporary password", u.DisplayName+" ("+u.UserPrincipalName+
				") has a temporary password and must choose their own at the next sign-in.", res.Password)
		}
	})
}

// runSummary is the progress line's last word.
func runSummary(u graph.User, res *offboard.Result, err error) string {
	switch {
	case err != nil:
		return offboardError("offboard "+u.DisplayName, err) + " Offboard again to finish: what was done stays done."
	case res.Failed():
		return "Some steps failed. Offboard " + u.DisplayName + " again to finish what is left."
	}
	return u.DisplayName + " is offboarded."
}

// outcomeLines says how each step went, in admin words.
func outcomeLines(res *offboard.Result) string {
	var lines []string
	for _, out := range res.Outcomes {
		line := out.Step.Title() + ": "
		switch {
		case out.Status == offboard.StatusKept:
			line += "not done (unticked)"
		case out.Status == offboard.StatusDone && out.Already:
			line += "done already"
		case out.Status == offboard.StatusDone:
			line += "done"
		case out.Err != nil:
			line += offboardError(strings.ToLower(out.Step.Title()[:1])+out.Step.Title()[1:], out.Err)
		default:
			line += "not finished"
		}
		if len(out.Removed) > 0 {
			line += ". Removed: " + strings.Join(out.Removed, ", ")
		}
		for _, f := range out.Failed {
			line += "\n    Not removed: " + f
		}
		lines = append(lines, line)
	}
	return strings.Join(lines, "\n")
}

// offboarded shows the user's details as they are after a run.
func (d *userDetails) offboarded(u graph.User, res *offboard.Result) {
	if res != nil {
		for _, out := range res.Outcomes {
			if out.Step == offboard.BlockSignIn && out.Status == offboard.StatusDone {
				u.AccountEnabled = false
				d.list.replace(u)
			}
		}
	}
	if d.body.Visible() && d.user.ID == u.ID {
		d.show(u)
	}
}

// onUndoOffboard asks, then puts back what the record says was removed.
func (d *userDetails) onUndoOffboard() {
	u, s, off := d.user, d.s, d.offboarder()
	msg := fmt.Sprintf("Undo the offboarding of %s (%s)? The licenses, groups and ownerships it removed are put back and "+
		"sign-in is allowed again, if it was before. The password it reset and the sessions it ended cannot be given back.",
		u.DisplayName, u.UserPrincipalName)
	d.undoConfirm = newConfirmDialog(d.p.cfg.Window, "Undo offboarding", msg, "Undo offboarding", "", func() {
		setStatus(d.status, "Putting back what offboarding took from "+u.DisplayName+"…")
		var res *offboard.UndoResult
		d.p.background(s, func(ctx context.Context) (err error) {
			res, err = off.Undo(ctx, u.ID)
			return err
		}, func(err error) {
			if err != nil && res == nil {
				d.say(u, offboardError("undo the offboarding of "+u.DisplayName, err))
				return
			}
			d.say(u, undoSummary(u, res))
			if res.SignIn == "allowed" {
				u.AccountEnabled = true
				d.list.replace(u)
			}
			if d.body.Visible() && d.user.ID == u.ID {
				status := d.status.Text
				d.show(u)
				setStatus(d.status, status)
			}
		})
	})
	d.undoConfirm.dialog.Show()
}

// undoSummary says what Undo put back and what it could not.
func undoSummary(u graph.User, res *offboard.UndoResult) string {
	text := fmt.Sprintf("Put back for %s: %d of %d.", u.DisplayName, len(res.Restored), len(res.Restored)+len(res.NotRestored))
	if len(res.NotRestored) > 0 {
		text = "Could not put back everything for " + u.DisplayName + ": " + strings.Join(res.NotRestored, "; ") + ". " + text
	}
	if res.SignIn == "allowed" {
		text += " They can sign in again."
	} else {
		text += " Sign-in: " + res.SignIn + "."
	}
	if res.Kept {
		text += " Undo again to put back the rest."
	}
	return text
}

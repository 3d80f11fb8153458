package panel

import (
	"context"
	"fmt"
	"image/color"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/entra-wizard/entra-wizard/graph"
)

// userDetails shows one user: editable profile fields, enable or
// disable, delete, the groups the user belongs to and their licenses.
type userDetails struct {
	p     *Panel
	s     *session
	list  *searchList[graph.User]
	user  graph.User
	shown int // numbers the users shown; answers for an earlier one are dropped
	// groupLoads numbers the reads of the shown user's groups, which a
	// membership change starts again; an answer for an older one is dropped.
	groupLoads int

	title  *widget.Label
	upn    *widget.Label
	state  *widget.Label
	fields userFields

	save   *featureGate
	toggle *featureGate
	// signOut ends the user's sessions everywhere.
	signOut *featureGate
	// resetPassword gives the user a new, generated password.
	resetPassword *featureGate
	remove        *featureGate
	// newLike creates a user like the shown one.
	newLike  *featureGate
	likeForm *userLike // the last New user like dialog
	groups   *widget.Label
	status   *widget.Label

	licenses       *licensesView
	deleteConfirm  *confirmDialog
	signOutConfirm *confirmDialog
	passwordReset  *passwordReset

	content *fyne.Container // what the pane scrolls
	body    *container.Scroll
	empty   *widget.Label
	root    fyne.CanvasObject
}

func newUserDetails(p *Panel, list *searchList[graph.User]) *userDetails {
	d := &userDetails{
		p: p, list: list,
		title:  widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		upn:    widget.NewLabel(""),
		state:  widget.NewLabel(""),
		fields: newUserFields(),
		groups: widget.NewLabel(""),
		status: widget.NewLabel(""),
		empty:  widget.NewLabel(chooseUser),
	}
	// A long name or address wraps instead of widening the pane past the
	// window's first size, which would push the buttons under the scrollbar.
	d.title.Wrapping = fyne.TextWrapWord
	d.upn.Wrapping = fyne.TextWrapBreak
	d.state.Wrapping = fyne.TextWrapWord
	d.groups.Wrapping = fyne.TextWrapWord
	d.status.Wrapping = fyne.TextWrapWord
	d.empty.Wrapping = fyne.TextWrapWord
	d.save = newFeatureGate("Save changes", theme.DocumentSaveIcon(), graph.ManageUsers, d.onSave)
	d.toggle = newFeatureGate("Disable sign-in", theme.VisibilityOffIcon(), graph.EnableDisable, d.onToggle)
	d.resetPassword = newFeatureGate("Reset password…", theme.AccountIcon(), graph.ManageUsers, d.onResetPassword)
	d.signOut = newFeatureGate("Sign out everywhere…", theme.LogoutIcon(), graph.ManageUsers, d.onSignOut)
	d.remove = newFeatureGate("Delete user…", theme.DeleteIcon(), graph.DeleteUsers, d.onDelete)
	d.remove.button.Importance = widget.DangerImportance
	d.newLike = newFeatureGate("New user like…", theme.ContentCopyIcon(), graph.ManageUsers, d.onNewLike)
	d.licenses = newLicensesView(p, d.say)

	d.content = container.NewVBox(
		d.title, d.upn, d.state,
		d.fields.form(),
		d.save.button,
		container.NewGridWithColumns(2, d.toggle.button, d.remove.button),
		d.resetPassword.button,
		d.signOut.button,
		d.newLike.button,
		permissionNotes(d.save, d.toggle, d.remove, d.resetPassword, d.signOut, d.newLike),
		d.status,
		widget.NewSeparator(),
		widget.NewLabelWithStyle("Groups", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		d.groups,
		widget.NewSeparator(),
		widget.NewLabelWithStyle("Licenses", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		d.licenses.view(),
	)
	// The scrollbar is drawn over the content's right edge: a gutter as
	// wide as the scrollbar keeps the buttons beside it clear of it.
	gutter := canvas.NewRectangle(color.Transparent)
	gutter.SetMinSize(fyne.NewSize(theme.ScrollBarSize(), 0))
	d.body = container.NewVScroll(container.NewBorder(nil, nil, nil, gutter, d.content))
	// The licenses area changes height as its answers come in: the pane
	// lays itself out again, or the new lines would have no room.
	d.licenses.resized = func() {
		d.content.Refresh()
		d.body.Refresh()
	}
	d.body.Hide()
	d.root = container.NewStack(d.empty, d.body)
	return d
}

func (d *userDetails) view() fyne.CanvasObject { return d.root }

// start resets the pane for a newly opened connection.
func (d *userDetails) start(s *session) {
	d.s = s
	for _, g := range []*featureGate{d.save, d.toggle, d.remove, d.resetPassword, d.signOut, d.newLike} {
		g.apply(s.report)
	}
	d.fields.setEditable(s.report.Allows(graph.ManageUsers))
	d.licenses.start(s)
	d.shown++
	d.body.Hide()
	d.empty.Show()
}

// chooseUser is what the pane says while no user is shown.
const chooseUser = "Choose a user in the list to see and change their details."

// clear shows no user: the list has none to choose.
func (d *userDetails) clear() {
	d.shown++
	d.body.Hide()
	d.empty.SetText(chooseUser)
	d.empty.Show()
}

// show fills the pane with a user and loads their groups and licenses.
func (d *userDetails) show(u graph.User) {
	d.user = u
	d.shown++
	d.empty.Hide()
	d.body.Show()
	d.title.SetText(u.DisplayName)
	d.upn.SetText(u.UserPrincipalName)
	d.showState()
	d.fields.fill(u)
	setStatus(d.status, "")
	d.licenses.show(u)
	d.loadGroups()
}

// loadGroups reads the shown user's groups in the background.
func (d *userDetails) loadGroups() {
	d.groupLoads++
	u, loads, s := d.user, d.groupLoads, d.s
	d.groups.SetText("Loading…")
	var groups []graph.Group
	d.p.background(s, func(ctx context.Context) (err error) {
		groups, err = s.client.UserGroups(ctx, u.ID)
		return err
	}, func(err error) {
		if loads != d.groupLoads {
			return
		}
		if err != nil {
			d.groups.SetText(errorText("list the user's groups", err))
			return
		}
		d.groups.SetText(groupNames(groups))
	})
}

// membershipChanged reads the shown user's groups again when a change of
// members touched them, so the pane never lists groups they left or
// misses one they joined.
func (d *userDetails) membershipChanged(userIDs []string) {
	if d.body.Visible() && slices.Contains(userIDs, d.user.ID) {
		d.loadGroups()
	}
}

// say shows the outcome of an action on user u: on the status line while
// u is still shown, otherwise on the panel's notice line, so it never
// lands beside another user's details and is not lost either.
func (d *userDetails) say(u graph.User, text string) {
	if d.body.Visible() && d.user.ID == u.ID {
		setStatus(d.status, text)
		return
	}
	d.p.noticeAbout(u.DisplayName, text)
}

// showState says what kind of account the user has and whether they can
// sign in, and names the toggle after what it will do.
func (d *userDetails) showState() {
	kind := "Member"
	if d.user.UserType == "Guest" {
		kind = "Guest from another organization"
	}
	if !d.user.CreatedDateTime.IsZero() {
		kind += ", created " + d.user.CreatedDateTime.Local().Format("2 Jan 2006")
	}
	if d.user.AccountEnabled {
		d.state.SetText(kind + ". Sign-in allowed.")
		d.toggle.button.SetText("Disable sign-in")
	} else {
		d.state.SetText(kind + ". Sign-in blocked (account disabled).")
		d.toggle.button.SetText("Enable sign-in")
	}
}

func (d *userDetails) onSave() {
	u, s := d.user, d.s
	if err := d.fields.valid(); err != nil {
		d.status.Importance = widget.DangerImportance
		d.status.SetText(err.Error())
		return
	}
	changes, updated := d.fields.changes(u)
	if changes == (graph.UserChanges{}) {
		setStatus(d.status, "Nothing to save: no field was changed.")
		return
	}
	d.save.setReady(false)
	setStatus(d.status, "Saving…")
	d.p.background(s, func(ctx context.Context) error {
		return s.client.UpdateUser(ctx, u.ID, changes)
	}, func(err error) {
		d.save.setReady(true)
		if err != nil {
			d.say(u, errorText("save "+u.DisplayName, err))
			return
		}
		d.list.replace(updated)
		if d.user.ID == u.ID {
			d.user = updated
			d.title.SetText(updated.DisplayName)
		}
		d.say(u, "Saved.")
	})
}

func (d *userDetails) onToggle() {
	u, s := d.user, d.s
	enable := !u.AccountEnabled
	d.toggle.setReady(false)
	d.p.background(s, func(ctx context.Context) error {
		return s.client.SetAccountEnabled(ctx, u.ID, enable)
	}, func(err error) {
		d.toggle.setReady(true)
		if err != nil {
			d.say(u, errorText("change sign-in for "+u.DisplayName, err))
			return
		}
		u.AccountEnabled = enable
		d.list.replace(u)
		if d.user.ID == u.ID {
			d.user = u
			d.showState()
		}
		if enable {
			d.say(u, u.DisplayName+" can sign in again.")
		} else {
			d.say(u, u.DisplayName+" can no longer sign in. Apps and browsers already signed in keep working until their sessions end: "+
				"use Sign out everywhere to end them now.")
		}
	})
}

// onSignOut ends every session of the user, after a confirmation that
// names them: each app and browser asks them to sign in again.
func (d *userDetails) onSignOut() {
	u, s := d.user, d.s
	msg := fmt.Sprintf("Sign %s (%s) out of every app and browser? They will have to sign in again everywhere, "+
		"which can take a few minutes to reach every app.", u.DisplayName, u.UserPrincipalName)
	if u.UserType == "Guest" {
		msg += " As a guest they sign in at their own organization, which keeps its sessions: this ends only what this tenant issued."
	}
	d.signOutConfirm = newConfirmDialog(d.p.cfg.Window, "Sign out everywhere", msg, "Sign out everywhere", "", func() {
		setStatus(d.status, "Signing "+u.DisplayName+" out everywhere…")
		d.p.background(s, func(ctx context.Context) error {
			return s.client.RevokeSessions(ctx, u.ID)
		}, func(err error) {
			if err != nil {
				d.say(u, errorText("sign "+u.DisplayName+" out everywhere", err))
				return
			}
			d.say(u, u.DisplayName+" is signed out everywhere: apps and browsers ask them to sign in again within a few minutes.")
		})
	})
	d.signOutConfirm.confirm.SetIcon(theme.LogoutIcon())
	d.signOutConfirm.dialog.Show()
}

func (d *userDetails) onDelete() {
	u, s := d.user, d.s
	msg := fmt.Sprintf("Delete %s (%s)? They lose access at once. You can restore them from \"Recently deleted\" for 30 days; after that they are gone for good.", u.DisplayName, u.UserPrincipalName)
	d.deleteConfirm = newConfirmDialog(d.p.cfg.Window, "Delete user", msg, "Delete", u.DisplayName, func() {
		setStatus(d.status, "Deleting…")
		d.p.background(s, func(ctx context.Context) error {
			return s.client.DeleteUser(ctx, u.ID)
		}, func(err error) {
			if err != nil {
				d.say(u, errorText("delete "+u.DisplayName, err))
				return
			}
			d.list.drop(u.ID)
			gone := u.DisplayName + " was deleted. Restore them from \"Recently deleted\" within 30 days if this was a mistake."
			if d.user.ID != u.ID {
				d.p.noticeAbout(u.DisplayName, gone)
				return
			}
			d.shown++
			d.body.Hide()
			d.empty.SetText(gone)
			d.empty.Show()
		})
	})
	d.deleteConfirm.dialog.Show()
}

// groupNames lists group names in one line.
func groupNames(groups []graph.Group) string {
	if len(groups) == 0 {
		return "Not a member of any group."
	}
	names := make([]string, len(groups))
	for i, g := range groups {
		names[i] = g.DisplayName
	}
	return strings.Join(names, ", ")
}

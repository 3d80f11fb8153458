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
	// offboard takes a leaving user's access away; undoOffboard puts it
	// back. Both are hidden without a settings folder for the records.
	offboard     *featureGate
	undoOffboard *featureGate
	remove       *featureGate
	// newLike creates a user like the shown one.
	newLike  *featureGate
	likeForm *userLike // the last New user like dialog
	groups   *widget.Label
	// status says how the last action on the user went, below the
	// actions; licenseStatus does so for the licenses, below them. Both
	// take no room while they are empty.
	status        *widget.Label
	licenseStatus *widget.Label
	// manager shows and changes the user's manager and direct reports.
	manager *managerView

	licenses       *licensesView
	deleteConfirm  *confirmDialog
	signOutConfirm *confirmDialog
	passwordReset  *passwordReset
	offboarding    *offboarding
	undoConfirm    *confirmDialog

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

		licenseStatus: wrappedLabel(""),
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
	d.resetPassword = newFeatureGate("Reset password…", theme.AccountIcon(), graph.ResetPasswords, d.onResetPassword)
	d.signOut = newFeatureGate("Sign out everywhere…", theme.LogoutIcon(), graph.SignOutSessions, d.onSignOut)
	d.remove = newFeatureGate("Delete user…", theme.DeleteIcon(), graph.DeleteUsers, d.onDelete)
	d.offboard = newFeatureGate("Offboard…", theme.LogoutIcon(), graph.ManageUsers, d.onOffboard)
	d.undoOffboard = newFeatureGate("Undo offboarding…", theme.ContentUndoIcon(), graph.ManageUsers, d.onUndoOffboard)
	d.remove.button.Importance = widget.DangerImportance
	d.newLike = newFeatureGate("New user like…", theme.ContentCopyIcon(), graph.ManageUsers, d.onNewLike)
	d.status.Hide()
	d.licenseStatus.Hide()
	d.licenses = newLicensesView(p, d.sayAboutLicenses)
	d.manager = newManagerView(d)

	// Who the user is, their groups and licenses come first, where the
	// pane opens, and the profile's fields and actions after them, then the
	// manager and direct reports: a long form above would leave them out of
	// sight.
	d.content = container.NewVBox(
		d.title, d.upn, d.state,
		widget.NewSeparator(),
		widget.NewLabelWithStyle("Groups", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		d.groups,
		widget.NewSeparator(),
		widget.NewLabelWithStyle("Licenses", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		d.licenses.view(),
		d.licenseStatus,
		widget.NewSeparator(),
		widget.NewLabelWithStyle("Profile", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		d.fields.form(),
		d.save.button,
		container.NewGridWithColumns(2, d.toggle.button, d.remove.button),
		d.resetPassword.button,
		d.signOut.button,
		d.newLike.button,
		d.offboard.button,
		d.undoOffboard.button,
		permissionNotes(d.save, d.toggle, d.remove, d.resetPassword, d.signOut, d.newLike),
		d.status,
		widget.NewSeparator(),
		d.manager.view(),
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
	for _, g := range []*featureGate{d.save, d.toggle, d.remove, d.resetPassword, d.signOut, d.offboard, d.undoOffboard, d.newLike} {
		g.apply(s.report)
	}
	d.fields.setEditable(s.report.Allows(graph.ManageUsers))
	d.offboard.setReady(true) // a run of the last connection ended with it
	d.licenses.start(s)
	d.manager.start(s)
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
	d.upn.SetText(signInName(u.UserPrincipalName, u.Mail))
	d.showState()
	d.fields.fill(u)
	d.clearStatus()
	d.licenses.show(u)
	d.manager.load()
	d.loadGroups()
	d.showOffboarding()
}

// open shows user u, highlighting them in the list when it has them.
func (d *userDetails) open(u graph.User) {
	if !d.list.show(u) {
		d.show(u)
	}
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
func (d *userDetails) say(u graph.User, text string) { d.sayNear(d.status, u, text) }

// sayAboutLicenses is say for the licenses' actions, whose outcome shows
// below the licenses.
func (d *userDetails) sayAboutLicenses(u graph.User, text string) {
	d.sayNear(d.licenseStatus, u, text)
}

// sayNear shows the outcome of an action on user u on line, next to the
// action, while u is still shown, and otherwise on the panel's notice line.
func (d *userDetails) sayNear(line *widget.Label, u graph.User, text string) {
	if d.body.Visible() && d.user.ID == u.ID {
		d.sayOn(line, text)
		return
	}
	d.p.noticeAbout(u.DisplayName, text)
}

// setStatus shows text on the status line below the actions.
func (d *userDetails) setStatus(text string) { d.sayOn(d.status, text) }

// clearStatus empties both status lines: what they said was about
// another moment.
func (d *userDetails) clearStatus() {
	d.setStatus("")
	d.sayOn(d.licenseStatus, "")
}

// sayOn shows text on one of the pane's status lines, which take no room
// while they are empty.
func (d *userDetails) sayOn(line *widget.Label, text string) {
	if sayOnLine(line, text) {
		d.content.Refresh()
		d.body.Refresh()
	}
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
		d.setStatus(err.Error())
		d.status.Importance = widget.DangerImportance
		d.status.Refresh()
		return
	}
	changes, updated := d.fields.changes(u)
	if changes == (graph.UserChanges{}) {
		d.setStatus("Nothing to save: no field was changed.")
		return
	}
	d.save.setReady(false)
	d.setStatus("Saving…")
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
		"which can take a few minutes to reach every app.", u.DisplayName, address(u.UserPrincipalName, u.Mail))
	if u.UserType == "Guest" {
		msg += " As a guest they sign in at their own organization, which keeps its sessions: this ends only what this tenant issued."
	}
	d.signOutConfirm = newConfirmDialog(d.p.cfg.Window, "Sign out everywhere", msg, "Sign out everywhere", "", func() {
		d.setStatus("Signing " + u.DisplayName + " out everywhere…")
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
	msg := fmt.Sprintf("Delete %s (%s)? They lose access at once. You can restore them from \"Recently deleted\" for 30 days; after that they are gone for good.", u.DisplayName, address(u.UserPrincipalName, u.Mail))
	d.deleteConfirm = newConfirmDialog(d.p.cfg.Window, "Delete user", msg, "Delete", u.DisplayName, func() {
		d.setStatus("Deleting…")
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

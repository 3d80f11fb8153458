package panel

import (
	"context"
	"fmt"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/entra-wizard/entra-wizard/graph"
)

// restoreDays is how long Entra keeps deleted users and Microsoft 365
// groups restorable.
const restoreDays = 30

// deletedTab lists recently deleted users and Microsoft 365 groups, users
// first, and restores them.
type deletedTab struct {
	p *Panel
	s *session

	list         *widget.List
	count        *widget.Label
	status       *widget.Label
	restore      *featureGate
	restoreGroup *featureGate
	refresh      *widget.Button

	users    []graph.DeletedUser
	groups   []graph.DeletedGroup // listed after the users
	selected int
	loads    int // numbers loads; an answer for an older one is dropped
	now      func() time.Time
	root     fyne.CanvasObject
}

func newDeletedTab(p *Panel) *deletedTab {
	t := &deletedTab{p: p, count: widget.NewLabel(""), status: widget.NewLabel(""), selected: -1, now: time.Now}
	t.status.Wrapping = fyne.TextWrapWord
	t.list = widget.NewList(func() int { return len(t.users) + len(t.groups) },
		func() fyne.CanvasObject { return widget.NewLabel("") },
		func(id widget.ListItemID, o fyne.CanvasObject) { o.(*widget.Label).SetText(t.rowAt(id)) })
	t.list.OnSelected = func(id widget.ListItemID) {
		t.selected = id
		t.restore.setReady(id < len(t.users))
		t.restoreGroup.setReady(id >= len(t.users))
		t.status.SetText("")
		p.clearNotice()
	}
	t.restore = newFeatureGate("Restore user", theme.HistoryIcon(), graph.DeleteUsers, t.onRestore)
	t.restore.setReady(false)
	t.restoreGroup = newFeatureGate("Restore group", theme.HistoryIcon(), graph.DeleteGroups, t.onRestoreGroup)
	t.restoreGroup.setReady(false)
	t.refresh = widget.NewButtonWithIcon("Refresh", theme.ViewRefreshIcon(), t.reload)
	intro := widget.NewLabel(fmt.Sprintf("Deleted users and Microsoft 365 groups can be restored for %d days: users with their groups and licenses, "+
		"groups with their members. A deleted security group is gone for good.", restoreDays))
	intro.Wrapping = fyne.TextWrapWord
	head := container.NewVBox(intro, container.NewHBox(t.restore.button, t.restoreGroup.button, t.refresh),
		permissionNotes(t.restore, t.restoreGroup), t.count, t.status)
	t.root = container.NewBorder(head, nil, nil, nil, t.list)
	return t
}

func (t *deletedTab) view() fyne.CanvasObject { return t.root }

func (t *deletedTab) start(s *session) {
	t.s = s
	t.restore.apply(s.report)
	t.restoreGroup.apply(s.report)
	t.users, t.groups = nil, nil
	t.list.Refresh()
}

// row says who a deleted user is and how long they can still be restored.
func (t *deletedTab) row(u graph.DeletedUser) string {
	left := restoreDays - int(t.now().Sub(u.DeletedDateTime).Hours()/24)
	return fmt.Sprintf("%s · %s · %d days left to restore", u.DisplayName, signInName(u.UserPrincipalName, u.Mail), max(left, 0))
}

// reload lists the deleted users in the background.
func (t *deletedTab) reload() {
	if t.s == nil {
		return
	}
	t.loads++
	loads, s := t.loads, t.s
	t.count.SetText("Loading…")
	var users []graph.DeletedUser
	var groups []graph.DeletedGroup
	var groupsErr error
	t.p.background(s, func(ctx context.Context) (err error) {
		if users, err = s.client.DeletedUsers(ctx); err != nil {
			return err
		}
		// Without the groups the deleted users still show.
		groups, groupsErr = s.client.DeletedGroups().All(ctx)
		return nil
	}, func(err error) {
		if loads != t.loads {
			return
		}
		if err != nil {
			t.count.SetText(errorText("list the deleted users", err))
			return
		}
		t.users, t.groups = users, groups
		t.selected = -1
		t.list.UnselectAll()
		t.restore.setReady(false)
		t.restoreGroup.setReady(false)
		t.count.SetText(deletedCount(len(users), len(groups), groupsErr))
		t.list.Refresh()
	})
}

func (t *deletedTab) onRestore() {
	if t.selected < 0 || t.selected >= len(t.users) {
		return
	}
	u := t.users[t.selected]
	var restored graph.User
	t.restoreOne(t.restore, u.DisplayName, func(ctx context.Context, c *graph.Client) (err error) {
		restored, err = c.RestoreUser(ctx, u.ID)
		return err
	}, func() {
		t.status.SetText(u.DisplayName + " was restored, with their groups and licenses.")
		t.p.users.list.prepend(restored)
	})
}

// restoreOne restores the object named name from the recycle bin in the
// background, with gate waiting meanwhile; restored shows the outcome
// once it worked, before the list is read again.
func (t *deletedTab) restoreOne(gate *featureGate, name string, work func(context.Context, *graph.Client) error, restored func()) {
	s := t.s
	gate.setReady(false)
	t.status.SetText("Restoring " + name + "…")
	t.p.background(s, func(ctx context.Context) error { return work(ctx, s.client) }, func(err error) {
		if err != nil {
			gate.setReady(true)
			t.status.SetText(errorText("restore "+name, err))
			return
		}
		restored()
		t.reload()
	})
}

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

// restoreDays is how long Entra keeps deleted users restorable.
const restoreDays = 30

// deletedTab lists recently deleted users and restores them.
type deletedTab struct {
	p *Panel
	s *session

	list    *widget.List
	count   *widget.Label
	status  *widget.Label
	restore *featureGate
	refresh *widget.Button

	users    []graph.DeletedUser
	selected int
	loads    int // numbers loads; an answer for an older one is dropped
	now      func() time.Time
	root     fyne.CanvasObject
}

func newDeletedTab(p *Panel) *deletedTab {
	t := &deletedTab{p: p, count: widget.NewLabel(""), status: widget.NewLabel(""), selected: -1, now: time.Now}
	t.status.Wrapping = fyne.TextWrapWord
	t.list = widget.NewList(func() int { return len(t.users) },
		func() fyne.CanvasObject { return widget.NewLabel("") },
		func(id widget.ListItemID, o fyne.CanvasObject) { o.(*widget.Label).SetText(t.row(t.users[id])) })
	t.list.OnSelected = func(id widget.ListItemID) {
		t.selected = id
		t.restore.setReady(true)
		t.status.SetText("")
		p.clearNotice()
	}
	t.restore = newFeatureGate("Restore", theme.HistoryIcon(), graph.DeleteUsers, t.onRestore)
	t.restore.setReady(false)
	t.refresh = widget.NewButtonWithIcon("Refresh", theme.ViewRefreshIcon(), t.reload)
	intro := widget.NewLabel(fmt.Sprintf("Deleted users can be restored for %d days, with their groups and licenses.", restoreDays))
	intro.Wrapping = fyne.TextWrapWord
	head := container.NewVBox(intro, container.NewHBox(t.restore.button, t.refresh), permissionNotes(t.restore), t.count, t.status)
	t.root = container.NewBorder(head, nil, nil, nil, t.list)
	return t
}

func (t *deletedTab) view() fyne.CanvasObject { return t.root }

func (t *deletedTab) start(s *session) {
	t.s = s
	t.restore.apply(s.report)
	t.users = nil
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
	t.p.background(s, func(ctx context.Context) (err error) {
		users, err = s.client.DeletedUsers(ctx)
		return err
	}, func(err error) {
		if loads != t.loads {
			return
		}
		if err != nil {
			t.count.SetText(errorText("list the deleted users", err))
			return
		}
		t.users = users
		t.selected = -1
		t.list.UnselectAll()
		t.restore.setReady(false)
		switch len(users) {
		case 0:
			t.count.SetText("No deleted users.")
		case 1:
			t.count.SetText("1 deleted user")
		default:
			t.count.SetText(number(len(users)) + " deleted users")
		}
		t.list.Refresh()
	})
}

func (t *deletedTab) onRestore() {
	if t.selected < 0 || t.selected >= len(t.users) {
		return
	}
	u, s := t.users[t.selected], t.s
	t.restore.setReady(false)
	t.status.SetText("Restoring " + u.DisplayName + "…")
	var restored graph.User
	t.p.background(s, func(ctx context.Context) (err error) {
		restored, err = s.client.RestoreUser(ctx, u.ID)
		return err
	}, func(err error) {
		if err != nil {
			t.restore.setReady(true)
			t.status.SetText(errorText("restore "+u.DisplayName, err))
			return
		}
		t.status.SetText(u.DisplayName + " was restored, with their groups and licenses.")
		t.p.users.list.prepend(restored)
		t.reload()
	})
}

package panel

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/entra-wizard/entra-wizard/changefeed"
	"github.com/entra-wizard/entra-wizard/graph"
)

// activityTitle is the Activity tab's name; a count of new changes follows
// it as a badge.
const activityTitle = "Activity"

// activityTab shows what changed in users and groups since the last look,
// newest first, through the connection's change feed (the app's own place
// in it, apart from the command line's).
type activityTab struct {
	p *Panel
	s *session

	changes []graph.Change // newest first
	unseen  int            // changes that arrived since the tab was last shown
	item    *container.TabItem
	status  *widget.Label
	refresh *widget.Button
	list    *widget.List
	root    fyne.CanvasObject
}

func newActivityTab(p *Panel) *activityTab {
	t := &activityTab{p: p, status: widget.NewLabel("")}
	t.status.Wrapping = fyne.TextWrapWord
	t.refresh = widget.NewButtonWithIcon("Refresh", theme.ViewRefreshIcon(), t.load)
	t.list = widget.NewList(func() int { return len(t.changes) },
		func() fyne.CanvasObject { return widget.NewButton("", nil) },
		func(i widget.ListItemID, o fyne.CanvasObject) {
			b := o.(*widget.Button)
			c := t.changes[i]
			b.SetText(activityRow(c))
			b.Alignment = widget.ButtonAlignLeading
			b.OnTapped = func() { t.onOpen(c) }
		})
	t.root = container.NewBorder(container.NewVBox(t.refresh, t.status), nil, nil, nil, t.list)
	return t
}

func (t *activityTab) view() fyne.CanvasObject { return t.root }

// activityRow words one change: when, what, whom, and which properties.
func activityRow(c graph.Change) string {
	what := map[string]string{
		graph.UserCreated: "New user", graph.UserUpdated: "User changed", graph.UserDeleted: "User deleted",
		graph.GroupCreated: "New group", graph.GroupUpdated: "Group changed", graph.GroupDeleted: "Group deleted",
	}[c.Type]
	name := c.DisplayName
	if name == "" {
		name = c.ID
	}
	row := fmt.Sprintf("%s  %s: %s", c.ObservedAt.Local().Format("15:04"), what, name)
	if len(c.Changed) > 0 {
		row += " (" + strings.Join(c.Changed, ", ") + ")"
	}
	return row
}

// start follows a newly opened connection: its first look records a
// baseline, or shows what changed since the app last looked.
func (t *activityTab) start(s *session) {
	t.s = s
	t.changes, t.unseen = nil, 0
	t.list.Refresh()
	t.setBadge()
	t.load()
}

// load asks the change feed what changed since the last look.
func (t *activityTab) load() {
	s := t.s
	if s == nil || t.p.cfg.ConfigDir == "" {
		return
	}
	t.refresh.Disable()
	t.status.SetText("Looking for changes…")
	feed := &changefeed.Feed{Source: s.client, Store: changefeed.OpenStore(t.p.cfg.ConfigDir),
		Connection: s.name, Reader: changefeed.ReaderApp}
	var found []graph.Change
	var reports []changefeed.Report
	t.p.background(s, func(ctx context.Context) (err error) {
		reports, err = feed.Poll(ctx, []graph.Collection{graph.Users, graph.Groups}, false,
			func(ch []graph.Change) error { found = append(found, ch...); return nil })
		return err
	}, func(err error) {
		t.refresh.Enable()
		if s != t.s {
			return
		}
		slices.Reverse(found)
		t.changes = append(found, t.changes...)
		t.unseen += len(found)
		t.list.Refresh()
		t.setBadge()
		t.status.SetText(activityStatus(reports, len(t.changes), err))
	})
}

// activityStatus says how the last look went.
func activityStatus(reports []changefeed.Report, shown int, err error) string {
	if err != nil {
		return errorText("look for changes", err)
	}
	for _, r := range reports {
		if r.Expired {
			return "The place where the app last looked had expired, so it starts again from now; earlier changes are not shown."
		}
		if r.Baseline {
			return "From now on, changes to users and groups show here. Press Refresh to look again."
		}
	}
	if shown == 0 {
		return "No changes since the app last looked."
	}
	return fmt.Sprintf("%d changes, newest first.", shown)
}

// setBadge shows the number of unseen changes in the tab's name.
func (t *activityTab) setBadge() {
	if t.item == nil {
		return
	}
	title := activityTitle
	if t.unseen > 0 {
		title = fmt.Sprintf("%s (%d)", activityTitle, t.unseen)
	}
	if t.item.Text != title {
		t.item.Text = title
		t.p.tabs.Refresh()
	}
}

// seen clears the badge when the admin looks at the tab.
func (t *activityTab) seen() {
	t.unseen = 0
	t.setBadge()
}

// onOpen shows the object a change is about: the user or group, or the
// recently deleted ones when it was deleted.
func (t *activityTab) onOpen(c graph.Change) {
	s := t.s
	switch {
	case c.Deleted():
		t.p.tabs.SelectIndex(2)
	case c.Group():
		t.p.tabs.SelectIndex(1)
		var g graph.Group
		t.p.background(s, func(ctx context.Context) (err error) { g, err = s.client.Group(ctx, c.ID); return err },
			func(err error) {
				if err == nil && s == t.s {
					t.p.groups.details.show(g)
				}
			})
	default:
		t.p.tabs.SelectIndex(0)
		var u graph.User
		t.p.background(s, func(ctx context.Context) (err error) { u, err = s.client.User(ctx, c.ID); return err },
			func(err error) {
				if err == nil && s == t.s {
					t.p.users.details.show(u)
				}
			})
	}
}

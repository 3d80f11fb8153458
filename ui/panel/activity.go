package panel

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"time"

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
	since   time.Time      // when the feed's baseline was recorded; zero if earlier
	loading bool           // a look is under way
	// stop ends the looks on a timer while the tab is shown; nil when
	// the tab is not shown.
	stop    chan struct{}
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
			b.SetText(activityRow(c, time.Now()))
			b.Alignment = widget.ButtonAlignLeading
			b.OnTapped = func() { t.onOpen(c) }
		})
	t.root = container.NewBorder(container.NewVBox(t.refresh, t.status), nil, nil, nil, t.list)
	return t
}

func (t *activityTab) view() fyne.CanvasObject { return t.root }

// activityRow words one change: when the app saw it (Graph's change feed
// says what changed, not when), what, whom, and which properties.
func activityRow(c graph.Change, now time.Time) string {
	what := map[string]string{
		graph.UserCreated: "New user", graph.UserUpdated: "User changed", graph.UserDeleted: "User deleted",
		graph.GroupCreated: "New group", graph.GroupUpdated: "Group changed", graph.GroupDeleted: "Group deleted",
	}[c.Type]
	row := fmt.Sprintf("Seen %s  %s: %s", seenAt(c.ObservedAt, now), what, changeName(c))
	if len(c.Changed) > 0 {
		words := make([]string, len(c.Changed))
		for i, f := range c.Changed {
			words[i] = fieldWord(f)
		}
		row += " (" + strings.Join(words, ", ") + ")"
	}
	return row
}

// seenAt is the time of day for today's changes, with the day otherwise.
func seenAt(at, now time.Time) string {
	at, now = at.Local(), now.Local()
	if y, m, d := at.Date(); y == now.Year() && m == now.Month() && d == now.Day() {
		return at.Format("15:04")
	}
	return at.Format("2 Jan 15:04")
}

// changeName names the object a change is about. The feed keeps the names
// of objects it has seen and reads deleted users' names from the recycle
// bin; a security group created and deleted between two looks is deleted
// for good, and only its id is left.
func changeName(c graph.Change) string {
	switch {
	case c.DisplayName != "":
		return c.DisplayName
	case c.Deleted() && c.Group():
		return "a group created and deleted since the app last looked (id " + c.ID + ")"
	case c.Deleted():
		return "a user created and deleted since the app last looked (id " + c.ID + ")"
	}
	return c.ID
}

// fieldWords are the properties a change names, in the words of the
// details pane.
var fieldWords = map[string]string{
	"displayName": "name", "userPrincipalName": "user name", "givenName": "first name", "surname": "last name",
	"mail": "email", "jobTitle": "job title", "department": "department", "officeLocation": "office",
	"usageLocation": "usage location", "accountEnabled": "sign-in allowed", "userType": "member or guest",
	"assignedLicenses": "licenses", "description": "description", "mailNickname": "mail nickname",
	"groupTypes": "kind", "securityEnabled": "security", "mailEnabled": "mail", "visibility": "visibility",
	graph.MembersChanged: "members",
}

// fieldWord is a property's name in words, or as Graph names it when the
// panel has no word for it.
func fieldWord(name string) string {
	if w, ok := fieldWords[name]; ok {
		return w
	}
	return name
}

// start follows a newly opened connection: its first look records a
// baseline, or shows what changed since the app last looked.
func (t *activityTab) start(s *session) {
	t.s = s
	t.changes, t.unseen, t.since = nil, 0, time.Time{}
	t.list.Refresh()
	t.setBadge()
	t.load()
	if t.stop != nil {
		t.follow()
	}
}

// load asks the change feed what changed since the last look.
func (t *activityTab) load() {
	s := t.s
	if s == nil || t.p.cfg.ConfigDir == "" || t.loading {
		return
	}
	t.loading = true
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
		t.loading = false
		if s != t.s {
			return
		}
		slices.Reverse(found)
		t.changes = append(found, t.changes...)
		t.unseen += len(found)
		t.list.Refresh()
		t.setBadge()
		now := time.Now()
		if baseline(reports) {
			t.since = now
		}
		t.status.SetText(activityStatus(reports, len(t.changes), t.since, now, err))
	})
}

// baseline reports whether a look started the feed afresh.
func baseline(reports []changefeed.Report) bool {
	for _, r := range reports {
		if r.Baseline {
			return true
		}
	}
	return false
}

// activityStatus says how the last look went, made at now; since is when
// the feed started afresh, if it did while the app was open.
func activityStatus(reports []changefeed.Report, shown int, since, now time.Time, err error) string {
	if err != nil {
		return errorText("look for changes", err)
	}
	for _, r := range reports {
		if r.Expired {
			return fmt.Sprintf("The place where the app last looked had expired, so it started again at %s; earlier changes are not shown.", since.Format("15:04"))
		}
	}
	looked := fmt.Sprintf("Last looked at %s; the app looks again every minute while this tab is open.", now.Format("15:04"))
	switch {
	case shown > 0:
		return fmt.Sprintf("%s, newest first. %s", count(shown, "change", "changes"), looked)
	case !since.IsZero():
		return fmt.Sprintf("Changes to users and groups made since %s show here. %s", since.Format("15:04"), looked)
	}
	return "No changes since the app last looked. " + looked
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

// seen clears the badge when the admin looks at the tab, and looks again
// on a timer while it stays shown.
func (t *activityTab) seen() {
	t.unseen = 0
	t.setBadge()
	t.follow()
}

// activityEvery is how often the Activity tab looks again while shown.
const activityEvery = time.Minute

// follow looks for changes every interval until unfollow, or until the
// connection closes.
func (t *activityTab) follow() {
	t.unfollow()
	s := t.s
	if s == nil {
		return
	}
	every := t.p.cfg.ActivityEvery
	if every <= 0 {
		every = activityEvery
	}
	stop := make(chan struct{})
	t.stop = stop
	go func() {
		tick := time.NewTicker(every)
		defer tick.Stop()
		for {
			select {
			case <-stop:
				return
			case <-s.ctx.Done():
				return
			case <-tick.C:
				t.p.cfg.Do(func() {
					if t.stop == stop && t.s == s && s.ctx.Err() == nil {
						t.load()
					}
				})
			}
		}
	}()
}

// unfollow stops the timed looks: the admin left the tab.
func (t *activityTab) unfollow() {
	if t.stop != nil {
		close(t.stop)
		t.stop = nil
	}
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
				if err == nil && s == t.s && !t.p.groups.list.show(g) {
					t.p.groups.details.show(g)
				}
			})
	default:
		t.p.tabs.SelectIndex(0)
		var u graph.User
		t.p.background(s, func(ctx context.Context) (err error) { u, err = s.client.User(ctx, c.ID); return err },
			func(err error) {
				if err == nil && s == t.s && !t.p.users.list.show(u) {
					t.p.users.details.show(u)
				}
			})
	}
}

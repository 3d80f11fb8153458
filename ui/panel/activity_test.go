package panel

import (
	"context"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"

	"github.com/entra-wizard/entra-wizard/demotenant"
	"github.com/entra-wizard/entra-wizard/graph"
)

// activityHarness is the panel harness with the Activity tab on: its
// change feed kept in a temporary settings folder.
func activityHarness(t *testing.T) *harness {
	h := newHarness(t, demotenant.Options{})
	h.panel = New(Config{
		Window:      h.win,
		Connections: h.store,
		Open: func(context.Context, string) (*graph.Client, graph.Report, error) {
			return h.open()
		},
		Do:        h.do,
		ConfigDir: t.TempDir(),
	})
	h.win.SetContent(h.panel.Content())
	return h
}

func TestActivityShowsChangesSinceTheLastLookNewestFirst(t *testing.T) {
	h := activityHarness(t)
	h.openConnection("Northwind")
	a := h.panel.activity
	h.waitFor("the baseline", func() bool { return strings.HasPrefix(a.status.Text, "Changes to users and groups made since ") })
	if a.item.Text != "Activity" || len(a.changes) != 0 {
		t.Fatalf("after the baseline: tab %q, %d changes", a.item.Text, len(a.changes))
	}

	ctx := context.Background()
	first, err := h.client.CreateGroup(ctx, graph.NewGroup{DisplayName: "Activity First"})
	if err != nil {
		t.Fatal(err)
	}
	if err := h.client.DeleteGroup(ctx, first.ID); err != nil {
		t.Fatal(err)
	}
	users, err := h.client.Users(graph.UserQuery{Top: 5}).Next(ctx)
	if err != nil {
		t.Fatal(err)
	}
	title := "Activity Analyst"
	if err := h.client.UpdateUser(ctx, users[3].ID, graph.UserChanges{JobTitle: &title}); err != nil {
		t.Fatal(err)
	}
	test.Tap(a.refresh)
	h.waitFor("the changes", func() bool { return len(a.changes) > 0 })
	if a.item.Text != "Activity (2)" {
		t.Errorf("tab %q, want a badge of 2", a.item.Text)
	}
	if a.changes[0].Type != graph.GroupDeleted || a.changes[1].Type != graph.UserUpdated {
		t.Fatalf("changes %+v, want the group's deletion first (groups are looked at after users)", a.changes)
	}
	if row := activityRow(a.changes[1], time.Now()); !strings.HasPrefix(row, "Seen ") || !strings.Contains(row, "User changed: "+users[3].DisplayName+" (job title)") {
		t.Errorf("row %q, want when it was seen and the field in words", row)
	}
	if row := activityRow(a.changes[0], time.Now()); !strings.Contains(row, "Group deleted: a group created and deleted since the app last looked") {
		t.Errorf("row %q, want words for a group the app never saw", row)
	}

	a.onOpen(a.changes[1])
	h.waitFor("the user's details", func() bool { return h.panel.tabs.SelectedIndex() == 0 && h.panel.users.details.user.ID == users[3].ID })
	if l := h.panel.users.list; l.selected < 0 || l.items[l.selected].ID != users[3].ID {
		t.Errorf("the list highlights row %d, not the user the details show", l.selected)
	}
	a.onOpen(a.changes[0])
	if h.panel.tabs.SelectedIndex() != 2 {
		t.Errorf("a deleted group opened tab %d, want Recently deleted", h.panel.tabs.SelectedIndex())
	}
	h.panel.tabs.Select(a.item)
	if a.item.Text != "Activity" {
		t.Errorf("the badge stayed after looking: %q", a.item.Text)
	}
}

// While the Activity tab is shown it looks again by itself; once the admin
// leaves it, it stops.
func TestActivityLooksAgainWhileShown(t *testing.T) {
	h := activityHarness(t)
	h.panel.cfg.ActivityEvery = 20 * time.Millisecond
	h.openConnection("Northwind")
	a := h.panel.activity
	h.waitFor("the baseline", func() bool { return strings.HasPrefix(a.status.Text, "Changes to users and groups made since ") })
	h.panel.tabs.Select(a.item)
	if _, err := h.client.CreateGroup(context.Background(), graph.NewGroup{DisplayName: "Seen By Itself"}); err != nil {
		t.Fatal(err)
	}
	h.waitFor("the new group without pressing Refresh", func() bool {
		return len(a.changes) == 1 && a.changes[0].DisplayName == "Seen By Itself" &&
			strings.HasPrefix(a.status.Text, "1 change, newest first. Last looked at ")
	})
	h.panel.tabs.SelectIndex(0)
	if a.stop != nil {
		t.Error("the tab still looks for changes after the admin left it")
	}
}

func TestActivityRowsSayTheDayOfOlderChanges(t *testing.T) {
	now := time.Date(2026, 3, 9, 10, 0, 0, 0, time.Local)
	c := graph.Change{Type: graph.UserCreated, DisplayName: "Ana", ObservedAt: now.Add(-26 * time.Hour)}
	if row := activityRow(c, now); row != "Seen 8 Mar 08:00  New user: Ana" {
		t.Errorf("row %q", row)
	}
}

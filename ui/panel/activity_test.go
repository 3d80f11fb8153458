package panel

import (
	"context"
	"strings"
	"testing"

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
	h.waitFor("the baseline", func() bool { return strings.HasPrefix(a.status.Text, "From now on") })
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
	if row := activityRow(a.changes[1]); !strings.Contains(row, "User changed: "+users[3].DisplayName+" (jobTitle)") {
		t.Errorf("row %q", row)
	}

	a.onOpen(a.changes[1])
	h.waitFor("the user's details", func() bool { return h.panel.tabs.SelectedIndex() == 0 && h.panel.users.details.user.ID == users[3].ID })
	a.onOpen(a.changes[0])
	if h.panel.tabs.SelectedIndex() != 2 {
		t.Errorf("a deleted group opened tab %d, want Recently deleted", h.panel.tabs.SelectedIndex())
	}
	h.panel.tabs.Select(a.item)
	if a.item.Text != "Activity" {
		t.Errorf("the badge stayed after looking: %q", a.item.Text)
	}
}

package panel

import (
	"fmt"
	"strings"
	"testing"

	"github.com/entra-wizard/entra-wizard/demotenant"
	"github.com/entra-wizard/entra-wizard/graph"
)

// bulkChange checks n users, adds them to the group through the bulk
// dialog and returns the users and the group.
func bulkChange(t *testing.T, h *harness, n int, add bool, groupName string) ([]graph.User, graph.Group) {
	t.Helper()
	tab := h.panel.users
	users := tab.list.items[:n]
	for _, u := range users {
		tab.list.setChecked(u, true)
	}
	if tab.checkedCount.Text != fmt.Sprintf("%d checked", n) {
		t.Fatalf("the count says %q", tab.checkedCount.Text)
	}
	gate := tab.addToGroup
	if !add {
		gate = tab.removeFromGroup
	}
	tapPanel(t, gate.button)
	b := tab.bulk
	if !b.start.Disabled() {
		t.Fatal("the change can start before a group is chosen")
	}
	searchFor(h, b.groups, groupName)
	g := pick(h, b.groups, func(g graph.Group) bool { return g.DisplayName == groupName })
	tapPanel(t, b.start)
	h.waitFor("the bulk change to finish", func() bool { return b.finished })
	return users, g
}

func TestPanelBulkAddAndRemoveCompleteUnderThrottling(t *testing.T) {
	h := newHarness(t, demotenant.Options{ThrottleEvery: 3})
	h.openConnection("Northwind")
	const n = 30
	waitsBefore := testClock.waits.Load()

	users, g := bulkChange(t, h, n, true, "Finance")
	b := h.panel.users.bulk
	members := h.memberIDs(g.ID)
	for _, u := range users {
		if !members[u.ID] {
			t.Fatalf("%s is not a member of %s after the bulk add; the panel said %q", u.DisplayName, g.DisplayName, b.summary.Text)
		}
	}
	if b.progress.Value != 1 {
		t.Fatalf("the progress bar ends at %v", b.progress.Value)
	}
	if len(b.lines) != n {
		t.Fatalf("the report has %d lines for %d users", len(b.lines), n)
	}
	// Users who were members already are reported, not hidden.
	report := strings.Join(b.lines, "\n")
	ok := strings.Count(report, "✓ ") - strings.Count(report, "(already a member)")
	if !strings.HasPrefix(b.summary.Text, fmt.Sprintf("Added %d of %d", ok, n)) {
		t.Fatalf("the summary %q does not match the %d lines that succeeded", b.summary.Text, ok)
	}
	if s := h.panel.users.status; s.Text != b.summary.Text || !s.Visible() {
		t.Fatalf("the users tab says %q (shown: %v), the dialog %q", s.Text, s.Visible(), b.summary.Text)
	}
	if h.panel.users.checkedCount.Text != "0 checked" {
		t.Fatalf("the checks stay after the change: %q", h.panel.users.checkedCount.Text)
	}

	users, _ = bulkChange(t, h, n, false, "Finance")
	b = h.panel.users.bulk
	members = h.memberIDs(g.ID)
	for _, u := range users {
		if members[u.ID] {
			t.Fatalf("%s is still a member after the bulk remove; the panel said %q", u.DisplayName, b.summary.Text)
		}
	}
	if !strings.HasPrefix(b.summary.Text, fmt.Sprintf("Removed %d of %d", n, n)) {
		t.Fatalf("the summary says %q", b.summary.Text)
	}
	if testClock.waits.Load() == waitsBefore {
		t.Error("no Retry-After was waited out on the clients' clock: the demo tenant did not throttle")
	}
}

func TestPanelBulkReportsWhatDidNotHappen(t *testing.T) {
	h := newHarness(t, demotenant.Options{})
	h.openConnection("Northwind")
	finance := h.selectGroup("Finance")
	members := h.memberIDs(finance.ID)
	tab := h.panel.users
	var outsiders []graph.User
	for _, u := range tab.list.items {
		if !members[u.ID] && len(outsiders) < 3 {
			outsiders = append(outsiders, u)
		}
	}
	for _, u := range outsiders {
		tab.list.setChecked(u, true)
	}
	tapPanel(t, tab.removeFromGroup.button)
	b := tab.bulk
	searchFor(h, b.groups, "Finance")
	pick(h, b.groups, func(g graph.Group) bool { return g.ID == finance.ID })
	tapPanel(t, b.start)
	h.waitFor("the bulk change to finish", func() bool { return b.finished })

	if b.summary.Text != "Removed 0 of 3 users from Finance; 3 were not members." {
		t.Fatalf("removing non-members says %q", b.summary.Text)
	}
	want := map[string]bool{}
	for _, u := range outsiders {
		want["✗ "+u.DisplayName+" ("+u.UserPrincipalName+"): was not a member of Finance"] = true
	}
	for i, line := range b.lines {
		if !want[line] {
			t.Fatalf("line %d says %q, want who was not a member, by name and user name", i, line)
		}
		delete(want, line)
	}
	if len(h.memberIDs(finance.ID)) != len(members) {
		t.Fatal("the group's members changed")
	}
}

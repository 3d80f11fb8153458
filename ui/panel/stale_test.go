package panel

import (
	"strings"
	"testing"
	"time"

	"github.com/entra-wizard/entra-wizard/demotenant"
	"github.com/entra-wizard/entra-wizard/graph"
)

// newLoner creates a user who belongs to no group yet.
func newLoner(t *testing.T, h *harness) graph.User {
	t.Helper()
	u, err := h.client.CreateUser(t.Context(), graph.NewUser{DisplayName: "Quinn Loner",
		UserPrincipalName: "quinn.loner@" + h.info.TenantDomain, Password: "Start-Here-2026!x"})
	if err != nil {
		t.Fatal(err)
	}
	return u
}

// TestPanelUserGroupsFollowMembershipChanges adds a shown user to groups
// in bulk from the users list and singly from a group's members, and
// removes them again: the user's details list their groups as they are
// after each change, without selecting the user again.
func TestPanelUserGroupsFollowMembershipChanges(t *testing.T) {
	h := newHarness(t, demotenant.Options{})
	h.openConnection("Northwind")
	loner := newLoner(t, h)
	h.selectUser(loner.DisplayName)
	d := h.panel.users.details
	if d.groups.Text != "Not a member of any group." {
		t.Fatalf("a new user's groups say %q", d.groups.Text)
	}

	// Bulk, from the users list.
	tab := h.panel.users
	tab.list.setChecked(loner, true)
	tapPanel(t, tab.addToGroup.button)
	b := tab.bulk
	searchFor(h, b.groups, "Finance")
	pick(h, b.groups, func(g graph.Group) bool { return g.DisplayName == "Finance" })
	tapPanel(t, b.start)
	h.waitFor("the bulk add", func() bool { return b.finished })
	h.waitText("the user's groups", func() string { return d.groups.Text }, "Finance")

	// Singly, from the members of another group.
	h.panel.tabs.SelectIndex(1)
	h.selectGroup("Sales")
	m := h.panel.groups.details.members
	tapPanel(t, m.add.button)
	searchFor(h, m.picker.list, "Quinn")
	m.picker.list.setChecked(pick(h, m.picker.list, func(u graph.User) bool { return u.ID == loner.ID }), true)
	tapPanel(t, m.picker.pick)
	h.waitFor("the add", func() bool { return m.bulk.finished })
	h.panel.tabs.SelectIndex(0)
	h.waitFor("the user's groups to list Sales", func() bool {
		return strings.Contains(d.groups.Text, "Sales") && strings.Contains(d.groups.Text, "Finance")
	})

	// Removing takes the group off the details too.
	h.panel.tabs.SelectIndex(1)
	h.waitFor("the members of Sales", func() bool { return !m.list.loading })
	row := pick(h, m.list, func(mb graph.Member) bool { return mb.ID == loner.ID })
	m.list.setChecked(row, true)
	tapPanel(t, m.remove.button)
	tapPanel(t, m.bulk.start)
	h.waitFor("the removal", func() bool { return m.bulk.finished })
	h.waitFor("the user's groups to drop Sales", func() bool {
		return d.groups.Text != "Loading…" && !strings.Contains(d.groups.Text, "Sales")
	})
	if d.groups.Text != "Finance" {
		t.Fatalf("after leaving Sales the user's groups say %q", d.groups.Text)
	}
}

// TestPanelNoticeBelongsToItsTabAndObject shows a notice and checks it
// goes when another user is chosen or another tab opened.
func TestPanelNoticeBelongsToItsTabAndObject(t *testing.T) {
	h := newHarness(t, demotenant.Options{})
	h.openConnection("Northwind")
	h.selectUser("Megan Bowen")

	// An export is about the list: its line stays by the list's buttons
	// when another user is chosen, and goes with the tab.
	status := func() string { return h.panel.users.status.Text }
	tapPanel(t, h.panel.users.export)
	h.waitText("the users tab", status, "Saved users.csv")
	h.selectUserWhere("", func(u graph.User) bool { return u.DisplayName != "Megan Bowen" })
	if !strings.Contains(status(), "Saved users.csv") {
		t.Fatalf("the export's outcome went when another user was chosen: %q", status())
	}
	h.panel.tabs.SelectIndex(1)
	if n := status(); n != "" || h.panel.users.status.Visible() {
		t.Fatalf("the export's outcome stays after leaving the tab: %q", n)
	}

	// A group's status line is the group's: another tab clears it.
	h.selectGroup("Finance")
	g := h.panel.groups.details
	g.name.SetText(" ")
	tapPanel(t, g.save.button)
	if !g.status.Visible() {
		t.Fatal("saving a group without a name says nothing")
	}
	h.panel.tabs.SelectIndex(0)
	h.panel.tabs.SelectIndex(1)
	if g.status.Visible() {
		t.Fatalf("the group's status outlives a visit to another tab: %q", g.status.Text)
	}
}

// TestPanelLateOutcomeDoesNotLandBesideAnotherUser saves a user, picks
// another before the tenant answers, and checks "Saved." is not shown
// beside the other user: it goes to the notice line, naming who was saved.
func TestPanelLateOutcomeDoesNotLandBesideAnotherUser(t *testing.T) {
	h := newHarness(t, demotenant.Options{Latency: 400 * time.Millisecond})
	h.openConnection("Northwind")
	h.selectUserWhere("", func(u graph.User) bool { return u.DisplayName == "Megan Bowen" })
	d := h.panel.users.details
	d.fields.jobTitle.SetText("Head of Marketing")
	tapPanel(t, d.save.button)
	// The next user is picked from the rows already listed, before the
	// tenant answers the save.
	other := pick(h, h.panel.users.list, func(u graph.User) bool { return u.DisplayName != "Megan Bowen" })
	h.waitText("the notice", h.panel.Notice, "Megan Bowen: Saved.")
	if d.user.ID != other.ID {
		t.Fatalf("the details show %s, want %s", d.user.DisplayName, other.DisplayName)
	}
	if d.status.Text != "" {
		t.Fatalf("beside %s the status says %q", other.DisplayName, d.status.Text)
	}
	if got, _ := h.client.User(t.Context(), "megan@"+h.info.TenantDomain); got.JobTitle != "Head of Marketing" {
		t.Fatalf("the tenant has job title %q", got.JobTitle)
	}
}

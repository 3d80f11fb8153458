package panel

import (
	"errors"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"github.com/entra-wizard/entra-wizard/demotenant"
	"github.com/entra-wizard/entra-wizard/graph"
)

func TestPanelCreatesUpdatesAndDeletesAGroup(t *testing.T) {
	h := newHarness(t, demotenant.Options{})
	h.openConnection("Northwind")
	h.panel.tabs.SelectIndex(1)
	tab := h.panel.groups

	tapPanel(t, tab.create.button)
	f := tab.createForm
	test.Type(f.name, "Panel Buyers")
	test.Type(f.description, "People who buy things")
	tapPanel(t, f.create)
	d := tab.details
	h.waitFor("the new group's details", func() bool { return d.group.DisplayName == "Panel Buyers" })
	created, err := h.client.Group(t.Context(), d.group.ID)
	if err != nil {
		t.Fatalf("the new group is not in the tenant: %v", err)
	}
	if created.Kind != graph.SecurityGroup || created.Description != "People who buy things" {
		t.Fatalf("the tenant has %+v", created)
	}

	d.description.SetText("Purchasing team")
	tapPanel(t, d.save.button)
	h.waitText("the group status", func() string { return d.status.Text }, "Saved.")
	if got, _ := h.client.Group(t.Context(), created.ID); got.Description != "Purchasing team" {
		t.Fatalf("the tenant has description %q", got.Description)
	}

	tapPanel(t, d.remove.button)
	c := d.deleteConfirm
	if !strings.Contains(c.message.Text, "cannot be restored") {
		t.Fatalf("deleting a security group does not warn that it is final: %q", c.message.Text)
	}
	test.Type(c.name, "Panel Buyers")
	tapPanel(t, c.confirm)
	h.waitText("the details pane", func() string { return d.empty.Text }, "was deleted")
	if _, err := h.client.Group(t.Context(), created.ID); !errors.Is(err, graph.ErrNotFound) {
		t.Fatalf("reading the deleted group: %v, want not found", err)
	}
}

func TestPanelCreatesAMicrosoft365Group(t *testing.T) {
	h := newHarness(t, demotenant.Options{})
	h.openConnection("Northwind")
	tab := h.panel.groups
	tapPanel(t, tab.create.button)
	f := tab.createForm
	test.Type(f.name, "Panel Launch")
	f.kind.SetSelected("Microsoft 365")
	tapPanel(t, f.create)
	h.waitFor("the new group's details", func() bool { return tab.details.group.DisplayName == "Panel Launch" })
	got, err := h.client.Group(t.Context(), tab.details.group.ID)
	if err != nil || got.Kind != graph.Microsoft365Group {
		t.Fatalf("the tenant has %+v, %v", got, err)
	}
}

func TestPanelShowsDirectAndTransitiveMembers(t *testing.T) {
	h := newHarness(t, demotenant.Options{})
	h.openConnection("Northwind")
	g := h.selectGroup("VPN Users")
	m := h.panel.groups.details.members

	direct, err := h.client.Members(g.ID, false).All(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	if len(m.list.items) != len(direct) {
		t.Fatalf("the panel lists %d direct members, the tenant has %d", len(m.list.items), len(direct))
	}
	m.transitive.SetChecked(true)
	h.waitFor("the transitive members", func() bool { return !m.list.loading })
	all, err := h.client.Members(g.ID, true).All(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	if len(all) <= len(direct) {
		t.Fatalf("the tenant's nested groups add nobody: %d direct, %d in all", len(direct), len(all))
	}
	if len(m.list.items) != len(all) {
		t.Fatalf("the panel lists %d members with nested groups, the tenant has %d", len(m.list.items), len(all))
	}
	if !m.add.button.Disabled() {
		t.Fatal("members can be added while nested members are shown")
	}
}

func TestPanelAddsAndRemovesMembers(t *testing.T) {
	h := newHarness(t, demotenant.Options{})
	h.openConnection("Northwind")
	g := h.selectGroup("Finance")
	m := h.panel.groups.details.members

	tapPanel(t, m.add.button)
	p := m.picker
	searchFor(h, p.list, "Megan")
	megan := pick(h, p.list, func(u graph.User) bool { return u.DisplayName == "Megan Bowen" })
	p.list.setChecked(megan, true)
	tapPanel(t, p.pick)
	h.waitText("the bulk summary", func() string { return m.bulk.summary.Text }, "Added 1 of 1")
	if !h.memberIDs(g.ID)[megan.ID] {
		t.Fatal("Megan is not a member in the tenant")
	}
	h.waitFor("the members to reload", func() bool {
		return !m.list.loading && len(m.list.items) > 0
	})

	var row graph.Member
	for _, mb := range m.list.items {
		if mb.ID == megan.ID {
			row = mb
		}
	}
	if row.ID == "" {
		t.Fatal("the member list does not show Megan after adding her")
	}
	// Renamed meanwhile, the group is named as it is now.
	d := h.panel.groups.details
	d.name.SetText("Finance EMEA")
	tapPanel(t, d.save.button)
	h.waitText("the group's status", func() string { return d.status.Text }, "Saved")

	m.list.setChecked(row, true)
	tapPanel(t, m.remove.button)
	if m.bulk.finished || !h.memberIDs(g.ID)[megan.ID] {
		t.Fatal("removing started without a confirmation")
	}
	if m.bulk.dialog == nil || !strings.Contains(m.bulk.who.Text, "Megan Bowen ("+megan.UserPrincipalName+")") ||
		m.bulk.progress.Visible() {
		t.Fatalf("the confirmation says %q (progress shown: %v)", m.bulk.who.Text, m.bulk.progress.Visible())
	}
	if got := bulkTitle(false, 1, &m.group); got != "Remove 1 member from Finance EMEA" {
		t.Errorf("the dialog is titled %q", got)
	}
	tapPanel(t, m.bulk.start)
	h.waitText("the bulk summary", func() string { return m.bulk.summary.Text }, "Removed 1 of 1 user from Finance EMEA.")
	if h.memberIDs(g.ID)[megan.ID] {
		t.Fatal("Megan is still a member in the tenant")
	}
	if !strings.Contains(m.bulk.results.Text, "✓ Megan Bowen ("+megan.UserPrincipalName+")") {
		t.Errorf("the report reads %q", m.bulk.results.Text)
	}
}

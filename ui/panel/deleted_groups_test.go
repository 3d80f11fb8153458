package panel

import (
	"slices"
	"strings"
	"testing"

	"github.com/entra-wizard/entra-wizard/demotenant"
	"github.com/entra-wizard/entra-wizard/graph"
)

// A deleted Microsoft 365 group is listed under Recently deleted and can
// be restored from there; a deleted security group is gone for good and
// is not offered.
func TestRecentlyDeletedListsAndRestoresMicrosoft365Groups(t *testing.T) {
	h := newHarness(t, demotenant.Options{})
	h.openConnection("Northwind")
	ctx := t.Context()
	team, err := h.client.CreateGroup(ctx, graph.NewGroup{DisplayName: "Launch Team", MailNickname: "launchteam", Kind: graph.Microsoft365Group})
	if err != nil {
		t.Fatal(err)
	}
	security, err := h.client.CreateGroup(ctx, graph.NewGroup{DisplayName: "Badge Readers", MailNickname: "badgereaders", Kind: graph.SecurityGroup})
	if err != nil {
		t.Fatal(err)
	}
	for _, g := range []graph.Group{team, security} {
		if err := h.client.DeleteGroup(ctx, g.ID); err != nil {
			t.Fatal(err)
		}
	}

	tab := h.panel.deleted
	h.panel.tabs.SelectIndex(2)
	h.waitFor("the deleted groups", func() bool { return len(tab.groups) > 0 })
	if slices.ContainsFunc(tab.groups, func(g graph.DeletedGroup) bool { return g.ID == security.ID }) {
		t.Error("a deleted security group is offered for restoring")
	}
	idx := slices.IndexFunc(tab.groups, func(g graph.DeletedGroup) bool { return g.ID == team.ID })
	if idx < 0 {
		t.Fatal("the deleted Microsoft 365 group is not under Recently deleted")
	}
	row := len(tab.users) + idx
	if got := tab.rowAt(row); !strings.HasPrefix(got, "Launch Team (Microsoft 365 group) · ") || !strings.Contains(got, "days left to restore") {
		t.Errorf("the group's row says %q", got)
	}
	if !strings.Contains(tab.count.Text, "1 deleted group") {
		t.Errorf("the count says %q", tab.count.Text)
	}
	tab.list.Select(row)
	if !tab.restore.button.Disabled() {
		t.Error("Restore user is enabled with a group chosen")
	}
	tapPanel(t, tab.restoreGroup.button)
	h.waitText("the restore status", func() string { return tab.status.Text }, "Launch Team was restored")
	if got, err := h.client.Group(ctx, team.ID); err != nil || got.DisplayName != "Launch Team" {
		t.Fatalf("after restoring, the tenant has %+v, %v", got, err)
	}
	h.waitFor("the deleted items to reload", func() bool { return tab.count.Text != "Loading…" })
	if slices.ContainsFunc(tab.groups, func(g graph.DeletedGroup) bool { return g.ID == team.ID }) {
		t.Error("the restored group is still listed as deleted")
	}
}

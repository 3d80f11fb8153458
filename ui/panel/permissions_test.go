package panel

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/entra-wizard/entra-wizard/demotenant"
)

func TestPanelReadOnlyConnectionDisablesChangesAndSaysWhatTheyNeed(t *testing.T) {
	h := newHarness(t, demotenant.Options{Scenario: demotenant.ScenarioReadOnly})
	h.openConnection("Northwind")
	h.selectUser("Megan Bowen")
	h.selectGroup("Finance")

	users, groups := h.panel.users, h.panel.groups
	for name, g := range map[string]*featureGate{
		"new user":          users.create,
		"add to group":      users.addToGroup,
		"remove from group": users.removeFromGroup,
		"save user":         users.details.save,
		"enable/disable":    users.details.toggle,
		"delete user":       users.details.remove,
		"assign license":    users.details.licenses.assign,
		"new group":         groups.create,
		"save group":        groups.details.save,
		"delete group":      groups.details.remove,
		"add members":       groups.details.members.add,
		"remove members":    groups.details.members.remove,
		"restore user":      h.panel.deleted.restore,
		"restore group":     h.panel.deleted.restoreGroup,
	} {
		if !g.button.Disabled() {
			t.Errorf("%s is enabled on a read-only connection", name)
		}
		if !g.note.Visible() || !strings.Contains(g.note.Text, ": Needs ") {
			t.Errorf("%s does not say what it needs: %q", name, g.note.Text)
		}
	}
	if !strings.Contains(users.create.note.Text, "User.ReadWrite.All") {
		t.Errorf("creating users says %q, want it to name User.ReadWrite.All", users.create.note.Text)
	}
	if !strings.Contains(groups.details.members.add.note.Text, "GroupMember.ReadWrite.All") {
		t.Errorf("adding members says %q, want it to name GroupMember.ReadWrite.All", groups.details.members.add.note.Text)
	}
	// Reading still works.
	if len(users.list.items) == 0 || len(groups.list.items) == 0 {
		t.Fatal("a read-only connection lists nothing")
	}
	if users.export.Disabled() {
		t.Error("export is disabled although the users can be read")
	}
}

func TestPanelFullConnectionEnablesChanges(t *testing.T) {
	h := newHarness(t, demotenant.Options{})
	h.openConnection("Northwind")
	h.selectUser("Megan Bowen")
	d := h.panel.users.details
	for name, g := range map[string]*featureGate{
		"new user":       h.panel.users.create,
		"save user":      d.save,
		"enable/disable": d.toggle,
		"delete user":    d.remove,
	} {
		if g.button.Disabled() || g.note.Visible() {
			t.Errorf("%s is disabled on a connection with every permission (%q)", name, g.note.Text)
		}
	}
}

func TestPanelReadOnlyMarkup(t *testing.T) {
	h := newHarness(t, demotenant.Options{Scenario: demotenant.ScenarioReadOnly})
	h.win.Resize(fyne.NewSize(1000, 640))
	h.openConnection("Northwind")
	h.selectUser("Megan Bowen")
	test.AssertRendersToMarkup(t, "readonly_user.xml", h.win.Canvas())
}

func TestPanelDeleteConfirmationMarkup(t *testing.T) {
	h := newHarness(t, demotenant.Options{})
	h.win.Resize(fyne.NewSize(1000, 640))
	h.openConnection("Northwind")
	h.selectUser("Megan Bowen")
	tapPanel(t, h.panel.users.details.remove.button)
	test.Type(h.panel.users.details.deleteConfirm.name, "Megan")
	test.AssertRendersToMarkup(t, "delete_user.xml", h.win.Canvas())
}

func TestPanelWithoutConsentSaysWhyItCannotConnect(t *testing.T) {
	h := newHarness(t, demotenant.Options{Scenario: demotenant.ScenarioNoConsent})
	bar := h.panel.conn
	h.panel.Open("Northwind")
	h.waitText("the switcher", func() string { return bar.status.Text }, "Could not connect")
	if !strings.Contains(bar.status.Text, "Authorization_RequestDenied") {
		t.Fatalf("the switcher says %q, want Graph's code", bar.status.Text)
	}
	if h.panel.session != nil {
		t.Fatal("the panel opened a connection nobody consented to")
	}
}

func TestPanelExplainsAListThatCannotLoadAndDoesNotRetryBySelf(t *testing.T) {
	h := newHarness(t, demotenant.Options{})
	h.openAs("Entra Setup Wizard (awaiting consent)")
	h.panel.Open("Northwind")
	l := h.panel.users.list
	h.waitFor("the users list to fail", func() bool { return l.failed })
	if !strings.Contains(l.count.Text, "Could not list users") || !strings.Contains(l.count.Text, "Authorization_RequestDenied") {
		t.Fatalf("the list says %q, want a plain explanation with Graph's code", l.count.Text)
	}
	before := h.srv.GraphRequests()
	l.loadMore()
	if h.srv.GraphRequests() != before || l.loading {
		t.Fatal("a failed list asked Graph again without a new search")
	}
}

func TestPanelReportsAChangeRefusedForLackOfPermission(t *testing.T) {
	h := newHarness(t, demotenant.Options{})
	h.openAs("Entra Setup Wizard (read-only)")
	h.openConnection("Northwind")
	u := h.selectUser("Megan Bowen")
	d := h.panel.users.details
	d.fields.jobTitle.SetText("Chief Marketing Officer")
	tapPanel(t, d.save.button)
	h.waitText("the details status", func() string { return d.status.Text }, "Could not save Megan Bowen")
	if !strings.Contains(d.status.Text, "Authorization_RequestDenied") {
		t.Fatalf("the status says %q, want Graph's code", d.status.Text)
	}
	if d.status.Importance != widget.DangerImportance {
		t.Errorf("the refusal is styled %v, not as an error", d.status.Importance)
	}
	if d.fields.jobTitle.Text != "Chief Marketing Officer" {
		t.Fatal("the refused change was lost from the form")
	}
	if got, _ := h.client.User(t.Context(), u.ID); got.JobTitle == "Chief Marketing Officer" {
		t.Fatal("the tenant changed although Graph refused")
	}
}

package panel

import (
	"context"
	"errors"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/entra-wizard/entra-wizard/demotenant"
	"github.com/entra-wizard/entra-wizard/graph"
	"github.com/entra-wizard/entra-wizard/ui/kit"
	"github.com/entra-wizard/entra-wizard/ui/kit/kittest"
)

// waitManager waits until the shown user's manager is read.
func (h *harness) waitManager() *managerView {
	h.t.Helper()
	m := h.panel.users.details.manager
	h.waitFor("the direct reports", func() bool { return len(m.reports.Objects) > 0 })
	return m
}

// The user's details name their manager and list their direct reports;
// Change… picks another manager, never the user themselves, Clear removes
// the manager, and a report's name opens that user.
func TestPanelManagerChangeClearAndReports(t *testing.T) {
	h := newHarness(t, demotenant.Options{})
	h.openConnection("Northwind")
	megan := h.selectUser("Megan Bowen")
	m := h.waitManager()
	admin := "admin@" + h.info.TenantDomain
	if m.manager.Text != "Tenant Administrator ("+admin+")" {
		t.Errorf("Megan's manager shows %q", m.manager.Text)
	}
	reports, err := h.client.DirectReports(context.Background(), megan.ID)
	if err != nil || len(reports) == 0 {
		t.Fatalf("Megan's reports: %d, %v", len(reports), err)
	}
	if n := len(m.reports.Objects); n != min(len(reports), shownReports+1) {
		t.Errorf("%d rows for %d direct reports", n, len(reports))
	}

	tapPanel(t, m.change.button)
	p := m.picker
	searchFor(h, p.list, "Megan")
	pick(h, p.list, func(u graph.User) bool { return u.ID == megan.ID })
	if !p.pick.Disabled() {
		t.Error("Megan may be chosen as her own manager")
	}
	searchFor(h, p.list, "Ravi")
	ravi := pick(h, p.list, func(u graph.User) bool { return u.UserType == "Guest" })
	tapPanel(t, p.pick)
	d := h.panel.users.details
	h.waitText("the status", func() string { return d.status.Text }, ravi.DisplayName+" is now the manager of Megan Bowen")
	h.waitText("the manager", func() string { return m.manager.Text }, ravi.DisplayName)
	if got, err := h.client.Manager(context.Background(), megan.ID); err != nil || got.ID != ravi.ID {
		t.Errorf("the tenant has Megan's manager as %+v, %v", got, err)
	}

	tapPanel(t, m.clear.button)
	h.waitText("the manager", func() string { return m.manager.Text }, "No manager.")
	if !m.clear.button.Disabled() || m.change.button.Disabled() {
		t.Error("with no manager, Clear should be off and Change… on")
	}
	if _, err := h.client.Manager(context.Background(), megan.ID); !errors.Is(err, graph.ErrNoManager) {
		t.Errorf("after Clear the tenant has %v", err)
	}

	tapPanel(t, m.reports.Objects[0].(*kit.Button))
	h.waitFor("the first report's details", func() bool { return d.user.ID == reports[0].ID })
	h.waitText("the report's manager", func() string { return m.manager.Text }, "Megan Bowen ("+megan.UserPrincipalName+")")
}

// A read-only connection shows the manager, and Change… and Clear say
// which permission they need.
func TestPanelManagerReadOnly(t *testing.T) {
	h := newHarness(t, demotenant.Options{Scenario: demotenant.ScenarioReadOnly})
	h.openConnection("Northwind")
	h.selectUser("Megan Bowen")
	m := h.waitManager()
	if !strings.HasPrefix(m.manager.Text, "Tenant Administrator") {
		t.Errorf("a read-only connection shows the manager as %q", m.manager.Text)
	}
	if !m.change.button.Disabled() || !m.clear.button.Disabled() || !strings.Contains(m.change.note.Text, "User.ReadWrite.All") {
		t.Errorf("Change… and Clear on a read-only connection: note %q", m.change.note.Text)
	}
}

// Tab goes from the last of the user's actions to Change…, Clear and the
// direct reports, and Enter on a report opens them.
func TestPanelManagerFromTheKeyboard(t *testing.T) {
	h := newHarness(t, demotenant.Options{})
	h.openConnection("Northwind")
	h.selectUser("Megan Bowen")
	m := h.waitManager()
	d := h.panel.users.details
	c := h.win.Canvas()
	last := d.newLike.button // Offboard… shows only with a settings folder
	for _, b := range []*widget.Button{d.offboard.button, d.undoOffboard.button} {
		if b.Visible() {
			last = b
		}
	}
	c.Focus(last)
	report := m.reports.Objects[0].(*kit.Button)
	var order []fyne.Focusable
	for range 6 {
		test.FocusNext(c)
		order = append(order, c.Focused())
		if c.Focused() == report {
			break
		}
	}
	if len(order) != 3 || order[0] != m.change.button || order[1] != m.clear.button {
		t.Fatalf("Tab from %q goes through %d stops to the first report", last.Text, len(order))
	}
	kittest.PressKey(c, fyne.KeyReturn)
	h.waitFor("the report's details", func() bool { return d.user.DisplayName == report.Text })
}

package panel

import (
	"context"
	"strings"
	"testing"

	"github.com/entra-wizard/entra-wizard/demotenant"
	"github.com/entra-wizard/entra-wizard/graph"
	"github.com/entra-wizard/entra-wizard/offboard"
)

// holdings is what a user holds in the tenant, read back through Graph.
func holdings(t *testing.T, c *graph.Client, userID string) (enabled bool, licenses, groups, owned int) {
	t.Helper()
	ctx := context.Background()
	u, err := c.User(ctx, userID)
	if err != nil {
		t.Fatal(err)
	}
	ls, err := c.UserLicenses(ctx, userID)
	if err != nil {
		t.Fatal(err)
	}
	gs, err := c.UserGroups(ctx, userID)
	if err != nil {
		t.Fatal(err)
	}
	os, err := c.OwnedGroups(ctx, userID)
	if err != nil {
		t.Fatal(err)
	}
	return u.AccountEnabled, len(ls), len(gs), len(os)
}

// Offboard… previews every step, ticked, with the licenses, groups and
// ownerships by name; an unticked step is left; the temporary password is
// shown once; the last ownerships are refused in plain words; and Undo
// offboarding puts back what was removed.
func TestOffboardAndUndoFromTheUserDetails(t *testing.T) {
	h := newHarness(t, demotenant.Options{})
	h.panel.cfg.ConfigDir = t.TempDir()
	h.openConnection("Northwind")
	u := h.selectUser("Megan Bowen")
	d := h.panel.users.details
	if d.undoOffboard.button.Visible() {
		t.Error("Undo offboarding is offered before any offboarding")
	}
	wasEnabled, licenses, groups, owned := holdings(t, h.client, u.ID)

	tapPanel(t, d.offboard.button)
	h.waitFor("the offboarding preview", func() bool { return d.offboarding != nil })
	o := d.offboarding
	for _, s := range offboard.Steps {
		if !o.checks[s].Checked {
			t.Errorf("%s is not ticked by default", s)
		}
	}
	if text := o.checks[offboard.RemoveGroups].Text; !strings.Contains(text, "Marketing") || !strings.Contains(text, "All Company") {
		t.Errorf("the groups step reads %q, want the groups by name", text)
	}
	if text := o.checks[offboard.RemoveLicenses].Text; !strings.Contains(text, "Office 365 E3") {
		t.Errorf("the licenses step reads %q", text)
	}
	if text := o.checks[offboard.RemoveOwnerships].Text; !strings.Contains(text, "Marketing") {
		t.Errorf("the ownerships step reads %q", text)
	}
	o.checks[offboard.SignOut].SetChecked(false)
	tapPanel(t, o.run)
	h.waitFor("the outcome", func() bool { return o.outcome.Visible() })
	if !strings.Contains(o.outcome.Text, "Sign out everywhere: not done") ||
		!strings.Contains(o.outcome.Text, "keeps at least one owner") ||
		!strings.Contains(o.progress.Text, "again to finish") {
		t.Errorf("the outcome reads %q / %q", o.progress.Text, o.outcome.Text)
	}
	if o.shown == nil || o.shown.text.Text == "" {
		t.Fatal("the temporary password was not shown")
	}
	enabled, l, g, _ := holdings(t, h.client, u.ID)
	if enabled || l != 0 || g != 0 {
		t.Errorf("after offboarding: enabled %v, %d licenses, %d groups", enabled, l, g)
	}
	h.waitFor("Undo offboarding", func() bool { return d.undoOffboard.button.Visible() })

	tapPanel(t, d.undoOffboard.button)
	if !strings.Contains(d.undoConfirm.message.Text, "Megan Bowen") {
		t.Errorf("the confirmation %q does not name her", d.undoConfirm.message.Text)
	}
	tapPanel(t, d.undoConfirm.confirm)
	h.waitText("the status", func() string { return d.status.Text }, "They can sign in again")
	enabled, l, g, ow := holdings(t, h.client, u.ID)
	if enabled != wasEnabled || l != licenses || g != groups || ow != owned {
		t.Errorf("after undo: enabled %v, %d licenses, %d groups, %d owned; before %v, %d, %d, %d",
			enabled, l, g, ow, wasEnabled, licenses, groups, owned)
	}
	if d.undoOffboard.button.Visible() {
		t.Error("Undo offboarding is still offered after the undo")
	}
}

// Offboarding a user another admin deleted meanwhile says so.
func TestOffboardingAUserDeletedMeanwhile(t *testing.T) {
	h := newHarness(t, demotenant.Options{})
	h.panel.cfg.ConfigDir = t.TempDir()
	h.openConnection("Northwind")
	u := h.selectUser("Megan Bowen")
	if err := h.client.DeleteUser(context.Background(), u.ID); err != nil {
		t.Fatal(err)
	}
	d := h.panel.users.details
	tapPanel(t, d.offboard.button)
	h.waitText("the status", func() string { return d.status.Text }, "the user no longer exists")
	if d.offboarding != nil {
		t.Error("the dialog opened for a user who is gone")
	}
}

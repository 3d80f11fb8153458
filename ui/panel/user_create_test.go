package panel

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"github.com/entra-wizard/entra-wizard/demotenant"
)

func TestPanelCreatesAUserAndShowsThePasswordOnce(t *testing.T) {
	h := newHarness(t, demotenant.Options{})
	h.openConnection("Northwind")
	tab := h.panel.users

	tapPanel(t, tab.create.button)
	f := tab.createForm
	upn := "pat.doe@" + h.info.TenantDomain
	test.Type(f.upn, upn)
	test.Type(f.fields.displayName, "Pat Doe")
	test.Type(f.fields.jobTitle, "Buyer")
	test.Type(f.fields.usageLocation, "us")
	tapPanel(t, f.create)
	h.waitFor("the password dialog", func() bool { return f.passwordText != nil })

	got, err := h.client.User(t.Context(), upn)
	if err != nil {
		t.Fatalf("the new user is not in the tenant: %v", err)
	}
	if got.DisplayName != "Pat Doe" || got.JobTitle != "Buyer" || got.UsageLocation != "US" {
		t.Fatalf("the tenant has %+v", got)
	}
	password := f.passwordText.Text
	if len(password) < 12 {
		t.Fatalf("the generated password has %d characters", len(password))
	}
	tapPanel(t, f.copyPassword)
	if h.panel.cfg.Clipboard.Content() != password {
		t.Fatal("copy did not put the password on the clipboard")
	}
	if tab.details.user.ID != got.ID {
		t.Fatal("the new user is not shown in the details pane")
	}
	if !strings.Contains(tab.details.state.Text, "Sign-in allowed") || !got.AccountEnabled {
		t.Fatalf("the new account is shown as %q; enabled in the tenant: %v", tab.details.state.Text, got.AccountEnabled)
	}
}

func TestPanelKeepsWhatWasTypedWhenGraphRefusesANewUser(t *testing.T) {
	h := newHarness(t, demotenant.Options{})
	h.openConnection("Northwind")
	tab := h.panel.users

	tapPanel(t, tab.create.button)
	f := tab.createForm
	taken := "megan@" + h.info.TenantDomain
	test.Type(f.upn, taken)
	test.Type(f.fields.displayName, "Second Megan")
	tapPanel(t, f.create)
	h.waitText("the form's status", func() string { return f.status.Text }, "Could not create Second Megan")
	if f.upn.Text != taken || f.fields.displayName.Text != "Second Megan" {
		t.Fatalf("the form lost what was typed: %q, %q", f.upn.Text, f.fields.displayName.Text)
	}
	if f.passwordText != nil {
		t.Fatal("a password was shown although no user was created")
	}
	if f.create.Disabled() {
		t.Fatal("the admin cannot try again")
	}

	// A user name without a domain is caught before anything is sent.
	f.upn.SetText("pat")
	before := h.srv.GraphRequests()
	tapPanel(t, f.create)
	if !strings.Contains(f.status.Text, "name@your-domain.com") {
		t.Fatalf("a bad user name says %q", f.status.Text)
	}
	if h.srv.GraphRequests() != before {
		t.Fatal("a bad user name was sent to Graph")
	}
}

package panel

import (
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

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
	h.waitFor("the domains", func() bool { return f.domains != nil })
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

	// A user name with a space is caught before anything is sent.
	f.upn.SetText("pat doe")
	before := h.srv.GraphRequests()
	tapPanel(t, f.create)
	if !strings.Contains(f.status.Text, "without spaces") || f.status.Importance != widget.DangerImportance {
		t.Fatalf("a bad user name says %q (importance %v)", f.status.Text, f.status.Importance)
	}
	if h.srv.GraphRequests() != before {
		t.Fatal("a bad user name was sent to Graph")
	}
}

// TestPanelNewUserOffersTheVerifiedDomains creates a user in the tenant's
// second verified domain, picked after the @.
func TestPanelNewUserOffersTheVerifiedDomains(t *testing.T) {
	h := newHarness(t, demotenant.Options{})
	h.openConnection("Northwind")
	org, err := h.client.Organization(t.Context())
	if err != nil || len(org.VerifiedDomains) < 2 {
		t.Fatalf("the tenant's domains: %v, %v", org.VerifiedDomains, err)
	}
	tapPanel(t, h.panel.users.create.button)
	f := h.panel.users.createForm
	h.waitFor("the domains", func() bool { return len(f.domain.Options) > 0 })
	if !slices.Equal(f.domain.Options, org.VerifiedDomains) || f.domain.Selected != org.VerifiedDomains[0] || f.domain.Disabled() {
		t.Fatalf("the picker offers %v with %q chosen (disabled: %v), want %v with the default first",
			f.domain.Options, f.domain.Selected, f.domain.Disabled(), org.VerifiedDomains)
	}
	test.Type(f.upn, "pat.second")
	f.domain.SetSelected(org.VerifiedDomains[1])
	test.Type(f.fields.displayName, "Pat Second")
	tapPanel(t, f.create)
	h.waitFor("the password dialog", func() bool { return f.passwordText != nil })
	if _, err := h.client.User(t.Context(), "pat.second@"+org.VerifiedDomains[1]); err != nil {
		t.Fatalf("no user in the picked domain: %v", err)
	}
}

// TestPanelNewUserInAnUnverifiedDomainNamesTheValidOnes pastes a whole
// address in a domain the tenant has not verified: the tenant refuses it
// and the form says so as an error, naming the domains it would take.
func TestPanelNewUserInAnUnverifiedDomainNamesTheValidOnes(t *testing.T) {
	h := newHarness(t, demotenant.Options{})
	h.openConnection("Northwind")
	tapPanel(t, h.panel.users.create.button)
	f := h.panel.users.createForm
	h.waitFor("the domains", func() bool { return f.domains != nil })
	test.Type(f.upn, "pat@contoso.example")
	if !f.domain.Disabled() {
		t.Fatal("the domain picker stays active beside a whole address")
	}
	test.Type(f.fields.displayName, "Pat Elsewhere")
	tapPanel(t, f.create)
	h.waitText("the form's status", func() string { return f.status.Text }, "Could not create Pat Elsewhere")
	for _, d := range f.domains {
		if !strings.Contains(f.status.Text, d) {
			t.Errorf("the refusal %q does not name the verified domain %s", f.status.Text, d)
		}
	}
	if f.status.Importance != widget.DangerImportance {
		t.Errorf("the refusal is styled %v, not as an error", f.status.Importance)
	}
	if f.upn.Text != "pat@contoso.example" || f.fields.displayName.Text != "Pat Elsewhere" {
		t.Fatal("the form lost what was typed")
	}
}

// The domain picker shows the whole domain, and the whole user name is
// spelled out under the fields: the demo's domains both begin with
// "northwind-demo" and were told apart only by the part that was cut off.
func TestNewUserShowsTheWholeDomainAndUserName(t *testing.T) {
	h := newHarness(t, demotenant.Options{})
	h.openConnection("Northwind")
	tapPanel(t, h.panel.users.create.button)
	f := h.panel.users.createForm
	h.waitFor("the domains", func() bool { return len(f.domains) > 1 })
	test.Type(f.upn, "pat.doe")
	for _, d := range f.domains {
		f.domain.SetSelected(d)
		text := fyne.MeasureText(d, theme.TextSize(), fyne.TextStyle{})
		if room := f.domain.Size().Width - 2*theme.InnerPadding() - theme.IconInlineSize(); room < text.Width {
			t.Errorf("the picker is %.0f wide for %q, which needs %.0f", room, d, text.Width)
		}
		if want := "Signs in as pat.doe@" + d; f.whole.Text != want || !f.whole.Visible() {
			t.Errorf("under the fields: %q, want %q", f.whole.Text, want)
		}
	}
}

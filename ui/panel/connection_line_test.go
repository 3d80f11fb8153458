package panel

import (
	"strings"
	"testing"

	"golang.org/x/oauth2"

	"github.com/entra-wizard/entra-wizard/demotenant"
	"github.com/entra-wizard/entra-wizard/graph"
	"github.com/entra-wizard/entra-wizard/keystore"
	"github.com/entra-wizard/entra-wizard/oauth"
)

// After the open connection is removed, nothing is left for Test again,
// Rename and Remove to act on: they wait until another is chosen.
func TestRemovingTheOpenConnectionDisablesItsButtons(t *testing.T) {
	h := newHarness(t, demotenant.Options{})
	h.openConnection("Northwind")
	bar := h.panel.conn
	tapPanel(t, bar.remove)
	tapPanel(t, bar.removeConfirm.confirm)
	h.waitText("the switcher", func() string { return bar.status.Text }, "Removed")
	for _, b := range []interface {
		Disabled() bool
	}{bar.retest, bar.rename, bar.remove} {
		if !b.Disabled() {
			t.Errorf("after removing the open connection, Test again, Rename and Remove stay enabled")
			break
		}
	}
	bar.picker.SetSelected("Spare")
	h.waitFor("the other connection", func() bool { return h.panel.session != nil && !bar.remove.Disabled() })
}

// Test again says that it is testing while it does, and then that the
// answer is a new one, even when it reads like the first.
func TestTestAgainShowsProgressAndResult(t *testing.T) {
	h := newHarness(t, demotenant.Options{})
	h.openConnection("Northwind")
	bar := h.panel.conn
	first := bar.status.Text
	tapPanel(t, bar.retest)
	if !strings.Contains(bar.status.Text, "Testing") || !bar.retest.Disabled() || bar.retest.Text != "Testing…" {
		t.Errorf("while testing again the switcher says %q and the button %q", bar.status.Text, bar.retest.Text)
	}
	h.waitFor("the new test", func() bool { return !bar.retest.Disabled() })
	if bar.status.Text == first || !strings.HasPrefix(bar.status.Text, "Tested again at ") || !strings.Contains(bar.status.Text, first) {
		t.Errorf("after testing again the switcher says %q (before: %q)", bar.status.Text, first)
	}
	if bar.retest.Text != "Test again" {
		t.Errorf("the button says %q after the test", bar.retest.Text)
	}
}

// A read-only app may not read the organization: the line names the
// tenant by the domain it was saved with, and never shows a bare ID.
func TestReadOnlyConnectionLineNamesTheTenant(t *testing.T) {
	h := newHarness(t, demotenant.Options{Scenario: demotenant.ScenarioReadOnly})
	if h.report.Organization != "" {
		t.Fatalf("the read-only app read the organization %q", h.report.Organization)
	}
	p := keystore.Profile{Name: "By domain", Cloud: "demo", Authority: h.info.Authority, Graph: h.info.Graph,
		Tenant: h.info.TenantDomain, ClientID: h.info.ClientID, Method: "client_secret"}
	if _, err := h.store.Save(p, keystore.Secrets{ClientSecret: h.info.ClientSecret}); err != nil {
		t.Fatal(err)
	}
	bar := h.panel.conn
	h.openConnection("By domain")
	h.waitText("the switcher", func() string { return bar.status.Text }, "Connected to")
	if !strings.HasPrefix(bar.status.Text, "Connected to "+h.info.TenantDomain+".") {
		t.Errorf("the line says %q, want the tenant's domain", bar.status.Text)
	}
	h.panel.Open("Northwind") // saved with the tenant's ID
	h.waitText("the switcher", func() string { return bar.status.Text }, "Connected to")
	if !strings.Contains(bar.status.Text, "reading its name needs Organization.Read.All") {
		t.Errorf("the line says %q, want why the name is missing", bar.status.Text)
	}
}

// A browser connection says who is signed in.
func TestBrowserConnectionSaysWhoIsSignedIn(t *testing.T) {
	h := newHarness(t, demotenant.Options{AutoSignIn: true})
	var admin string
	for _, u := range h.info.Users {
		if u.Admin && u.Note == "" {
			admin = u.UPN
			break
		}
	}
	_, tok := memberSignIn(t, h.info, admin, "User.Read", "User.Read.All", "Group.Read.All")
	ep, err := oauth.CustomEndpoints(h.info.Authority, h.info.Graph)
	if err != nil {
		t.Fatal(err)
	}
	cfg := graph.Config{BaseURL: ep.GraphBaseURL(), TokenSource: oauth2.StaticTokenSource(tok), Clock: testClock}
	client, err := graph.New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	report := graph.Check(t.Context(), graph.CheckConfig{Config: cfg})
	h.open = func() (*graph.Client, graph.Report, error) { return client, report, nil }
	h.panel.Open("Northwind")
	bar := h.panel.conn
	h.waitFor("the connection to open", func() bool { return h.panel.session != nil })
	if !strings.Contains(bar.status.Text, "signed in as "+admin) {
		t.Errorf("the line says %q, want the signed-in account %s", bar.status.Text, admin)
	}
}

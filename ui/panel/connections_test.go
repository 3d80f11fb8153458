package panel

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"github.com/entra-wizard/entra-wizard/changefeed"
	"github.com/entra-wizard/entra-wizard/demotenant"
	"github.com/entra-wizard/entra-wizard/graph"
	"github.com/entra-wizard/entra-wizard/oauth"
	"github.com/entra-wizard/entra-wizard/offboard"
)

func (h *harness) savedNames() []string {
	h.t.Helper()
	profiles, err := h.store.List()
	if err != nil {
		h.t.Fatal(err)
	}
	var names []string
	for _, p := range profiles {
		names = append(names, p.Name)
	}
	return names
}

func TestPanelRenamesAndRemovesConnections(t *testing.T) {
	h := newHarness(t, demotenant.Options{})
	h.openConnection("Northwind")
	bar := h.panel.conn
	if !slices.Equal(bar.picker.Options, []string{"Northwind", "Spare"}) {
		t.Fatalf("the switcher offers %q", bar.picker.Options)
	}
	if !strings.Contains(bar.status.Text, "Connected to Northwind Traders") {
		t.Fatalf("the switcher says %q about the connection", bar.status.Text)
	}

	tapPanel(t, bar.add)
	if h.added != 1 {
		t.Fatal("Add connection did not ask for the wizard")
	}

	tapPanel(t, bar.rename)
	p := bar.renamePrompt
	p.entry.SetText("")
	if !p.ok.Disabled() {
		t.Fatal("an empty name can be saved")
	}
	test.Type(p.entry, "Northwind EU")
	tapPanel(t, p.ok)
	h.waitText("the switcher", func() string { return bar.status.Text }, "Renamed")
	if got := h.savedNames(); !slices.Equal(got, []string{"Northwind EU", "Spare"}) {
		t.Fatalf("after renaming, the saved connections are %q", got)
	}
	if bar.picker.Selected != "Northwind EU" || h.panel.session.name != "Northwind EU" {
		t.Fatalf("the switcher shows %q", bar.picker.Selected)
	}

	tapPanel(t, bar.remove)
	tapPanel(t, bar.removeConfirm.confirm)
	h.waitText("the switcher", func() string { return bar.status.Text }, "Removed")
	if got := h.savedNames(); !slices.Equal(got, []string{"Spare"}) {
		t.Fatalf("after removing, the saved connections are %q", got)
	}
	if h.panel.session != nil || h.panel.tabs.Visible() {
		t.Fatal("the removed connection is still open")
	}

	bar.picker.SetSelected("Spare")
	h.waitFor("the other connection", func() bool { return h.panel.session != nil && h.panel.session.name == "Spare" })
}

func TestPanelSaysWhySignInFailedAndTestsAgain(t *testing.T) {
	h := newHarness(t, demotenant.Options{})
	ep, err := oauth.CustomEndpoints(h.info.Authority, h.info.Graph)
	if err != nil {
		t.Fatal(err)
	}
	// The secret's ID pasted instead of its value: Entra refuses it.
	ts := oauth.ClientCredentials{Endpoints: ep, Tenant: h.info.TenantID, ClientID: h.info.ClientID,
		Secret: "0b5e1a7c-9d2f-4e8b-a6c3-7f1d2e3b4a5c"}.TokenSource(context.Background())
	cfg := graph.Config{BaseURL: ep.GraphBaseURL(), TokenSource: ts, Clock: testClock}
	client, err := graph.New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	report := graph.Check(t.Context(), graph.CheckConfig{Config: cfg, Links: oauth.PortalLinks(ep, h.info.ClientID)})
	h.open = func() (*graph.Client, graph.Report, error) { return client, report, nil }

	bar := h.panel.conn
	h.panel.Open("Northwind")
	h.waitText("the switcher", func() string { return bar.status.Text }, "Could not connect")
	if !strings.Contains(bar.status.Text, "AADSTS7000215") {
		t.Fatalf("the switcher says %q, want the Entra code", bar.status.Text)
	}
	if h.panel.session != nil || h.panel.tabs.Visible() {
		t.Fatal("the panel shows a connection that cannot sign in")
	}

	h.open = func() (*graph.Client, graph.Report, error) { return h.client, h.report, nil }
	tapPanel(t, bar.retest)
	h.waitFor("the connection to open", func() bool { return h.panel.session != nil && len(h.panel.users.list.items) > 0 })
	if !strings.HasPrefix(bar.status.Text, "Tested again at ") || !strings.Contains(bar.status.Text, "Connected to") {
		t.Fatalf("after testing again the switcher says %q", bar.status.Text)
	}
}

func TestPanelWithoutSavedConnectionsStillOpensOne(t *testing.T) {
	h := newHarness(t, demotenant.Options{})
	// The settings could not be opened: the panel can still show the
	// connection it was given, but offers nothing to rename or remove.
	p := New(Config{Window: h.win, Open: h.panel.cfg.Open, Do: h.do, SaveFile: h.saveFile})
	h.win.SetContent(p.Content())
	p.Open("Demo")
	h.waitFor("the users", func() bool { return p.session != nil && len(p.users.list.items) > 0 })
	if !slices.Equal(p.conn.picker.Options, []string{"Demo"}) {
		t.Fatalf("the switcher offers %q", p.conn.picker.Options)
	}
	if p.conn.rename.Visible() || p.conn.remove.Visible() || p.conn.add.Visible() {
		t.Fatal("rename, remove or add is offered without saved connections or a wizard")
	}
}

// TestRenamedAndRemovedConnectionsTakeTheirActivityAlong checks the
// Activity tab's place in the change feed and the offboarding records
// follow a rename and go with the connection when it is removed, instead of
// being left in the settings folder.
func TestRenamedAndRemovedConnectionsTakeTheirActivityAlong(t *testing.T) {
	h := activityHarness(t)
	feeds := filepath.Join(h.panel.cfg.ConfigDir, changefeed.DirName)
	files := func() []string {
		entries, _ := os.ReadDir(feeds)
		var names []string
		for _, e := range entries {
			names = append(names, e.Name())
		}
		return names
	}
	h.openConnection("Northwind")
	a := h.panel.activity
	h.waitFor("the baseline", func() bool { return strings.HasPrefix(a.status.Text, "Changes to users and groups made since ") })
	if got := files(); !slices.Equal(got, []string{"Northwind.app.json"}) {
		t.Fatalf("feed files after the baseline: %q", got)
	}
	records := offboard.OpenStore(h.panel.cfg.ConfigDir)
	if err := records.Save(&offboard.Record{Connection: "Northwind", UserID: "leaver"}); err != nil {
		t.Fatal(err)
	}

	bar := h.panel.conn
	tapPanel(t, bar.rename)
	bar.renamePrompt.entry.SetText("Northwind EU")
	tapPanel(t, bar.renamePrompt.ok)
	h.waitText("the switcher", func() string { return bar.status.Text }, "Renamed")
	if got := files(); !slices.Equal(got, []string{"Northwind~20EU.app.json"}) {
		t.Errorf("feed files after renaming: %q", got)
	}
	if r, err := records.Load("Northwind EU", "leaver"); err != nil || r == nil || r.Connection != "Northwind EU" {
		t.Errorf("the offboarding record after renaming: %+v, %v", r, err)
	}
	if records.Has("Northwind", "leaver") {
		t.Error("the offboarding record stayed under the old name")
	}

	tapPanel(t, bar.remove)
	tapPanel(t, bar.removeConfirm.confirm)
	h.waitText("the switcher", func() string { return bar.status.Text }, "Removed")
	if got := files(); len(got) != 0 {
		t.Errorf("feed files left after removing the connection: %q", got)
	}
	if left, _ := os.ReadDir(filepath.Join(h.panel.cfg.ConfigDir, offboard.DirName)); len(left) != 0 {
		t.Errorf("offboarding records left after removing the connection: %v", left)
	}
	if strings.Contains(bar.status.Text, "Activity history") {
		t.Errorf("the switcher says %q", bar.status.Text)
	}
}

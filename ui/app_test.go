package ui

import (
	"context"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"

	"github.com/entra-wizard/entra-wizard/connection"
	"github.com/entra-wizard/entra-wizard/demotenant"
	"github.com/entra-wizard/entra-wizard/demotenant/demotest"
	"github.com/entra-wizard/entra-wizard/graph"
	"github.com/entra-wizard/entra-wizard/keystore"
	"github.com/entra-wizard/entra-wizard/oauth"
)

// appTenant starts a demo tenant and an empty store for it.
func appTenant(t *testing.T) (demotenant.Info, *keystore.Store) {
	t.Helper()
	srv := demotest.Start(t, demotenant.Options{AutoSignIn: true})
	store, err := keystore.Open(t.TempDir(), keystore.MemoryKeyring())
	if err != nil {
		t.Fatal(err)
	}
	return srv.Info(), store
}

func appSecretProfile(info demotenant.Info, name string) (keystore.Profile, keystore.Secrets) {
	return keystore.Profile{Name: name, Cloud: keystore.CloudCustom, Authority: info.Authority, Graph: info.Graph,
			Tenant: info.TenantID, ClientID: info.ClientID, Method: keystore.MethodClientSecret},
		keystore.Secrets{ClientSecret: info.ClientSecret}
}

// queue stands in for fyne.Do: background work queues its UI updates, and
// the test runs them on its own goroutine.
type queue struct{ ch chan func() }

func newQueue() *queue { return &queue{ch: make(chan func(), 64)} }

func (q *queue) do(f func()) { q.ch <- f }

// until runs queued updates until cond holds, failing the test if it does
// not within a generous bound (a hang, not a speed check).
func (q *queue) until(t *testing.T, what string, cond func() bool) {
	t.Helper()
	limit := time.NewTimer(60 * time.Second)
	defer limit.Stop()
	for !cond() {
		select {
		case f := <-q.ch:
			f()
		case <-limit.C:
			t.Fatalf("gave up waiting for %s", what)
		}
	}
}

// panelUI saves a connection to the tenant and opens the window on the
// panel, connected; the panel's work stops when the test ends.
func panelUI(t *testing.T, info demotenant.Info, store *keystore.Store) *UI {
	t.Helper()
	if _, err := store.Save(appSecretProfile(info, "Northwind")); err != nil {
		t.Fatal(err)
	}
	q := newQueue()
	u := newUI(test.NewTempApp(t), Deps{Store: store}, q.do)
	q.until(t, "the panel to open the connection", func() bool { name, _ := u.panel.Current(); return name != "" })
	t.Cleanup(func() {
		u.panel.Close()
		u.panel.Wait()
	})
	return u
}

func demoOf(info demotenant.Info) *connection.DemoTenant {
	return &connection.DemoTenant{Authority: info.Authority, Graph: info.Graph, TenantDomain: info.TenantDomain,
		ClientID: info.ClientID, ClientSecret: info.ClientSecret, PublicClientID: info.PublicClientID}
}

func TestNewStartsOnTheWizardWithoutConnections(t *testing.T) {
	_, store := appTenant(t)
	u := New(test.NewTempApp(t), Deps{Store: store})
	if u.wizard == nil || u.panel != nil {
		t.Fatal("no saved connection, but the wizard is not shown")
	}
	if u.Window().Title() != "Entra Setup Wizard" {
		t.Errorf("title %q", u.Window().Title())
	}
	if u.Window().Content() != u.wizard.Content() {
		t.Error("the window does not show the wizard")
	}
}

func TestNewStartsOnThePanelWithASavedConnection(t *testing.T) {
	info, store := appTenant(t)
	if _, err := store.Save(appSecretProfile(info, "Northwind")); err != nil {
		t.Fatal(err)
	}
	q := newQueue()
	u := newUI(test.NewTempApp(t), Deps{Store: store}, q.do)
	if u.panel == nil || u.wizard != nil {
		t.Fatal("a connection is saved, but the panel is not shown")
	}
	if u.Window().Content() != u.panel.Content() {
		t.Error("the window does not show the panel")
	}
	q.until(t, "the panel to open the connection", func() bool { name, _ := u.panel.Current(); return name != "" })
	if name, report := u.panel.Current(); name != "Northwind" || !report.OK() {
		t.Errorf("the panel opened %q, report %+v", name, report)
	}
	// The activity tab's first look writes into the config folder.
	u.panel.Close()
	u.panel.Wait()
}

func TestNewWithTheDemoTenantStartsOnTheWizard(t *testing.T) {
	info, store := appTenant(t)
	if _, err := store.Save(appSecretProfile(info, "Northwind")); err != nil {
		t.Fatal(err)
	}
	u := New(test.NewTempApp(t), Deps{Store: store, Demo: demoOf(info)})
	if u.wizard == nil || !u.wizard.DemoMode() {
		t.Fatal("with the demo tenant, the wizard in demo mode should show")
	}
}

func TestPanelSaysWhenARenewedSignInCannotBeSaved(t *testing.T) {
	info, store := appTenant(t)
	ep, err := oauth.CustomEndpoints(info.Authority, info.Graph)
	if err != nil {
		t.Fatal(err)
	}
	tok, err := oauth.LoopbackLogin{Endpoints: ep, Tenant: info.TenantID, ClientID: info.PublicClientID,
		Scopes: ep.DelegatedScopes(graph.RecommendedPermissions()...), Timeout: 30 * time.Second,
		OpenURL: func(u string) error { go demotest.Visit(u); return nil }}.Run(context.Background())
	if err != nil {
		t.Fatalf("signing in: %v", err)
	}
	p := keystore.Profile{Name: "Me", Cloud: keystore.CloudCustom, Authority: info.Authority, Graph: info.Graph,
		Tenant: info.TenantID, ClientID: info.PublicClientID, Method: keystore.MethodBrowser}
	if _, err := store.Save(p, keystore.Secrets{RefreshToken: tok.RefreshToken}); err != nil {
		t.Fatal(err)
	}
	q := newQueue()
	u := newUI(test.NewTempApp(t), Deps{Store: store}, q.do)
	q.until(t, "the panel to open the connection", func() bool { name, _ := u.panel.Current(); return name != "" })

	// The window's engine renews the sign-in of a connection removed
	// meanwhile: the new token has nowhere to go, and the panel says so.
	c, err := u.engine().Open(context.Background(), "Me")
	if err != nil {
		t.Fatal(err)
	}
	if err := store.Delete("Me"); err != nil {
		t.Fatal(err)
	}
	if report := c.Check(context.Background()); !report.OK() {
		t.Fatalf("the tokens in hand should still work: %v", report.Err)
	}
	q.until(t, "the notice", func() bool { return strings.Contains(u.panel.Notice(), "could not be saved") })
	if !strings.Contains(u.panel.Notice(), `"Me"`) {
		t.Errorf("the notice %q does not name the connection", u.panel.Notice())
	}
}

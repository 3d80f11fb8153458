package connection

import (
	"context"
	"errors"
	"strings"
	"sync"
	"testing"

	"github.com/entra-wizard/entra-wizard/demotenant"
	"github.com/entra-wizard/entra-wizard/demotenant/demotest"
	"github.com/entra-wizard/entra-wizard/graph"
	"github.com/entra-wizard/entra-wizard/keystore"
)

// fixture is a demo tenant (which signs in by itself) and an empty store.
type fixture struct {
	info  demotenant.Info
	store *keystore.Store
}

func newFixture(t *testing.T) fixture {
	t.Helper()
	srv := demotest.Start(t, demotenant.Options{AutoSignIn: true})
	store, err := keystore.Open(t.TempDir(), keystore.MemoryKeyring())
	if err != nil {
		t.Fatal(err)
	}
	return fixture{info: srv.Info(), store: store}
}

func (f fixture) engine() *Engine {
	return &Engine{Store: f.store, OpenURL: demotest.Browse, Demo: &DemoTenant{Authority: f.info.Authority, Graph: f.info.Graph}}
}

func (f fixture) saveSecret(t *testing.T, name string) {
	t.Helper()
	p := keystore.Profile{Name: name, Cloud: keystore.CloudCustom, Authority: f.info.Authority, Graph: f.info.Graph,
		Tenant: f.info.TenantID, ClientID: f.info.ClientID, Method: keystore.MethodClientSecret}
	if _, err := f.store.Save(p, keystore.Secrets{ClientSecret: f.info.ClientSecret}); err != nil {
		t.Fatal(err)
	}
}

// saveBrowser signs in through the browser, as the wizard does, and saves
// the connection with its refresh token.
func (f fixture) saveBrowser(t *testing.T, name string) string {
	t.Helper()
	p := keystore.Profile{Name: name, Cloud: keystore.CloudDemo, Tenant: f.info.TenantID,
		ClientID: f.info.PublicClientID, Method: keystore.MethodBrowser}
	res := f.engine().Test(context.Background(), Attempt{Profile: p})
	if !res.Report.OK() || res.RefreshToken == "" {
		t.Fatalf("signing in: %v (refresh token kept: %t)", res.Report.Err, res.RefreshToken != "")
	}
	if _, err := f.store.Save(p, keystore.Secrets{RefreshToken: res.RefreshToken}); err != nil {
		t.Fatal(err)
	}
	return res.RefreshToken
}

func TestOpenAClientSecretConnection(t *testing.T) {
	f := newFixture(t)
	f.saveSecret(t, "Northwind")
	c, err := f.engine().Open(context.Background(), "Northwind")
	if err != nil {
		t.Fatal(err)
	}
	report := c.Check(context.Background())
	if !report.OK() || report.Organization != "Northwind Traders (demo)" || c.Graph == nil {
		t.Errorf("report %+v", report)
	}
	if users, err := c.Graph.Users(graph.UserQuery{}).Next(context.Background()); err != nil || len(users) == 0 {
		t.Errorf("the opened client read %d users: %v", len(users), err)
	}
}

func TestOpenABrowserConnectionSavesTheRotatedRefreshToken(t *testing.T) {
	f := newFixture(t)
	first := f.saveBrowser(t, "Me")

	without := &Engine{Store: f.store}
	if _, err := without.Open(context.Background(), "Me"); !errors.Is(err, ErrDemoNotRunning) {
		t.Errorf("a demo connection without the demo tenant: error %v, want ErrDemoNotRunning", err)
	}

	e := f.engine()
	var notSaved []error
	e.OnTokenNotSaved = func(err error) { notSaved = append(notSaved, err) }
	c, err := e.Open(context.Background(), "Me")
	if err != nil {
		t.Fatal(err)
	}
	if report := c.Check(context.Background()); !report.OK() || !report.Delegated {
		t.Fatalf("report %+v", report)
	}
	sec, err := f.store.Secrets("Me")
	if err != nil || sec.RefreshToken == "" || sec.RefreshToken == first {
		t.Errorf("the rotated refresh token was not saved (err %v)", err)
	}
	if len(notSaved) > 0 {
		t.Errorf("saving worked, but OnTokenNotSaved heard %v", notSaved)
	}
}

func TestOpenReportsARotatedRefreshTokenThatCouldNotBeSaved(t *testing.T) {
	f := newFixture(t)
	f.saveBrowser(t, "Me")
	e := f.engine()
	var (
		mu       sync.Mutex
		notSaved []error
	)
	e.OnTokenNotSaved = func(err error) {
		mu.Lock()
		defer mu.Unlock()
		notSaved = append(notSaved, err)
	}
	c, err := e.Open(context.Background(), "Me")
	if err != nil {
		t.Fatal(err)
	}
	// Removed meanwhile (say, from another window): the renewed token has
	// nowhere to go.
	if err := f.store.Delete("Me"); err != nil {
		t.Fatal(err)
	}
	if report := c.Check(context.Background()); !report.OK() {
		t.Fatalf("the tokens in hand should still work: %v", report.Err)
	}
	mu.Lock()
	defer mu.Unlock()
	var tns *TokenNotSavedError
	if len(notSaved) != 1 || !errors.As(notSaved[0], &tns) || !errors.Is(notSaved[0], keystore.ErrNotFound) {
		t.Fatalf("OnTokenNotSaved heard %v, want one TokenNotSavedError wrapping ErrNotFound", notSaved)
	}
	if msg := notSaved[0].Error(); !strings.Contains(msg, `"Me"`) || !strings.Contains(msg, "sign in again") {
		t.Errorf("message %q does not name the connection and what it means", msg)
	}
}

func TestOpenReportsAMissingConnection(t *testing.T) {
	f := newFixture(t)
	if _, err := f.engine().Open(context.Background(), "Nobody"); !errors.Is(err, keystore.ErrNotFound) {
		t.Errorf("error %v, want keystore.ErrNotFound", err)
	}
	if _, err := (&Engine{}).Open(context.Background(), "Nobody"); err == nil {
		t.Error("opening without a store worked")
	}
}

func TestTestReportsABadSecretWithoutSaving(t *testing.T) {
	f := newFixture(t)
	p := keystore.Profile{Cloud: keystore.CloudDemo, Tenant: f.info.TenantID, ClientID: f.info.ClientID,
		Method: keystore.MethodClientSecret}
	res := f.engine().Test(context.Background(), Attempt{Profile: p, Secret: "not-the-secret"})
	if res.Report.OK() || res.Report.Err == nil || !strings.Contains(res.Report.Err.Error(), "AADSTS7000215") {
		t.Errorf("report %+v, want AADSTS7000215", res.Report)
	}
	if res.RefreshToken != "" {
		t.Error("a client-secret test returned a refresh token")
	}
	if profiles, _ := f.store.List(); len(profiles) != 0 {
		t.Errorf("testing saved %v", profiles)
	}
}

package provision

import (
	"context"
	"net/http"
	"net/url"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/entra-wizard/entra-wizard/demotenant"
	"github.com/entra-wizard/entra-wizard/demotenant/demotest"
	"github.com/entra-wizard/entra-wizard/keystore"
	"github.com/entra-wizard/entra-wizard/oauth"
)

// fakeClock is shared by the demo tenant and setup: setup's waits move it
// on at once, so a replication delay of minutes passes in no time.
type fakeClock struct {
	mu    sync.Mutex
	now   time.Time
	slept []time.Duration
}

func (c *fakeClock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.now
}

func (c *fakeClock) Sleep(ctx context.Context, d time.Duration) error {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.now = c.now.Add(d)
	c.slept = append(c.slept, d)
	return ctx.Err()
}

// fixture is a demo tenant, a settings folder with an in-memory keyring,
// and the setup deps that use them.
type fixture struct {
	srv   *demotenant.Server
	info  demotenant.Info
	store *keystore.Store
	clock *fakeClock
	e     oauth.Endpoints
	// account is the login_hint the "browser" signs in with; "" is the
	// tenant's administrator.
	account  string
	progress []Progress
	visited  []string // the sign-in addresses opened, in order
	mu       sync.Mutex
}

func newFixture(t testing.TB, opts demotenant.Options) *fixture {
	t.Helper()
	f := &fixture{clock: &fakeClock{now: time.Date(2026, 11, 26, 12, 0, 0, 0, time.UTC)}}
	opts.AutoSignIn, opts.Now = true, f.clock.Now
	srv := demotest.Start(t, opts)
	f.srv, f.info = srv, srv.Info()
	var err error
	if f.store, err = keystore.Open(filepath.Join(t.TempDir(), "config"), keystore.MemoryKeyring()); err != nil {
		t.Fatal(err)
	}
	if f.e, err = oauth.CustomEndpoints(srv.URL(), srv.URL()); err != nil {
		t.Fatal(err)
	}
	return f
}

// visit plays the browser: the demo tenant signs the account in at once and
// redirects to the sign-in's loopback listener.
func (f *fixture) visit(u string) error {
	f.mu.Lock()
	f.visited = append(f.visited, u)
	f.mu.Unlock()
	if f.account != "" {
		u += "&login_hint=" + url.QueryEscape(f.account)
	}
	return demotest.Browse(u)
}

func (f *fixture) setup() *Setup {
	return New(Deps{
		HTTPClient: &http.Client{Timeout: 30 * time.Second}, OpenURL: f.visit, LoginTimeout: 30 * time.Second,
		Clock: f.clock,
		Progress: func(p Progress) {
			f.mu.Lock()
			defer f.mu.Unlock()
			f.progress = append(f.progress, p)
		},
		Save: func(p keystore.Profile, s keystore.Secrets) error {
			_, err := f.store.Save(p, s)
			return err
		},
	})
}

func (f *fixture) request(name string) Request {
	return Request{Name: name, AppName: "Wizard for " + name, Endpoints: f.e, Tenant: f.info.TenantDomain, Computer: "test-pc",
		Method: MethodSecret}
}

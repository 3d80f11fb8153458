package userimport_test

import (
	"context"
	"net/http"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/entra-wizard/entra-wizard/demotenant"
	"github.com/entra-wizard/entra-wizard/demotenant/demotest"
	"github.com/entra-wizard/entra-wizard/graph"
	"github.com/entra-wizard/entra-wizard/oauth"
)

type tenant struct {
	srv    *demotenant.Server
	info   demotenant.Info
	client *graph.Client
	clock  *noWaitClock
}

// startTenant starts a demo tenant and a Graph client of its main app,
// whose clock does not wait out Retry-After.
func startTenant(tb testing.TB, opts demotenant.Options) *tenant {
	tb.Helper()
	srv := demotest.Start(tb, opts)
	info := srv.Info()
	ep, err := oauth.CustomEndpoints(info.Authority, info.Graph)
	if err != nil {
		tb.Fatal(err)
	}
	ts := oauth.ClientCredentials{Endpoints: ep, Tenant: info.TenantID, ClientID: info.ClientID,
		Secret: info.ClientSecret, HTTPClient: &http.Client{}}.TokenSource(context.Background())
	clock := &noWaitClock{}
	c, err := graph.New(graph.Config{BaseURL: ep.GraphBaseURL(), TokenSource: ts, HTTPClient: &http.Client{}, Clock: clock})
	if err != nil {
		tb.Fatal(err)
	}
	return &tenant{srv: srv, info: info, client: c, clock: clock}
}

// noWaitClock is the real time that skips every wait, noting how long it
// was asked to wait.
type noWaitClock struct {
	mu    sync.Mutex
	waits []time.Duration
}

func (*noWaitClock) Now() time.Time { return time.Now() }
func (c *noWaitClock) Sleep(ctx context.Context, d time.Duration) error {
	c.mu.Lock()
	c.waits = append(c.waits, d)
	c.mu.Unlock()
	return ctx.Err()
}

func (c *noWaitClock) asked() []time.Duration {
	c.mu.Lock()
	defer c.mu.Unlock()
	return slices.Clone(c.waits)
}

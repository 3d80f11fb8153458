package graph_test

import (
	"context"
	"net/http"
	"testing"

	"golang.org/x/oauth2"

	"github.com/entra-wizard/entra-wizard/demotenant"
	"github.com/entra-wizard/entra-wizard/demotenant/demotest"
	"github.com/entra-wizard/entra-wizard/graph"
	"github.com/entra-wizard/entra-wizard/oauth"
)

// tenant is a running demo tenant and a client connected to it as the
// scenario's app.
type tenant struct {
	srv       *demotenant.Server
	info      demotenant.Info
	endpoints oauth.Endpoints
	client    *graph.Client
	// clock is the clients' clock: they wait out Retry-After without
	// sleeping.
	clock *fakeClock
}

// startTenant starts a demo tenant with opts and connects a graph client to
// it with client credentials, over real HTTP.
func startTenant(tb testing.TB, opts demotenant.Options) *tenant {
	tb.Helper()
	srv := demotest.Start(tb, opts)
	info := srv.Info()
	ep, err := oauth.CustomEndpoints(info.Authority, info.Graph)
	if err != nil {
		tb.Fatalf("endpoints: %v", err)
	}
	t := &tenant{srv: srv, info: info, endpoints: ep, clock: newFakeClock()}
	t.client = t.connect(tb, info.ClientID, info.ClientSecret)
	return t
}

// tokens returns a client-credentials token source for an app of the tenant.
func (t *tenant) tokens(clientID, secret string) oauth2.TokenSource {
	return oauth.ClientCredentials{
		Endpoints:  t.endpoints,
		Tenant:     t.info.TenantID,
		ClientID:   clientID,
		Secret:     secret,
		HTTPClient: &http.Client{},
	}.TokenSource(context.Background())
}

func (t *tenant) connect(tb testing.TB, clientID, secret string) *graph.Client {
	tb.Helper()
	c, err := graph.New(graph.Config{
		BaseURL:     t.endpoints.GraphBaseURL(),
		TokenSource: t.tokens(clientID, secret),
		HTTPClient:  &http.Client{},
		Clock:       t.clock,
	})
	if err != nil {
		tb.Fatalf("graph.New: %v", err)
	}
	return c
}

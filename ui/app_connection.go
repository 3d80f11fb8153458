package ui

import (
	"context"
	"errors"
	"fmt"
	"net/http"

	"golang.org/x/oauth2"

	"github.com/entra-wizard/entra-wizard/graph"
	"github.com/entra-wizard/entra-wizard/keystore"
	"github.com/entra-wizard/entra-wizard/oauth"
)

// appConnector opens saved connections for the management panel.
type appConnector struct {
	store      *keystore.Store
	demo       *DemoTenant
	httpClient *http.Client
	// onLDAP shows a secure LDAP connection picked in the panel in its own
	// view; it is called from the background.
	onLDAP func(name string)
}

// errAppNoDemo is returned for a demo connection while no demo tenant runs.
var errAppNoDemo = errors.New("this connection is to the demo tenant, which runs only when the program is started with --demo")

// open builds a Graph client for the saved connection called name and
// tests what it may do. A failed sign-in is in the report's Err.
func (c appConnector) open(ctx context.Context, name string) (*graph.Client, graph.Report, error) {
	if c.store == nil {
		return nil, graph.Report{}, errors.New("the saved connections could not be opened")
	}
	p, err := c.store.Get(name)
	if err != nil {
		return nil, graph.Report{}, err
	}
	if p.Method == keystore.MethodLDAP {
		if c.onLDAP != nil {
			c.onLDAP(name)
		}
		return nil, graph.Report{}, fmt.Errorf("%q is a secure LDAP connection: opening its own view", name)
	}
	sec, err := c.store.Secrets(name)
	if err != nil {
		return nil, graph.Report{}, fmt.Errorf("reading the secret of %q from the keychain: %w", name, err)
	}
	ep, err := c.endpoints(p)
	if err != nil {
		return nil, graph.Report{}, err
	}
	var ts oauth2.TokenSource
	switch p.Method {
	case keystore.MethodBrowser:
		login := oauth.LoopbackLogin{Endpoints: ep, Tenant: p.Tenant, ClientID: p.ClientID,
			Scopes: ep.DelegatedScopes(graph.RecommendedPermissions()...), HTTPClient: c.httpClient}
		ts = oauth.RefreshTokenSource(ctx, login, &oauth2.Token{RefreshToken: sec.RefreshToken},
			func(t *oauth2.Token) { _ = c.store.SetRefreshToken(name, t.RefreshToken) })
	default:
		ts = oauth.ClientCredentials{Endpoints: ep, Tenant: p.Tenant, ClientID: p.ClientID,
			Secret: sec.ClientSecret, HTTPClient: c.httpClient}.TokenSource(ctx)
	}
	cfg := graph.Config{BaseURL: ep.GraphBaseURL(), TokenSource: ts, HTTPClient: c.httpClient}
	client, err := graph.New(cfg)
	if err != nil {
		return nil, graph.Report{}, err
	}
	report := graph.Check(ctx, graph.CheckConfig{Config: cfg, Links: oauth.PortalLinks(ep, p.ClientID)})
	return client, report, nil
}

// endpoints resolves a profile's addresses; a demo connection uses the
// demo tenant running now, whose port changes every run.
func (c appConnector) endpoints(p keystore.Profile) (oauth.Endpoints, error) {
	switch p.Cloud {
	case keystore.CloudDemo:
		if c.demo == nil {
			return oauth.Endpoints{}, errAppNoDemo
		}
		return oauth.CustomEndpoints(c.demo.Authority, c.demo.Graph)
	case keystore.CloudCustom:
		return oauth.CustomEndpoints(p.Authority, p.Graph)
	}
	return oauth.EndpointsFor(p.Cloud)
}

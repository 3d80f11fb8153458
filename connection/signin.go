package connection

import (
	"context"
	"fmt"

	"golang.org/x/oauth2"

	"github.com/entra-wizard/entra-wizard/graph"
	"github.com/entra-wizard/entra-wizard/oauth"
)

// OneTimeSignIn is a browser sign-in used for one task and never saved,
// such as the administrator's sign-in that registers an app.
type OneTimeSignIn struct {
	Endpoints oauth.Endpoints
	// Tenant is a tenant ID or domain.
	Tenant, ClientID string
	Scopes           []string
	// OnURL hears the sign-in's address, to show for opening by hand.
	OnURL func(string)
}

// Session is what a one-time sign-in gives: a Graph client acting as the
// person who signed in, and what their token says about them. Its token
// lives in memory only and is not renewed.
type Session struct {
	Graph  *graph.Client
	Claims oauth.Claims
}

// SignInOnce signs someone in through the browser and opens Graph with
// their token.
func (e *Engine) SignInOnce(ctx context.Context, s OneTimeSignIn) (*Session, error) {
	login := oauth.LoopbackLogin{Endpoints: s.Endpoints, Tenant: s.Tenant, ClientID: s.ClientID, Scopes: s.Scopes,
		OpenURL: e.OpenURL, OnURL: s.OnURL, Timeout: e.LoginTimeout, HTTPClient: e.HTTPClient}
	tok, err := login.Run(ctx)
	if err != nil {
		return nil, err
	}
	claims, err := oauth.TokenClaims(tok.AccessToken)
	if err != nil {
		return nil, fmt.Errorf("the sign-in's token could not be read: %w", err)
	}
	client, err := graph.New(graph.Config{BaseURL: s.Endpoints.GraphBaseURL(),
		TokenSource: oauth2.StaticTokenSource(tok), HTTPClient: e.HTTPClient, Clock: e.Clock})
	if err != nil {
		return nil, err
	}
	return &Session{Graph: client, Claims: claims}, nil
}

// AppClaims signs in once as the app of an app-only attempt and returns
// what its token says (its roles, say). Entra's refusal is an *oauth.Error,
// so a caller waiting for a new app can tell "not yet" from "never".
func (e *Engine) AppClaims(ctx context.Context, a Attempt) (oauth.Claims, error) {
	p := a.Profile
	ep, err := Resolve(p.Cloud, p.Authority, p.Graph, e.Demo)
	if err == nil {
		err = oauth.CheckEndpoints(ep, a.AllowCustom)
	}
	if err != nil {
		return oauth.Claims{}, err
	}
	ts, _ := e.appOnly(ctx, ep, p, a.secrets())
	tok, err := ts.Token()
	if err != nil {
		return oauth.Claims{}, err
	}
	return oauth.TokenClaims(tok.AccessToken)
}

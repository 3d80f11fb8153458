package appsetup

import (
	"context"
	"fmt"
	"strings"
	"sync"

	"golang.org/x/oauth2"

	"github.com/entra-wizard/entra-wizard/graph"
	"github.com/entra-wizard/entra-wizard/oauth"
)

// test runs the normal connection test with the new app's own sign-in,
// and asks that every chosen feature works.
func (s *Setup) test(ctx context.Context, st *State) error {
	r := st.Request
	ts, err := s.newAppTokens(ctx, st)
	if err != nil {
		return err
	}
	st.report = graph.Check(ctx, graph.CheckConfig{
		Config: graph.Config{BaseURL: r.Endpoints.GraphBaseURL(), TokenSource: ts, HTTPClient: s.deps.HTTPClient},
		Links:  oauth.PortalLinks(r.Endpoints, st.Created.AppID),
	})
	if st.report.Err != nil {
		return st.report.Err
	}
	var failing []string
	for _, f := range r.Features {
		if !st.report.Allows(f) {
			failing = append(failing, string(f))
		}
	}
	if len(failing) > 0 {
		return fmt.Errorf("the connection works, but not for %s", strings.Join(failing, ", "))
	}
	return nil
}

// newAppTokens signs in as the new app: with its secret, or through the
// browser for the browser method (the admin signs in once more, this time
// to the new app), keeping the newest refresh token to save.
func (s *Setup) newAppTokens(ctx context.Context, st *State) (oauth2.TokenSource, error) {
	r := st.Request
	if r.Method == MethodSecret {
		return oauth.ClientCredentials{
			Endpoints: r.Endpoints, Tenant: st.TenantID, ClientID: st.Created.AppID, Secret: st.secret,
			HTTPClient: s.deps.HTTPClient,
		}.TokenSource(ctx), nil
	}
	login := oauth.LoopbackLogin{
		Endpoints: r.Endpoints, Tenant: st.TenantID, ClientID: st.Created.AppID,
		Scopes:  r.Endpoints.DelegatedScopes(Permissions(r.Features)...),
		OpenURL: s.deps.OpenURL, OnURL: s.deps.OnURL, Timeout: s.deps.LoginTimeout, HTTPClient: s.deps.HTTPClient,
	}
	tok, err := login.Run(ctx)
	if err != nil {
		return nil, err
	}
	var mu sync.Mutex
	st.refresh = tok.RefreshToken
	return oauth.RefreshTokenSource(ctx, login, tok, func(t *oauth2.Token) {
		mu.Lock()
		defer mu.Unlock()
		st.refresh = t.RefreshToken
	}), nil
}

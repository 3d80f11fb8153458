package setupwizard

import (
	"context"
	"net/http"
	"strings"
	"sync"
	"time"

	"golang.org/x/oauth2"

	"github.com/entra-wizard/entra-wizard/graph"
	"github.com/entra-wizard/entra-wizard/oauth"
	"github.com/entra-wizard/entra-wizard/wizard"
)

// signInScopes are the Graph permissions a browser sign-in asks for:
// the least that allows every feature. The signed-in admin's role still
// limits what the program can do.
var signInScopes = graph.RecommendedPermissions()

// connectionAttempt is one connection test with the values typed so far. It
// runs off the UI goroutine and touches no widget.
type connectionAttempt struct {
	endpoints  oauth.Endpoints
	state      wizard.State
	httpClient *http.Client
	openURL    func(string) error
	// onURL receives the browser sign-in's address, to show it for
	// opening by hand.
	onURL        func(string)
	loginTimeout time.Duration
}

// attemptResult is what an attempt found out.
type attemptResult struct {
	report graph.Report
	// refreshToken is the browser sign-in's, to save with the connection.
	refreshToken string
}

// run signs in (with the secret, or through the browser) and tests what
// the connection can do. A failed sign-in is reported in report.Err.
func (a connectionAttempt) run(ctx context.Context) attemptResult {
	st := a.state
	tenant, clientID := strings.TrimSpace(st.Tenant), strings.TrimSpace(st.ClientID)
	if st.Method == wizard.MethodSecret {
		ts := oauth.ClientCredentials{
			Endpoints: a.endpoints, Tenant: tenant, ClientID: clientID,
			Secret: strings.TrimSpace(st.Secret), HTTPClient: a.httpClient,
		}.TokenSource(ctx)
		return attemptResult{report: a.check(ctx, ts, clientID)}
	}

	login := oauth.LoopbackLogin{
		Endpoints: a.endpoints, Tenant: tenant, ClientID: clientID,
		Scopes:  a.endpoints.DelegatedScopes(signInScopes...),
		OpenURL: a.openURL, OnURL: a.onURL, Timeout: a.loginTimeout, HTTPClient: a.httpClient,
	}
	tok, err := login.Run(ctx)
	if err != nil {
		return attemptResult{report: graph.Report{Err: err}}
	}
	var mu sync.Mutex
	refresh := tok.RefreshToken
	ts := oauth.RefreshTokenSource(ctx, login, tok, func(t *oauth2.Token) {
		mu.Lock()
		defer mu.Unlock()
		refresh = t.RefreshToken
	})
	report := a.check(ctx, ts, clientID)
	mu.Lock()
	defer mu.Unlock()
	return attemptResult{report: report, refreshToken: refresh}
}

// check runs the connection test with a token source.
func (a connectionAttempt) check(ctx context.Context, ts oauth2.TokenSource, clientID string) graph.Report {
	return graph.Check(ctx, graph.CheckConfig{
		Config: graph.Config{BaseURL: a.endpoints.GraphBaseURL(), TokenSource: ts, HTTPClient: a.httpClient},
		Links:  oauth.PortalLinks(a.endpoints, clientID),
	})
}

package cli

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"sync"
	"time"

	"golang.org/x/oauth2"

	"github.com/entra-wizard/entra-wizard/graph"
	"github.com/entra-wizard/entra-wizard/keystore"
	"github.com/entra-wizard/entra-wizard/ldapconn"
	"github.com/entra-wizard/entra-wizard/oauth"
)

// requestTimeout bounds each HTTP request to Entra or Graph.
const requestTimeout = 60 * time.Second

// connectionDeps are the side effects of connect and status: where
// connections are saved, the HTTP client, and the browser. Tests replace
// them.
type connectionDeps struct {
	openStore  func() (*keystore.Store, error)
	httpClient *http.Client
	openURL    func(string) error
	// loginTimeout bounds a browser sign-in; 0 means oauth's default.
	loginTimeout time.Duration
	// ldap is how secure LDAP connections reach their servers; the zero
	// value uses the system's resolver and trusted authorities.
	ldap ldapconn.Config
}

func defaultConnectionDeps(env Env) connectionDeps {
	return connectionDeps{
		openStore: func() (*keystore.Store, error) {
			return keystore.Open(env.getenv(keystore.ConfigDirEnv), nil)
		},
		httpClient: &http.Client{Timeout: requestTimeout},
		openURL:    oauth.OpenBrowser,
	}
}

// connectionTarget is a connection being tested: its settings and the
// endpoints they resolve to.
type connectionTarget struct {
	profile   keystore.Profile
	endpoints oauth.Endpoints
}

// targetOf resolves a saved connection's endpoints.
func targetOf(p keystore.Profile) (connectionTarget, error) {
	var (
		e   oauth.Endpoints
		err error
	)
	switch p.Cloud {
	case keystore.CloudDemo:
		return connectionTarget{}, fmt.Errorf("%q is a connection to the built-in demo tenant, which exists only while the app runs: open it with entra-wizard --demo", p.Name)
	case keystore.CloudCustom:
		e, err = oauth.CustomEndpoints(p.Authority, p.Graph)
	default:
		e, err = oauth.EndpointsFor(p.Cloud)
	}
	if err == nil {
		// Custom hosts were allowed when the connection was saved; a
		// Microsoft endpoint paired with a foreign one never is.
		err = oauth.CheckEndpoints(e, true)
	}
	if err != nil {
		return connectionTarget{}, fmt.Errorf("the saved settings of %q: %w", p.Name, err)
	}
	return connectionTarget{profile: p, endpoints: e}, nil
}

// login is the browser sign-in configuration of a target.
func (d connectionDeps) login(t connectionTarget) oauth.LoopbackLogin {
	return oauth.LoopbackLogin{
		Endpoints:  t.endpoints,
		Tenant:     t.profile.Tenant,
		ClientID:   t.profile.ClientID,
		Scopes:     t.endpoints.DelegatedScopes(graph.RecommendedPermissions()...),
		OpenURL:    d.openURL,
		Timeout:    d.loginTimeout,
		HTTPClient: d.httpClient,
	}
}

// test signs in to a new connection (with the secret, or through the
// browser) and runs the connection test. For a browser sign-in it also
// returns the refresh token to keep. Sign-in progress goes to progress.
func (d connectionDeps) test(ctx context.Context, t connectionTarget, secret string, progress io.Writer) (connectionResult, string) {
	if t.profile.Method == keystore.MethodClientSecret {
		return d.check(ctx, t, d.clientCredentials(ctx, t, secret)), ""
	}
	login := d.login(t)
	login.OnURL = func(u string) {
		fmt.Fprintf(progress, "Opening the browser to sign in. If it does not open, visit:\n  %s\n%s\n", u, oauth.WaitingHelp("press Ctrl+C"))
	}
	tok, err := login.Run(ctx)
	if err != nil {
		return resultOf(t, graph.Report{Err: err}), ""
	}
	var rotation refreshKeeper
	rotation.keep(tok)
	ts := oauth.RefreshTokenSource(ctx, login, tok, rotation.keep)
	return d.check(ctx, t, ts), rotation.latest()
}

// clientCredentials is the app-only token source of a target.
func (d connectionDeps) clientCredentials(ctx context.Context, t connectionTarget, secret string) oauth2.TokenSource {
	return oauth.ClientCredentials{
		Endpoints:  t.endpoints,
		Tenant:     t.profile.Tenant,
		ClientID:   t.profile.ClientID,
		Secret:     secret,
		HTTPClient: d.httpClient,
	}.TokenSource(ctx)
}

// check runs the connection test with a token source.
func (d connectionDeps) check(ctx context.Context, t connectionTarget, ts oauth2.TokenSource) connectionResult {
	report := graph.Check(ctx, graph.CheckConfig{
		Config: graph.Config{
			BaseURL:     t.endpoints.GraphBaseURL(),
			TokenSource: ts,
			HTTPClient:  d.httpClient,
		},
		Links: oauth.PortalLinks(t.endpoints, t.profile.ClientID),
	})
	return resultOf(t, report)
}

// refreshKeeper remembers the newest refresh token a token source handed
// out; Entra may rotate it on every renewal.
type refreshKeeper struct {
	mu    sync.Mutex
	token string
}

func (k *refreshKeeper) keep(tok *oauth2.Token) {
	k.mu.Lock()
	defer k.mu.Unlock()
	if tok != nil && tok.RefreshToken != "" {
		k.token = tok.RefreshToken
	}
}

func (k *refreshKeeper) latest() string {
	k.mu.Lock()
	defer k.mu.Unlock()
	return k.token
}

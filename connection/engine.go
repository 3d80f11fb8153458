package connection

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"time"

	"golang.org/x/oauth2"

	"github.com/entra-wizard/entra-wizard/graph"
	"github.com/entra-wizard/entra-wizard/keystore"
	"github.com/entra-wizard/entra-wizard/ldapconn"
	"github.com/entra-wizard/entra-wizard/oauth"
)

// Engine opens and tests connections. The zero value works for testing new
// connections; opening saved ones needs Store.
type Engine struct {
	// Store holds the saved connections and their secrets.
	Store *keystore.Store
	// HTTPClient sends every request to Entra and Graph; nil means
	// http.DefaultClient.
	HTTPClient *http.Client
	// OpenURL opens the browser for a sign-in; nil means the system browser.
	OpenURL func(string) error
	// LoginTimeout bounds a browser sign-in; 0 means oauth's default.
	LoginTimeout time.Duration
	// LDAP is how secure LDAP connections reach their servers; the zero
	// value uses the system's resolver and trusted authorities.
	LDAP ldapconn.Config
	// Demo is the demo tenant running now; nil when none runs.
	Demo *DemoTenant
	// Clock waits out Graph's Retry-After and dates client assertions; nil
	// means real time.
	Clock graph.Clock
	// OnTokenNotSaved hears, from any goroutine, each time a renewed
	// refresh token could not be saved back to the keychain. The error is
	// a *TokenNotSavedError.
	OnTokenNotSaved func(error)
}

// TokenNotSavedError says a browser sign-in was renewed but the new refresh
// token could not be saved: the connection works now, and may ask to sign
// in again next time.
type TokenNotSavedError struct {
	Name string
	Err  error
}

func (e *TokenNotSavedError) Error() string {
	return fmt.Sprintf("the renewed sign-in of %q could not be saved to the keychain (%v); it works for now, but the next start may ask you to sign in again", e.Name, e.Err)
}

func (e *TokenNotSavedError) Unwrap() error { return e.Err }

// Connection is an opened saved connection: a Graph client and what it was
// built from.
type Connection struct {
	Profile   keystore.Profile
	Endpoints oauth.Endpoints
	Graph     *graph.Client
	// Certificate is a certificate connection's certificate with its key,
	// which proves possession when the connection renews it; nil for
	// other connections.
	Certificate *oauth.Certificate
	config      graph.Config
}

// Check runs the connection test: sign in, and find out what the
// connection may do. A failed sign-in is in the report's Err.
func (c *Connection) Check(ctx context.Context) graph.Report {
	return graph.Check(ctx, graph.CheckConfig{Config: c.config, Links: oauth.PortalLinks(c.Endpoints, c.Profile.ClientID)})
}

// Open opens the saved connection called name: it resolves its endpoints,
// reads its secrets from the keychain, and builds its token source and Graph
// client. It does not sign in yet; the first request (or Check) does. ctx
// must live as long as the connection: its token source renews with it.
func (e *Engine) Open(ctx context.Context, name string) (*Connection, error) {
	p, ep, sec, err := e.saved(name)
	if err != nil {
		return nil, err
	}
	ts, cert := e.savedTokenSource(ctx, p, ep, sec)
	cfg := graph.Config{BaseURL: ep.GraphBaseURL(), TokenSource: ts, HTTPClient: e.HTTPClient, Clock: e.Clock}
	client, err := graph.New(cfg)
	if err != nil {
		return nil, err
	}
	return &Connection{Profile: p, Endpoints: ep, Graph: client, Certificate: cert, config: cfg}, nil
}

// Verify returns the settings and endpoints of the saved Graph connection
// called name once the keychain confirms that its secrets were saved for
// those endpoints, as Open does, but sends nothing. Renewing a secret
// checks this before the admin signs in anywhere: an edited settings file
// must not get the admin's sign-in either.
func (e *Engine) Verify(name string) (keystore.Profile, oauth.Endpoints, error) {
	p, ep, _, err := e.saved(name)
	return p, ep, err
}

// saved reads a saved Graph connection: its settings, its endpoints and
// its secrets, released only for the endpoints they were saved for.
func (e *Engine) saved(name string) (keystore.Profile, oauth.Endpoints, keystore.Secrets, error) {
	fail := func(err error) (keystore.Profile, oauth.Endpoints, keystore.Secrets, error) {
		return keystore.Profile{}, oauth.Endpoints{}, keystore.Secrets{}, err
	}
	if e.Store == nil {
		return fail(errors.New("the saved connections could not be opened"))
	}
	p, err := e.Store.Get(name)
	if err != nil {
		return fail(fmt.Errorf("connection %q: %w", name, err))
	}
	if p.IsLDAP() {
		return fail(fmt.Errorf("connection %q is %w", name, ErrLDAP))
	}
	ep, err := e.resolveProfile(p)
	if err != nil {
		return fail(err)
	}
	sec, err := e.Store.Secrets(name)
	if errors.Is(err, keystore.ErrEndpointsChanged) {
		return fail(e.explainEndpointsChanged(err))
	}
	if err != nil {
		return fail(fmt.Errorf("reading the secret of %q from the keychain: %w", name, err))
	}
	return p, ep, sec, nil
}

// savedTokenSource is a saved connection's token source: client
// credentials (with its secret or its certificate), or its browser sign-in
// renewed with the saved refresh token, each rotated token saved back.
// A certificate connection's certificate comes with it.
func (e *Engine) savedTokenSource(ctx context.Context, p keystore.Profile, ep oauth.Endpoints, sec keystore.Secrets) (oauth2.TokenSource, *oauth.Certificate) {
	if p.Method != keystore.MethodBrowser {
		return e.appOnly(ctx, ep, p, sec)
	}
	login := e.login(ep, p)
	login.Secret = sec.ClientSecret
	return oauth.RefreshTokenSource(ctx, login, &oauth2.Token{RefreshToken: sec.RefreshToken}, func(t *oauth2.Token) {
		if err := e.Store.SetRefreshToken(p.Name, t.RefreshToken); err != nil && e.OnTokenNotSaved != nil {
			e.OnTokenNotSaved(&TokenNotSavedError{Name: p.Name, Err: err})
		}
	}), nil
}

// appOnly is the token source of an app-only connection: client
// credentials proved with the certificate's key for a certificate
// connection (which comes with it), with the client secret otherwise.
func (e *Engine) appOnly(ctx context.Context, ep oauth.Endpoints, p keystore.Profile, sec keystore.Secrets) (oauth2.TokenSource, *oauth.Certificate) {
	if p.Method != keystore.MethodCertificate {
		return oauth.ClientCredentials{Endpoints: ep, Tenant: p.Tenant, ClientID: p.ClientID,
			Secret: sec.ClientSecret, HTTPClient: e.HTTPClient}.TokenSource(ctx), nil
	}
	if p.Certificate == nil {
		return failedSource{errors.New("the connection's settings do not name its certificate: set it up again")}, nil
	}
	cert, err := oauth.ParseCertificate(p.Certificate.DER, sec.CertificateKey)
	if err != nil {
		return failedSource{fmt.Errorf("the certificate of %q cannot be used: %w", p.Name, err)}, nil
	}
	ca := oauth.ClientAssertion{Endpoints: ep, Tenant: p.Tenant, ClientID: p.ClientID,
		Certificate: cert, HTTPClient: e.HTTPClient}
	if e.Clock != nil {
		ca.Now = e.Clock.Now
	}
	return ca.TokenSource(ctx), cert
}

// failedSource is a token source that cannot work; it returns its error.
type failedSource struct{ err error }

func (s failedSource) Token() (*oauth2.Token, error) { return nil, s.err }

// login is the browser sign-in of a connection. It asks for the
// permissions its app was granted, so a sign-in or refresh never asks for
// more than the consent covers; without a saved list, for the least
// permissions that allow every feature (the admin's role still limits what
// the program can do).
func (e *Engine) login(ep oauth.Endpoints, p keystore.Profile) oauth.LoopbackLogin {
	perms := p.Permissions
	if len(perms) == 0 {
		perms = graph.RecommendedPermissions()
	}
	return oauth.LoopbackLogin{Endpoints: ep, Tenant: p.Tenant, ClientID: p.ClientID,
		Scopes:  ep.DelegatedScopes(perms...),
		OpenURL: e.OpenURL, Timeout: e.LoginTimeout, HTTPClient: e.HTTPClient}
}

package connection

import (
	"context"
	"sync"

	"golang.org/x/oauth2"

	"github.com/entra-wizard/entra-wizard/graph"
	"github.com/entra-wizard/entra-wizard/keystore"
	"github.com/entra-wizard/entra-wizard/oauth"
)

// Attempt is a connection being set up, not saved yet.
type Attempt struct {
	// Profile says where it goes and how it signs in (Cloud, Authority,
	// Graph, Tenant, ClientID, Method).
	Profile keystore.Profile
	// Secret is the client secret for keystore.MethodClientSecret.
	Secret string
	// CertificateKey is the certificate's private key for
	// keystore.MethodCertificate (the certificate is in Profile).
	CertificateKey string
	// AllowCustom sends the secret and tokens to hosts that are neither a
	// Microsoft cloud's nor this computer's: the admin trusted them
	// explicitly (--allow-custom-endpoints, or the wizard's warning).
	AllowCustom bool
	// OnURL hears the browser sign-in's address, to show for opening by
	// hand.
	OnURL func(string)
}

// secrets are the attempt's secrets as a saved connection keeps them.
func (a Attempt) secrets() keystore.Secrets {
	return keystore.Secrets{ClientSecret: a.Secret, CertificateKey: a.CertificateKey}
}

// Result is what testing an attempt found out.
type Result struct {
	Endpoints oauth.Endpoints
	Report    graph.Report
	// RefreshToken is the browser sign-in's newest, to save with the
	// connection; "" for a client secret.
	RefreshToken string
	// OwnSecret is what Graph lists of a working client secret (its
	// expiry, its app's object id), read from the app's own registration;
	// OwnSecretErr says why it could not be read, such as a refusal
	// (graph.ErrDenied) when the app may not read its registration. Both
	// are empty for other methods and for a connection that does not work.
	OwnSecret    graph.OwnSecret
	OwnSecretErr error
}

// Test signs in to a connection being set up (with its secret, or through
// the browser) and runs the connection test. Bad endpoints (custom hosts
// not allowed among them) and a failed sign-in are in the report's Err.
func (e *Engine) Test(ctx context.Context, a Attempt) Result {
	p := a.Profile
	ep, err := Resolve(p.Cloud, p.Authority, p.Graph, e.Demo)
	if err == nil {
		err = oauth.CheckEndpoints(ep, a.AllowCustom)
	}
	if err != nil {
		return Result{Report: graph.Report{Err: err}}
	}
	if p.Method != keystore.MethodBrowser {
		ts, _ := e.appOnly(ctx, ep, p, a.secrets())
		res := Result{Endpoints: ep, Report: e.check(ctx, ep, p, ts)}
		if p.Method == keystore.MethodClientSecret && res.Report.OK() {
			res.OwnSecret, res.OwnSecretErr = e.ownSecret(ctx, ep, p.ClientID, a.Secret, ts)
		}
		return res
	}
	login := e.login(ep, p)
	login.OnURL = a.OnURL
	tok, err := login.Run(ctx)
	if err != nil {
		return Result{Endpoints: ep, Report: graph.Report{Err: err}}
	}
	var mu sync.Mutex
	refresh := tok.RefreshToken
	ts := oauth.RefreshTokenSource(ctx, login, tok, func(t *oauth2.Token) {
		mu.Lock()
		defer mu.Unlock()
		if t.RefreshToken != "" {
			refresh = t.RefreshToken
		}
	})
	report := e.check(ctx, ep, p, ts)
	mu.Lock()
	defer mu.Unlock()
	return Result{Endpoints: ep, Report: report, RefreshToken: refresh}
}

func (e *Engine) check(ctx context.Context, ep oauth.Endpoints, p keystore.Profile, ts oauth2.TokenSource) graph.Report {
	return graph.Check(ctx, graph.CheckConfig{
		Config: graph.Config{BaseURL: ep.GraphBaseURL(), TokenSource: ts, HTTPClient: e.HTTPClient, Clock: e.Clock},
		Links:  oauth.PortalLinks(ep, p.ClientID),
	})
}

// ownSecret reads, with the tested token, how Graph lists the client
// secret the connection signs in with, so its expiry need not be asked.
func (e *Engine) ownSecret(ctx context.Context, ep oauth.Endpoints, clientID, secret string, ts oauth2.TokenSource) (graph.OwnSecret, error) {
	c, err := graph.New(graph.Config{BaseURL: ep.GraphBaseURL(), TokenSource: ts, HTTPClient: e.HTTPClient, Clock: e.Clock})
	if err != nil {
		return graph.OwnSecret{}, err
	}
	return c.FindOwnSecret(ctx, clientID, secret)
}

// CertificateSettings is what a certificate connection's settings keep of
// c: its public part only.
func CertificateSettings(c *oauth.Certificate) *keystore.CertificateSettings {
	return &keystore.CertificateSettings{DER: c.DER, Thumbprint: c.Thumbprint(), Expires: c.NotAfter()}
}

package cli

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"time"

	"github.com/entra-wizard/entra-wizard/connection"
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

// connectionTarget is a connection being tested: its settings.
type connectionTarget struct {
	profile keystore.Profile
	// allowCustom is --allow-custom-endpoints.
	allowCustom bool
	// certificate is the certificate of a certificate connection, with
	// its key, in memory until the connection is saved.
	certificate *oauth.Certificate
}

// engine is the connection engine over these dependencies; renewed
// sign-ins that cannot be saved go to onNotSaved.
func (d connectionDeps) engine(store *keystore.Store, onNotSaved func(error)) *connection.Engine {
	return &connection.Engine{Store: store, HTTPClient: d.httpClient, OpenURL: d.openURL,
		LoginTimeout: d.loginTimeout, LDAP: d.ldap, OnTokenNotSaved: onNotSaved}
}

// credentials are what a new app-only connection proves itself with: its
// client secret, or its certificate's key (the certificate is in the
// target's profile).
type credentials struct{ secret, certificateKey string }

// test signs in to a new connection (with the secret or the certificate,
// or through the browser) and runs the connection test. For a browser
// sign-in it also returns the refresh token to keep. Sign-in progress goes
// to progress.
func (d connectionDeps) test(ctx context.Context, t connectionTarget, c credentials, progress io.Writer) (connectionResult, string) {
	res := d.engine(nil, nil).Test(ctx, connection.Attempt{Profile: t.profile, Secret: c.secret, CertificateKey: c.certificateKey,
		AllowCustom: t.allowCustom, OnURL: func(u string) {
			fmt.Fprintf(progress, "Opening the browser to sign in. If it does not open, visit:\n  %s\n%s\n", u, oauth.WaitingHelp("press Ctrl+C"))
		}})
	return resultOf(t, res.Report), res.RefreshToken
}

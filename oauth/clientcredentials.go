package oauth

import (
	"context"
	"errors"
	"net/http"

	"golang.org/x/oauth2"
	"golang.org/x/oauth2/clientcredentials"

	"github.com/entra-wizard/entra-wizard/internal/bodycap"
)

// ClientCredentials gets app-only tokens for Microsoft Graph with a client
// secret. The token carries the application permissions granted to the app.
type ClientCredentials struct {
	Endpoints
	Tenant   string
	ClientID string
	Secret   string
	// HTTPClient sends the token requests; nil means http.DefaultClient.
	HTTPClient *http.Client
}

// TokenSource returns a source of app-only tokens that reuses a token until
// it expires. The secret is sent in the form body, never in a URL. ctx is
// used for every token request and must live as long as the source; errors
// from Entra come back as *Error. A malformed tenant or client ID, a missing
// secret, or a token URL with plain http to a host other than this computer
// is refused before anything is sent.
func (c ClientCredentials) TokenSource(ctx context.Context) oauth2.TokenSource {
	tenant, clientID, err := c.check()
	if err != nil {
		return failingSource{err}
	}
	cfg := clientcredentials.Config{
		ClientID:     clientID,
		ClientSecret: c.Secret,
		TokenURL:     c.TokenURL(tenant),
		Scopes:       []string{c.GraphScope()},
		AuthStyle:    oauth2.AuthStyleInParams,
	}
	return entraErrors{cfg.TokenSource(withHTTPClient(ctx, c.HTTPClient))}
}

// errSecretEmpty is a missing client secret, said before Entra says it
// less clearly.
var errSecretEmpty = errors.New("enter the client secret's Value; create one under Certificates & secrets")

// check refuses, before anything is sent, what cannot sign in: a malformed
// tenant or client ID, no secret, or plain http to another computer.
func (c ClientCredentials) check() (tenant, clientID string, err error) {
	if tenant, err = ParseTenant(c.Tenant); err != nil {
		return "", "", err
	}
	if clientID, err = ParseClientID(c.ClientID); err != nil {
		return "", "", err
	}
	if c.Secret == "" {
		return "", "", errSecretEmpty
	}
	if err := checkTransportURL(c.TokenURL(tenant)); err != nil {
		return "", "", err
	}
	return tenant, clientID, nil
}

// withHTTPClient makes the oauth2 package send its requests with client
// (nil: http.DefaultClient), reading no more than maxTokenAnswer of each
// answer.
func withHTTPClient(ctx context.Context, client *http.Client) context.Context {
	if client == nil {
		client = http.DefaultClient
	}
	capped := *client
	capped.Transport = bodycap.Transport{Next: client.Transport, Limit: maxTokenAnswer, Service: "The Microsoft Entra sign-in service"}
	return context.WithValue(ctx, oauth2.HTTPClient, &capped)
}

// entraErrors turns the token errors of its source into *Error.
type entraErrors struct{ src oauth2.TokenSource }

func (s entraErrors) Token() (*oauth2.Token, error) {
	tok, err := s.src.Token()
	if err != nil {
		if e, ok := AsError(err); ok {
			return nil, e
		}
		return nil, err
	}
	return tok, nil
}

// failingSource is a token source that cannot work; it returns its error.
type failingSource struct{ err error }

func (s failingSource) Token() (*oauth2.Token, error) { return nil, s.err }

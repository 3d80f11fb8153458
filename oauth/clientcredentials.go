package oauth

import (
	"context"
	"net/http"

	"golang.org/x/oauth2"
	"golang.org/x/oauth2/clientcredentials"
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
// from Entra come back as *Error. A token URL with plain http to a host other
// than this computer is refused before anything is sent.
func (c ClientCredentials) TokenSource(ctx context.Context) oauth2.TokenSource {
	tokenURL := c.TokenURL(c.Tenant)
	if err := checkTransportURL(tokenURL); err != nil {
		return failingSource{err}
	}
	cfg := clientcredentials.Config{
		ClientID:     c.ClientID,
		ClientSecret: c.Secret,
		TokenURL:     tokenURL,
		Scopes:       []string{c.GraphScope()},
		AuthStyle:    oauth2.AuthStyleInParams,
	}
	return entraErrors{cfg.TokenSource(withHTTPClient(ctx, c.HTTPClient))}
}

// withHTTPClient makes the oauth2 package send its requests with client.
func withHTTPClient(ctx context.Context, client *http.Client) context.Context {
	if client == nil {
		return ctx
	}
	return context.WithValue(ctx, oauth2.HTTPClient, client)
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

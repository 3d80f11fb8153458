package graph

import (
	"context"
	"net/url"
	"strings"

	absauth "github.com/microsoft/kiota-abstractions-go/authentication"
	"golang.org/x/oauth2"
)

// tokenAuth adapts an oauth2.TokenSource to the SDK's bearer-token
// authentication. Tokens go only to the Graph host the client was built for.
type tokenAuth struct {
	tokens oauth2.TokenSource
	host   string
	scheme string
	hosts  *absauth.AllowedHostsValidator
}

func newTokenAuth(ts oauth2.TokenSource, base *url.URL) *absauth.BaseBearerTokenAuthenticationProvider {
	hosts := &absauth.AllowedHostsValidator{}
	_ = hosts.SetAllowedHostsErrorCheck([]string{base.Hostname()})
	return absauth.NewBaseBearerTokenAuthenticationProvider(&tokenAuth{
		// ReuseTokenSource serialises fetches, so concurrent requests
		// share one token request.
		tokens: oauth2.ReuseTokenSource(nil, ts),
		host:   strings.ToLower(base.Host),
		scheme: base.Scheme,
		hosts:  hosts,
	})
}

// GetAuthorizationToken returns the access token for requests to the Graph
// host, and nothing for any other host (a next link pointing elsewhere gets
// no token).
func (a *tokenAuth) GetAuthorizationToken(_ context.Context, u *url.URL, _ map[string]any) (string, error) {
	if u == nil || strings.ToLower(u.Host) != a.host || u.Scheme != a.scheme {
		return "", nil
	}
	tok, err := a.tokens.Token()
	if err != nil {
		return "", &tokenError{err: err}
	}
	return tok.AccessToken, nil
}

// GetAllowedHostsValidator names the one host tokens are sent to.
func (a *tokenAuth) GetAllowedHostsValidator() *absauth.AllowedHostsValidator {
	return a.hosts
}

package oauth

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"strings"

	"golang.org/x/oauth2"

	"github.com/entra-wizard/entra-wizard/internal/bodycap"
)

// A token request carries the client secret, a refresh token or an
// authorization code; a Graph request carries a bearer token. A server
// that answers one with a redirect to another server (307 and 308 resend
// the body, plain http included) must not get them sent on, so such
// requests follow a redirect only within the origin they were sent to.

// maxRedirects is how many same-origin redirects are followed, as
// net/http does by default.
const maxRedirects = 10

// RedirectRefusedError says a server sent a request carrying a secret or a
// token on to another origin (scheme, host or port), and the program did
// not follow.
type RedirectRefusedError struct {
	From, To *url.URL
}

func (e *RedirectRefusedError) Error() string {
	return fmt.Sprintf("%s answered by sending the request on to %s; a request carrying a secret or a sign-in is never sent on to another address, so it was stopped",
		origin(e.From), origin(e.To))
}

func origin(u *url.URL) string {
	return strings.ToLower(u.Scheme) + "://" + strings.ToLower(u.Host)
}

// SameOrigin says whether a and b have the same scheme, host and port.
func SameOrigin(a, b *url.URL) bool {
	return strings.EqualFold(a.Scheme, b.Scheme) && strings.EqualFold(a.Hostname(), b.Hostname()) &&
		portOf(a) == portOf(b)
}

func portOf(u *url.URL) string {
	if p := u.Port(); p != "" {
		return p
	}
	switch strings.ToLower(u.Scheme) {
	case "https":
		return "443"
	case "http":
		return "80"
	}
	return ""
}

// CheckRedirect is an http.Client's CheckRedirect for requests that carry a
// secret or a token: it follows a redirect only to the origin of the first
// request, and at most maxRedirects of them.
func CheckRedirect(req *http.Request, via []*http.Request) error {
	if len(via) == 0 {
		return nil
	}
	if first := via[0].URL; !SameOrigin(first, req.URL) {
		return &RedirectRefusedError{From: first, To: req.URL}
	}
	if len(via) >= maxRedirects {
		return fmt.Errorf("stopped after %d redirects", maxRedirects)
	}
	return nil
}

// sameOriginClient is client (http.DefaultClient when nil) that follows
// redirects only within an origin, and also applies client's own redirect
// policy.
func sameOriginClient(client *http.Client) *http.Client {
	if client == nil {
		client = http.DefaultClient
	}
	out := *client
	own := client.CheckRedirect
	out.CheckRedirect = func(req *http.Request, via []*http.Request) error {
		if err := CheckRedirect(req, via); err != nil || own == nil {
			return err
		}
		return own(req, via)
	}
	return &out
}

// withHTTPClient makes the oauth2 package (and the token refresh) send its
// requests with client, following no redirect to another origin and
// reading no more than maxTokenAnswer of each answer.
func withHTTPClient(ctx context.Context, client *http.Client) context.Context {
	capped := sameOriginClient(client)
	capped.Transport = bodycap.Transport{Next: capped.Transport, Limit: maxTokenAnswer, Service: "The Microsoft Entra sign-in service"}
	return context.WithValue(ctx, oauth2.HTTPClient, capped)
}

package graph

import (
	"io"
	"net/http"

	khttp "github.com/microsoft/kiota-http-go"

	"github.com/entra-wizard/entra-wizard/oauth"
)

// sameOriginRedirects is the last middleware, next to the network: it sees
// every answer before the SDK's RedirectHandler does. That handler follows
// a redirect to any host, dropping the Authorization header but resending
// the body (a new user's password, a member to add), and net/http keeps
// the header when only the port changes. Every Graph request carries a
// token, so a redirect to another origin is refused here with an error
// instead.
type sameOriginRedirects struct{}

func (sameOriginRedirects) Intercept(p khttp.Pipeline, index int, req *http.Request) (*http.Response, error) {
	resp, err := p.Next(req, index)
	if err != nil || !isRedirect(resp.StatusCode) || resp.Header.Get("Location") == "" {
		return resp, err
	}
	to, err := req.URL.Parse(resp.Header.Get("Location"))
	if err == nil && oauth.SameOrigin(req.URL, to) {
		return resp, nil
	}
	_, _ = io.Copy(io.Discard, io.LimitReader(resp.Body, 64<<10))
	_ = resp.Body.Close()
	if err != nil {
		return nil, err
	}
	return nil, &oauth.RedirectRefusedError{From: req.URL, To: to}
}

func isRedirect(status int) bool {
	switch status {
	case http.StatusMovedPermanently, http.StatusFound, http.StatusSeeOther,
		http.StatusTemporaryRedirect, http.StatusPermanentRedirect:
		return true
	}
	return false
}

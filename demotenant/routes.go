package demotenant

import (
	"net"
	"net/http"
	"strings"
	"time"
)

// principal is the caller a valid bearer token names.
type principal struct {
	TenantID string
	AppID    string // the client the token was issued to
	// UserID is the object id of the signed-in user; "" for app-only tokens.
	UserID string
	// Roles holds the application permissions (app-only tokens).
	Roles []string
	// Scopes holds the delegated permissions (delegated tokens).
	Scopes []string
}

// Delegated reports whether the token acts for a signed-in user.
func (p *principal) Delegated() bool { return p.UserID != "" }

// handler routes login requests to the login endpoints and /v1.0/ and
// /beta/ to Graph, counting requests and adding the configured latency.
// The two sides get a mux each, so that a login pattern such as
// /{tenant}/adminconsent can never clash with a Graph pattern.
func (s *Server) handler() http.Handler {
	login := http.NewServeMux()
	s.registerLogin(login)
	graph := http.NewServeMux()
	s.registerGraph(graph)
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		s.requests.Add(1)
		if !s.ownHost(r.Host) {
			http.Error(w, "This is the Entra Setup Wizard demo tenant; it answers only requests addressed to "+s.baseURL+".",
				http.StatusMisdirectedRequest)
			return
		}
		if d := s.opts.Latency; d > 0 {
			t := time.NewTimer(d)
			select {
			case <-t.C:
			case <-r.Context().Done():
				t.Stop()
				return
			}
		}
		if isGraphPath(r.URL.Path) {
			graph.ServeHTTP(w, r)
			return
		}
		login.ServeHTTP(w, r)
	})
}

// isGraphPath reports whether path belongs to Microsoft Graph rather than to
// the sign-in endpoints.
func isGraphPath(path string) bool {
	return strings.HasPrefix(path, "/v1.0/") || strings.HasPrefix(path, "/beta/") ||
		path == "/v1.0" || path == "/beta"
}

// ownHost reports whether a request's Host names the tenant's own loopback
// address: 127.0.0.1, [::1] or localhost with its port. Anything else is a
// request meant for another server, such as a web page that pointed its
// own domain name at 127.0.0.1 (DNS rebinding) to drive the tenant from
// the browser.
func (s *Server) ownHost(host string) bool {
	_, port, err := net.SplitHostPort(s.listener.Addr().String())
	if err != nil {
		return false
	}
	switch strings.ToLower(host) {
	case "127.0.0.1:" + port, "localhost:" + port, "[::1]:" + port:
		return true
	}
	return false
}

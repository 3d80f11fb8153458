package demotenant

import (
	"net/http"
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
func (s *Server) handler() http.Handler {
	mux := http.NewServeMux()
	s.registerLogin(mux)
	s.registerGraph(mux)
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		s.requests.Add(1)
		if d := s.opts.Latency; d > 0 {
			t := time.NewTimer(d)
			select {
			case <-t.C:
			case <-r.Context().Done():
				t.Stop()
				return
			}
		}
		mux.ServeHTTP(w, r)
	})
}

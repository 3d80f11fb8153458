package demotenant

import (
	"errors"
	"net/http"
)

// registerLogin adds the Entra v2.0 sign-in endpoints.
func (s *Server) registerLogin(mux *http.ServeMux) {}

// seedApps registers the demo apps and their service principals.
func (d *directory) seedApps() {}

// authenticate checks the request's bearer token and names its caller. The
// error text is fit for Graph's InvalidAuthenticationToken answer.
func (s *Server) authenticate(r *http.Request) (*principal, error) {
	return nil, errors.New("Access token is empty.")
}

// Info describes the running tenant and its demo credentials.
func (s *Server) Info() Info {
	return Info{Authority: s.baseURL, Graph: s.baseURL}
}

package demotenant

import "net/http"

// registerGraph adds the Microsoft Graph v1.0 endpoints.
func (s *Server) registerGraph(mux *http.ServeMux) {}

// seedPeople fills the scenario's users, groups and license SKUs.
func (d *directory) seedPeople() {}

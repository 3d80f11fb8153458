package demotenant

import (
	"net/http"
	"net/url"
	"strings"
)

// issuerV2 is the v2.0 issuer of ID tokens and of the discovery document.
func (s *Server) issuerV2(tid string) string { return s.baseURL + "/" + tid + "/v2.0" }

// issuerGraph is the issuer of v1.0 access tokens for Microsoft Graph.
func issuerGraph(tid string) string { return "https://sts.windows.net/" + tid + "/" }

// handleDiscovery serves the OpenID Connect discovery document of a tenant,
// or of organizations/common with {tenantid} in the issuer, as Entra does.
func (s *Server) handleDiscovery(w http.ResponseWriter, r *http.Request) {
	seg := r.PathValue("tenant")
	generic, err := s.resolveTenant(seg)
	if err != nil {
		s.writeEntraError(w, r, *err)
		return
	}
	tid := "{tenantid}"
	if !generic {
		tid = s.dir.tenantID
	}
	base := s.baseURL + "/" + seg
	writeJSON(w, http.StatusOK, map[string]any{
		"token_endpoint":                        base + "/oauth2/v2.0/token",
		"token_endpoint_auth_methods_supported": []string{"client_secret_post", "private_key_jwt", "client_secret_basic"},
		"jwks_uri":                              base + "/discovery/v2.0/keys",
		"response_modes_supported":              []string{"query", "fragment", "form_post"},
		"subject_types_supported":               []string{"pairwise"},
		"id_token_signing_alg_values_supported": []string{"RS256"},
		"response_types_supported":              []string{"code", "id_token", "code id_token", "id_token token"},
		"scopes_supported":                      []string{"openid", "profile", "email", "offline_access"},
		"issuer":                                s.issuerV2(tid),
		"request_uri_parameter_supported":       false,
		"userinfo_endpoint":                     s.baseURL + "/oidc/userinfo",
		"authorization_endpoint":                base + "/oauth2/v2.0/authorize",
		"http_logout_supported":                 true,
		"frontchannel_logout_supported":         true,
		"end_session_endpoint":                  base + "/oauth2/v2.0/logout",
		"claims_supported": []string{"sub", "iss", "aud", "exp", "iat", "auth_time", "acr", "nonce",
			"preferred_username", "name", "tid", "ver", "at_hash", "c_hash", "email"},
		"tenant_region_scope":   "EU",
		"cloud_instance_name":   "microsoftonline.com",
		"cloud_graph_host_name": "graph.windows.net",
		"msgraph_host":          strings.TrimPrefix(s.baseURL, "http://"),
	})
}

// handleKeys serves the key set that verifies the tenant's tokens.
func (s *Server) handleKeys(w http.ResponseWriter, r *http.Request) {
	generic, err := s.resolveTenant(r.PathValue("tenant"))
	if err != nil {
		s.writeEntraError(w, r, *err)
		return
	}
	tid := "{tenantid}"
	if !generic {
		tid = s.dir.tenantID
	}
	writeJSON(w, http.StatusOK, s.jwks(s.issuerV2(tid)))
}

// handleLogout serves the end_session_endpoint. The demo tenant keeps no
// browser session, so there is nothing to end but to say so, or to go back
// to a loopback address the app names.
func (s *Server) handleLogout(w http.ResponseWriter, r *http.Request) {
	if back := r.URL.Query().Get("post_logout_redirect_uri"); back != "" {
		if u, err := url.Parse(back); err == nil && u.Scheme == "http" && isLoopbackHost(u.Hostname()) {
			http.Redirect(w, r, back, http.StatusFound)
			return
		}
	}
	renderPage(w, http.StatusOK, pageData{Page: "signedout", Org: s.orgName()})
}

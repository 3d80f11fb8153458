package demotenant

import (
	"net/http"
	"net/url"
	"slices"
	"strings"
)

// handleAdminConsent serves GET /{tenant}/adminconsent and its v2.0
// variant: an administrator signs in and grants the app every permission its
// registration asks for, then goes back to the redirect URI with
// admin_consent=True and the tenant id. Without a redirect URI, given or
// registered, there is nowhere to go back to: AADSTS500113.
func (s *Server) handleAdminConsent(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	if _, terr := s.resolveTenant(r.PathValue("tenant")); terr != nil {
		s.errorPage(w, r, *terr)
		return
	}
	flow, e := s.trustedRequest(q, false)
	if e == nil && flow.Redirect == "" {
		// redirect_uri is required, and the app registers none to use.
		noReply := errNoReplyAddress()
		e = &noReply
	}
	if e != nil {
		s.errorPage(w, r, *e)
		return
	}
	flow.Kind = flowAdminConsent
	flow.State = q.Get("state")
	flow.LoginHint = q.Get("login_hint")
	// The v1.0 endpoint grants what the registration asks for, as .default.
	flow.Grant = delegatedGrant{Scopes: []string{defaultScope}}
	if strings.HasPrefix(r.URL.Path, "/"+r.PathValue("tenant")+"/v2.0/") {
		flow.ScopeParam = q.Get("scope")
		if strings.TrimSpace(flow.ScopeParam) == "" {
			s.redirectError(w, r, flow, errMissingParam("scope"))
			return
		}
		g, err := parseDelegatedScopes(flow.ScopeParam)
		if err != nil {
			s.redirectError(w, r, flow, asEntraError(err))
			return
		}
		flow.Grant = g
	}
	s.startFlow(w, r, flow)
}

// consentRoles lists the application permissions admin consent grants to
// the flow's app: those its registration asks for.
func consentRoles(a *app) []string { return registered(a, true) }

// registered lists the Graph permissions a's registration asks for: the
// application permissions (roles) or the delegated ones.
func registered(a *app, roles bool) []string {
	var out []string
	for _, r := range a.Required {
		if r.Role == roles {
			out = append(out, r.Name)
		}
	}
	return out
}

// consentScopes lists the delegated permissions a request names besides
// .default, the OpenID Connect ones among them.
func consentScopes(g delegatedGrant) []string {
	var out []string
	for _, sc := range g.asked() {
		if sc != defaultScope {
			out = append(out, sc)
		}
	}
	return out
}

// adminConsentScopes lists the delegated permissions an admin consent
// grants: those named, and with .default those the registration asks for.
func adminConsentScopes(a *app, g delegatedGrant) []string {
	out := consentScopes(g)
	if slices.Contains(g.Scopes, defaultScope) {
		for _, sc := range registered(a, false) {
			if !slices.Contains(out, sc) {
				out = append(out, sc)
			}
		}
	}
	return out
}

// grantAdminConsent records an administrator's consent: app role
// assignments on Graph for the app's application permissions and a
// tenant-wide grant of the delegated ones named.
func (s *Server) grantAdminConsent(w http.ResponseWriter, r *http.Request, flow *signInFlow) {
	s.mu.Lock()
	a, u := s.dir.apps[flow.AppID], s.dir.account(flow.UserID)
	sp := s.ensurePrincipal(a)
	for _, role := range consentRoles(a) {
		sp.grantRole(role, s.opts.Now())
	}
	if scopes := adminConsentScopes(a, flow.Grant); len(scopes) > 0 {
		s.recordConsent(a, u, scopes, true)
	}
	tid := s.dir.tenantID
	s.mu.Unlock()
	params := url.Values{"admin_consent": {"True"}, "tenant": {tid}}
	if flow.ScopeParam != "" {
		params.Set("scope", flow.ScopeParam)
	}
	if flow.State != "" {
		params.Set("state", flow.State)
	}
	respond(w, r, flow.Redirect, "", params)
}

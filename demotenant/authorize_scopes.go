package demotenant

import (
	"slices"
	"strings"
)

// oidcScopes are the OpenID Connect scopes a delegated request may add to
// its Graph scopes.
var oidcScopes = []string{"openid", "profile", "email", "offline_access"}

// parseDelegatedScopes reads the scope parameter of a delegated request.
// Graph scopes may be written https://graph.microsoft.com/X, with Graph's
// app id as the resource, or bare; X may be .default, meaning every scope
// already consented. The result holds canonical permission names.
func parseDelegatedScopes(param string) (delegatedGrant, error) {
	fields := strings.Fields(param)
	if len(fields) == 0 {
		return delegatedGrant{}, errScopeMissing()
	}
	g := delegatedGrant{}
	for _, f := range fields {
		if i := slices.Index(oidcScopes, strings.ToLower(f)); i >= 0 {
			if !slices.Contains(g.OIDC, oidcScopes[i]) {
				g.OIDC = append(g.OIDC, oidcScopes[i])
			}
			continue
		}
		name, aud, ok := graphScopeName(f)
		if !ok {
			return delegatedGrant{}, errScopeInvalid(f)
		}
		if g.Aud == "" {
			g.Aud = aud
		}
		if !slices.Contains(g.Scopes, name) {
			g.Scopes = append(g.Scopes, name)
		}
	}
	if g.Aud == "" {
		g.Aud = graphResource
	}
	return g, nil
}

// defaultScope is the scope name that stands for every consented scope.
const defaultScope = ".default"

// graphScopeName maps one requested scope to a Graph delegated permission
// name and the audience it names Graph by.
func graphScopeName(scope string) (name, aud string, ok bool) {
	aud = graphResource
	if i := strings.LastIndex(scope, "/"); i >= 0 {
		resource := strings.TrimSuffix(scope[:i], "/")
		switch {
		case strings.EqualFold(resource, graphResource):
		case strings.EqualFold(resource, graphAppID):
			aud = graphAppID
		default:
			return "", "", false
		}
		scope = scope[i+1:]
	}
	if scope == defaultScope {
		return defaultScope, aud, true
	}
	for _, p := range graphPermissions {
		if p.ScopeID != "" && strings.EqualFold(p.Name, scope) {
			return p.Name, aud, true
		}
	}
	return "", "", false
}

// consented lists the delegated scopes user u may use with app a: those
// granted for the whole tenant and those u consented to. Callers hold s.mu.
func (s *Server) consented(a *app, u *user) []string {
	var out []string
	if sp := s.dir.principalOf(a.AppID); sp != nil {
		out = append(out, sp.DelegatedScopes...)
	}
	return append(out, s.login.consent[a.AppID+" "+u.ID]...)
}

// expandDefault replaces .default in g with every consented Graph scope;
// the OpenID Connect ones stay those the request named.
func (s *Server) expandDefault(a *app, u *user, g delegatedGrant) delegatedGrant {
	i := slices.Index(g.Scopes, defaultScope)
	if i < 0 {
		return g
	}
	g.Scopes = slices.Delete(slices.Clone(g.Scopes), i, i+1)
	for _, sc := range s.consented(a, u) {
		if !slices.Contains(g.Scopes, sc) && !slices.Contains(oidcScopes, sc) {
			g.Scopes = append(g.Scopes, sc)
		}
	}
	return g
}

// asked lists every scope of g that needs consent: the Graph scopes and
// the OpenID Connect ones, which are Microsoft Graph delegated permissions
// as well.
func (g delegatedGrant) asked() []string {
	return append(slices.Clone(g.Scopes), g.OIDC...)
}

// missingConsent lists the scopes of asked that user u has not been allowed
// to use with app a. Callers hold s.mu.
func (s *Server) missingConsent(a *app, u *user, asked []string) []string {
	have := s.consented(a, u)
	var missing []string
	for _, sc := range asked {
		if sc != defaultScope && !slices.Contains(have, sc) {
			missing = append(missing, sc)
		}
	}
	return missing
}

// needsAdmin reports whether any of scopes needs an administrator's consent.
func needsAdmin(scopes []string) bool {
	return slices.ContainsFunc(scopes, func(sc string) bool {
		p, ok := permissionByName(sc)
		return !ok || p.AdminOnly
	})
}

// recordConsent remembers that u allowed a to use scopes, for everyone in
// the tenant when forOrg is set (an administrator's choice). Consent creates
// the app's service principal when it has none, as in Entra. Callers hold
// s.mu.
func (s *Server) recordConsent(a *app, u *user, scopes []string, forOrg bool) {
	sp := s.ensurePrincipal(a)
	if forOrg {
		for _, sc := range scopes {
			if !slices.Contains(sp.DelegatedScopes, sc) {
				sp.DelegatedScopes = append(sp.DelegatedScopes, sc)
			}
		}
		return
	}
	key := a.AppID + " " + u.ID
	for _, sc := range scopes {
		if !slices.Contains(s.login.consent[key], sc) {
			s.login.consent[key] = append(s.login.consent[key], sc)
		}
	}
}

// ensurePrincipal returns a's service principal, creating it if needed.
// Callers hold s.mu.
func (s *Server) ensurePrincipal(a *app) *servicePrincipal {
	if sp := s.dir.principalOf(a.AppID); sp != nil {
		return sp
	}
	sp := &servicePrincipal{ID: stableGUID("service principal: " + a.DisplayName), AppID: a.AppID, DisplayName: a.DisplayName}
	s.dir.principals[sp.ID] = sp
	return sp
}

package demotenant

import (
	"maps"
	"net/http"
	"slices"
	"strings"
	"time"
)

// loginState is what the sign-in side remembers between requests. It is
// guarded by Server.mu.
type loginState struct {
	flows   map[string]*signInFlow   // sign-in pages in progress, by flow id
	codes   map[string]*authCode     // authorization codes, by code
	refresh map[string]*refreshGrant // live refresh tokens, by token
	retired map[string]bool          // refresh tokens replaced by rotation
	consent map[string][]string      // delegated scopes a user consented to, by appID+" "+userID
	jtis    map[string]time.Time     // client assertions used, by appID+" "+jti, until they expire
}

// Lifetimes Entra uses for what the token endpoint hands out.
const (
	accessTokenLifetime  = 3599 * time.Second
	authCodeLifetime     = 10 * time.Minute
	refreshTokenLifetime = 90 * 24 * time.Hour
	signInFlowLifetime   = 30 * time.Minute
)

// registerLogin adds the Entra v2.0 sign-in endpoints.
func (s *Server) registerLogin(mux *http.ServeMux) {
	s.login = loginState{
		flows:   map[string]*signInFlow{},
		codes:   map[string]*authCode{},
		jtis:    map[string]time.Time{},
		refresh: map[string]*refreshGrant{},
		retired: map[string]bool{},
		consent: map[string][]string{},
	}
	mux.HandleFunc("GET /{tenant}/v2.0/.well-known/openid-configuration", s.handleDiscovery)
	mux.HandleFunc("GET /{tenant}/discovery/v2.0/keys", s.handleKeys)
	mux.HandleFunc("POST /{tenant}/oauth2/v2.0/token", s.handleToken)
	mux.HandleFunc("GET /{tenant}/oauth2/v2.0/token", func(w http.ResponseWriter, r *http.Request) {
		s.writeEntraError(w, r, errPostOnly(r.Method))
	})
	mux.HandleFunc("GET /{tenant}/oauth2/v2.0/authorize", s.handleAuthorize)
	mux.HandleFunc("POST /{tenant}/oauth2/v2.0/authorize", s.handleSignInForm)
	mux.HandleFunc("GET /{tenant}/oauth2/v2.0/logout", s.handleLogout)
	mux.HandleFunc("GET /{tenant}/adminconsent", s.handleAdminConsent)
	mux.HandleFunc("GET /{tenant}/v2.0/adminconsent", s.handleAdminConsent)
	mux.HandleFunc("POST /{tenant}/adminconsent", s.handleSignInForm)
	mux.HandleFunc("POST /{tenant}/v2.0/adminconsent", s.handleSignInForm)
}

// Generic tenant segments of the multi-tenant endpoints.
const (
	tenantOrganizations = "organizations"
	tenantCommon        = "common"
)

// resolveTenant checks the {tenant} path segment: the tenant's id, one of
// its verified domains, or organizations/common. It reports whether the
// segment was one of the generic ones.
func (s *Server) resolveTenant(seg string) (generic bool, err *entraError) {
	lower := strings.ToLower(seg)
	if lower == tenantOrganizations || lower == tenantCommon {
		return true, nil
	}
	s.mu.Lock()
	tid, domains := s.dir.tenantID, s.dir.domains
	s.mu.Unlock()
	if strings.EqualFold(seg, tid) || slices.ContainsFunc(domains, func(d string) bool { return strings.EqualFold(d, seg) }) {
		return false, nil
	}
	var e entraError
	switch {
	case isGUID(seg):
		e = errTenantNotFound(seg)
	case strings.HasSuffix(lower, ".onmicrosoft.us"):
		e = errNationalCloud(seg, "microsoftonline.us")
	case strings.HasSuffix(lower, ".partner.onmschina.cn"):
		e = errNationalCloud(seg, "partner.microsoftonline.cn")
	case isDNSName(lower):
		e = errTenantNotFound(seg)
	default:
		e = errTenantMalformed(seg)
	}
	return false, &e
}

// isDNSName reports whether s is a plausible domain name: dot-separated
// labels of letters, digits and hyphens.
func isDNSName(s string) bool {
	labels := strings.Split(s, ".")
	if len(labels) < 2 || len(s) > 253 {
		return false
	}
	for _, l := range labels {
		if l == "" || len(l) > 63 || l[0] == '-' || l[len(l)-1] == '-' {
			return false
		}
		for _, c := range l {
			if !('a' <= c && c <= 'z' || '0' <= c && c <= '9' || c == '-') {
				return false
			}
		}
	}
	return true
}

// Info describes the running tenant and its demo credentials.
func (s *Server) Info() Info {
	s.mu.Lock()
	defer s.mu.Unlock()
	d := s.dir
	info := Info{
		Authority:      s.baseURL,
		Graph:          s.baseURL,
		TenantID:       d.tenantID,
		TenantDomain:   d.tenantDomain,
		ClientID:       d.mainApp,
		PublicClientID: d.publicApp,
		Users:          d.signInUsers(),
	}
	now := s.opts.Now()
	for _, spec := range appSpecs {
		a, ok := d.apps[appIDOf(spec.Name)]
		if !ok {
			continue
		}
		ai := AppInfo{Name: a.DisplayName, ClientID: a.AppID, Public: a.PublicClient}
		for _, sec := range a.Secrets {
			switch {
			case sec.Expires.After(now) && ai.Secret == "":
				ai.Secret = sec.Value
			case !sec.Expires.After(now) && ai.ExpiredSecret == "":
				ai.ExpiredSecret = sec.Value
			}
		}
		if sp := d.principalOf(a.AppID); sp != nil {
			ai.Roles = sp.roles()
			ai.Scopes = slices.Clone(sp.DelegatedScopes)
		}
		if a.AppID == d.mainApp {
			info.ClientSecret = ai.Secret
		}
		info.Apps = append(info.Apps, ai)
	}
	return info
}

// signInUsers lists the accounts the sign-in page offers: the
// administrators, the first few members created, then the accounts
// Conditional Access stops. It keeps only the few it needs, so a tenant of
// 20,000 users costs one pass.
func (d *directory) signInUsers() []SignInUser {
	const members = 5
	earlier := func(a, b *user) int {
		if c := a.CreatedDateTime.Compare(b.CreatedDateTime); c != 0 {
			return c
		}
		return strings.Compare(a.UserPrincipalName, b.UserPrincipalName)
	}
	var admins, first []*user
	for _, u := range d.users {
		switch {
		case !u.AccountEnabled || u.UserType == "Guest" || u.Password == "":
		case u.Admin:
			admins = append(admins, u)
		case len(first) < members || earlier(u, first[len(first)-1]) < 0:
			i, _ := slices.BinarySearchFunc(first, u, earlier)
			first = slices.Insert(first, i, u)
			first = first[:min(members, len(first))]
		}
	}
	slices.SortFunc(admins, earlier)
	stopped := slices.SortedFunc(maps.Values(d.policyAccounts), earlier)
	var out []SignInUser
	for _, u := range slices.Concat(admins, first, stopped) {
		note := u.Policy.note()
		if note == "" {
			note = u.Role
		}
		out = append(out, SignInUser{UPN: u.UserPrincipalName, Password: u.Password, Admin: u.Admin, Note: note})
	}
	return out
}

// userByUPN finds an account by its sign-in name, ignoring case.
func (d *directory) userByUPN(upn string) *user {
	for _, u := range d.users {
		if strings.EqualFold(u.UserPrincipalName, upn) {
			return u
		}
	}
	return nil
}

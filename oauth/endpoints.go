package oauth

import (
	"errors"
	"fmt"
	"net"
	"net/url"
	"slices"
	"strings"
)

// globalGraphResource is the Microsoft Graph resource of the global cloud;
// custom endpoints (a proxy or a test tenant) ask for tokens for it.
const globalGraphResource = "https://graph.microsoft.com"

// oidcScopes are the OpenID Connect scopes a browser sign-in asks for: a
// user identity and a refresh token.
var oidcScopes = []string{"openid", "profile", "offline_access"}

// SignInScopes are the OpenID Connect scopes every browser sign-in asks for
// besides its Graph permissions. They are Microsoft Graph delegated
// permissions too, so consent to an app's sign-ins must include them.
func SignInScopes() []string { return slices.Clone(oidcScopes) }

// Endpoints are the URLs one connection talks to, without trailing slashes.
type Endpoints struct {
	// Cloud is a Cloud's Name, or CloudCustom.
	Cloud string
	// Authority is the sign-in service, e.g. https://login.microsoftonline.com.
	Authority string
	// Graph is Microsoft Graph's host, e.g. https://graph.microsoft.com.
	Graph string
	// Portal is the admin portal, e.g. https://entra.microsoft.com.
	Portal string
}

// EndpointsFor returns the endpoints of a named cloud ("" is the global
// cloud).
func EndpointsFor(cloud string) (Endpoints, error) {
	c, ok := CloudByName(cloud)
	if !ok {
		return Endpoints{}, fmt.Errorf("unknown cloud %q: choose one of global, usgov, usgov-dod or china", cloud)
	}
	return Endpoints{Cloud: c.Name, Authority: c.LoginURL, Graph: c.GraphURL, Portal: c.PortalURL}, nil
}

// CustomEndpoints checks and returns endpoints given by hand, such as a
// test tenant or a proxy. Both must be absolute https URLs; plain http is
// accepted only for loopback hosts (127.0.0.0/8, ::1, localhost), so a
// secret never crosses a network unencrypted. The portal is the global
// cloud's.
func CustomEndpoints(authority, graph string) (Endpoints, error) {
	a, err := checkEndpointURL("sign-in authority", authority)
	if err != nil {
		return Endpoints{}, err
	}
	g, err := checkEndpointURL("Graph", graph)
	if err != nil {
		return Endpoints{}, err
	}
	global, _ := CloudByName(CloudGlobal)
	return Endpoints{Cloud: CloudCustom, Authority: a, Graph: g, Portal: global.PortalURL}, nil
}

// checkEndpointURL returns raw without trailing slashes if it is an
// absolute https URL, or an http URL of a loopback host.
func checkEndpointURL(what, raw string) (string, error) {
	raw = strings.TrimRight(strings.TrimSpace(raw), "/")
	if raw == "" {
		return "", fmt.Errorf("the %s URL is missing", what)
	}
	u, err := url.Parse(raw)
	if err != nil || u.Host == "" || (u.Scheme != "https" && u.Scheme != "http") {
		return "", fmt.Errorf("the %s URL %q should be a full web address such as https://login.example.com", what, raw)
	}
	if u.User != nil || u.RawQuery != "" || u.Fragment != "" {
		return "", fmt.Errorf("the %s URL %q should not contain a user name, a query or a fragment", what, raw)
	}
	if err := checkTransport(u); err != nil {
		return "", fmt.Errorf("the %s URL %q: %w", what, raw, err)
	}
	return raw, nil
}

// errPlainHTTP is returned for plain http to a host that is not this computer.
var errPlainHTTP = errors.New("plain http is allowed only for this computer (127.0.0.1, ::1 or localhost); use https")

// checkTransport refuses plain http to anything but a loopback host.
func checkTransport(u *url.URL) error {
	if u.Scheme == "https" {
		return nil
	}
	if u.Scheme == "http" && isLoopbackHost(u.Hostname()) {
		return nil
	}
	return errPlainHTTP
}

// checkTransportURL is checkTransport for a URL string.
func checkTransportURL(raw string) error {
	u, err := url.Parse(raw)
	if err != nil {
		return fmt.Errorf("invalid URL: %w", err)
	}
	return checkTransport(u)
}

func isLoopbackHost(host string) bool {
	if strings.EqualFold(host, "localhost") {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

// TokenURL is the v2.0 token endpoint of a tenant.
func (e Endpoints) TokenURL(tenant string) string {
	return e.Authority + "/" + url.PathEscape(tenant) + "/oauth2/v2.0/token"
}

// AuthorizeURL is the v2.0 authorization endpoint of a tenant.
func (e Endpoints) AuthorizeURL(tenant string) string {
	return e.Authority + "/" + url.PathEscape(tenant) + "/oauth2/v2.0/authorize"
}

// GraphBaseURL is the base of Microsoft Graph v1.0 calls.
func (e Endpoints) GraphBaseURL() string { return e.Graph + "/v1.0" }

// graphResource is the resource that scopes are named after: the named
// cloud's Graph host, or the global one for custom endpoints (a proxy or a
// test tenant answers for the global Graph).
func (e Endpoints) graphResource() string {
	if c, ok := CloudByName(e.Cloud); ok {
		return c.GraphURL
	}
	return globalGraphResource
}

// GraphScope is the scope of an app-only token: every application
// permission granted to the app, e.g. https://graph.microsoft.com/.default.
func (e Endpoints) GraphScope() string { return e.graphResource() + "/.default" }

// DelegatedScopes returns the scopes of a browser sign-in: each Graph
// permission name (User.Read.All) qualified with the cloud's Graph resource,
// followed by openid, profile and offline_access (for a refresh token).
// Names that are already URLs or OpenID Connect scopes are kept as they are;
// duplicates are dropped.
func (e Endpoints) DelegatedScopes(names ...string) []string {
	seen := make(map[string]bool)
	var scopes []string
	add := func(s string) {
		if s != "" && !seen[strings.ToLower(s)] {
			seen[strings.ToLower(s)] = true
			scopes = append(scopes, s)
		}
	}
	for _, n := range names {
		n = strings.TrimSpace(n)
		switch {
		case isOIDCScope(n), strings.Contains(n, "/"):
			add(n)
		case n != "":
			add(e.graphResource() + "/" + n)
		}
	}
	for _, s := range oidcScopes {
		add(s)
	}
	return scopes
}

func isOIDCScope(s string) bool {
	switch strings.ToLower(s) {
	case "openid", "profile", "offline_access", "email":
		return true
	}
	return false
}

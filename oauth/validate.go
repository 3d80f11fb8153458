package oauth

import (
	"errors"
	"strings"
)

// The messages below are shown to admins as they type, so they say what
// the value should look like and where to find it.
var (
	errTenantEmpty = errors.New("enter the tenant ID or a domain of the tenant; " +
		"find the tenant ID on the app's Overview page as 'Directory (tenant) ID'")
	errTenantURL = errors.New("this looks like a web address; enter only the tenant ID " +
		"(like 00000000-0000-0000-0000-000000000000) or a domain such as contoso.onmicrosoft.com")
	errTenantShape = errors.New("the tenant should be a tenant ID like 00000000-0000-0000-0000-000000000000 " +
		"or a domain such as contoso.onmicrosoft.com; find the tenant ID on the app's Overview page as " +
		"'Directory (tenant) ID'")
	errTenantMultiApp = errors.New("'common' and 'organizations' work only for browser sign-in; " +
		"for an app registration enter your tenant ID or domain")
	errTenantConsumers = errors.New("'consumers' is for personal Microsoft accounts, which have no directory " +
		"to manage; enter your tenant ID or domain")
	errClientIDEmpty = errors.New("enter the client ID; find it on the app's Overview page as " +
		"'Application (client) ID'")
	errClientIDShape = errors.New("the client ID should look like 00000000-0000-0000-0000-000000000000; " +
		"find it on the app's Overview page as 'Application (client) ID'")
	errClientIDSecret = errors.New("this looks like a client secret, not the client ID; the client ID " +
		"looks like 00000000-0000-0000-0000-000000000000 and is on the app's Overview page as " +
		"'Application (client) ID'")
)

// ParseTenant checks a tenant typed by an admin for an app registration:
// a tenant ID (GUID) or a domain such as contoso.onmicrosoft.com. It
// returns the value trimmed and in lower case.
func ParseTenant(s string) (string, error) {
	t, err := parseTenant(s)
	if err != nil {
		return "", err
	}
	if t == "common" || t == "organizations" {
		return "", errTenantMultiApp
	}
	return t, nil
}

// ParseSignInTenant is ParseTenant for a browser sign-in, which also
// accepts "organizations" and "common" (any work or school account; the
// token names the tenant the person belongs to).
func ParseSignInTenant(s string) (string, error) {
	return parseTenant(s)
}

func parseTenant(s string) (string, error) {
	t := strings.ToLower(strings.TrimSpace(s))
	switch {
	case t == "":
		return "", errTenantEmpty
	case t == "consumers":
		return "", errTenantConsumers
	case t == "common" || t == "organizations":
		return t, nil
	case strings.Contains(t, "://") || strings.Contains(t, "/"):
		return "", errTenantURL
	case isGUID(t) || isDomain(t):
		return t, nil
	}
	return "", errTenantShape
}

// ParseClientID checks an application (client) ID typed by an admin and
// returns it trimmed and in lower case.
func ParseClientID(s string) (string, error) {
	id := strings.ToLower(strings.TrimSpace(s))
	switch {
	case id == "":
		return "", errClientIDEmpty
	case isGUID(id):
		return id, nil
	case len(id) >= 30 && strings.Contains(id, "~"):
		return "", errClientIDSecret
	}
	return "", errClientIDShape
}

// LooksLikeSecretID reports whether a pasted client secret looks like the
// secret's ID (a GUID) rather than its Value. The portal shows both side by
// side; only the Value signs in.
func LooksLikeSecretID(secret string) bool {
	return isGUID(strings.TrimSpace(secret))
}

// isGUID reports whether s has the 8-4-4-4-12 hex digit form.
func isGUID(s string) bool {
	if len(s) != 36 {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch i {
		case 8, 13, 18, 23:
			if c != '-' {
				return false
			}
		default:
			if !isHex(c) {
				return false
			}
		}
	}
	return true
}

func isHex(c byte) bool {
	return '0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F'
}

// isDomain reports whether s is a DNS name of at least two labels: letters,
// digits and inner hyphens, labels of up to 63 characters, a top-level
// label that is not all digits.
func isDomain(s string) bool {
	if len(s) > 253 {
		return false
	}
	labels := strings.Split(s, ".")
	if len(labels) < 2 {
		return false
	}
	for _, l := range labels {
		if !isDomainLabel(l) {
			return false
		}
	}
	top := labels[len(labels)-1]
	return strings.Trim(top, "0123456789") != ""
}

func isDomainLabel(l string) bool {
	if l == "" || len(l) > 63 || l[0] == '-' || l[len(l)-1] == '-' {
		return false
	}
	for i := 0; i < len(l); i++ {
		c := l[i]
		if !('a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '-') {
			return false
		}
	}
	return true
}

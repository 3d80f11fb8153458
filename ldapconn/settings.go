package ldapconn

import (
	"errors"
	"fmt"
	"net"
	"strconv"
	"strings"

	"github.com/go-ldap/ldap/v3"
)

// DefaultPort is the secure LDAP port of a managed domain.
const DefaultPort = 636

// Settings say where and as whom to connect. None of it is secret: the
// password travels separately.
type Settings struct {
	// Server is a host name (such as ldaps.aaddscontoso.com) or an IP address.
	Server string
	Port   int
	// BindAccount is a user principal name (admin@aaddscontoso.com) or a
	// distinguished name (CN=admin,OU=AADDC Users,DC=aaddscontoso,DC=com).
	BindAccount string
	// BaseDN is where searches start, such as DC=aaddscontoso,DC=com.
	BaseDN string
	// Fingerprint is the SHA-256 fingerprint of the server certificate the
	// admin chose to trust, in the form Fingerprint returns; "" trusts only
	// certificates that chain to a known authority.
	Fingerprint string
}

// Address is "server:port", with brackets around an IPv6 address.
func (s Settings) Address() string {
	return net.JoinHostPort(s.Server, strconv.Itoa(s.Port))
}

// Validate checks every field and returns the first problem, naming the
// field.
func (s Settings) Validate() error {
	checks := []struct {
		field string
		err   error
	}{
		{"server", ValidateServer(s.Server)},
		{"port", validPort(s.Port)},
		{"bind account", ValidateBindAccount(s.BindAccount)},
		{"base DN", ValidateBaseDN(s.BaseDN)},
	}
	for _, c := range checks {
		if c.err != nil {
			return fmt.Errorf("%s: %w", c.field, c.err)
		}
	}
	if s.Fingerprint != "" {
		if _, err := ParseFingerprint(s.Fingerprint); err != nil {
			return fmt.Errorf("trusted fingerprint: %w", err)
		}
	}
	return nil
}

// ValidateServer checks a host name or IP address as typed.
func ValidateServer(server string) error {
	s := strings.TrimSpace(server)
	switch {
	case s == "":
		return errors.New("type the server's DNS name (such as ldaps.aaddscontoso.com) or its IP address")
	case strings.Contains(s, "://"):
		return errors.New("type only the name, without ldaps:// in front")
	case s != server:
		return errors.New("remove the spaces around the name")
	case net.ParseIP(s) != nil:
		return nil
	case strings.Contains(s, ":"):
		return errors.New("put the port in the Port field, not after the name")
	case len(s) > 253:
		return errors.New("the name is longer than a DNS name can be")
	}
	for _, label := range strings.Split(strings.TrimSuffix(s, "."), ".") {
		if err := validLabel(label); err != nil {
			return err
		}
	}
	return nil
}

func validLabel(label string) error {
	if label == "" || len(label) > 63 {
		return errors.New("each part of the name between dots must have 1 to 63 characters")
	}
	for _, r := range label {
		ok := r == '-' || r >= '0' && r <= '9' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z'
		if !ok {
			return fmt.Errorf("a DNS name cannot contain %q: use letters, digits, hyphens and dots", r)
		}
	}
	if strings.HasPrefix(label, "-") || strings.HasSuffix(label, "-") {
		return errors.New("a part of the name cannot start or end with a hyphen")
	}
	return nil
}

// ParsePort reads a port number as typed.
func ParsePort(text string) (int, error) {
	p, err := strconv.Atoi(strings.TrimSpace(text))
	if err != nil {
		return 0, errors.New("the port is a number, normally 636")
	}
	return p, validPort(p)
}

func validPort(p int) error {
	switch {
	case p < 1 || p > 65535:
		return errors.New("the port must be between 1 and 65535; secure LDAP uses 636")
	case p == 389 || p == 3268:
		return fmt.Errorf("port %d is LDAP without encryption, which would send the password in the clear: use 636", p)
	}
	return nil
}

// ValidateBindAccount checks a bind account as typed: a user principal
// name, a distinguished name, or a down-level logon name (DOMAIN\user,
// the managed domain's NetBIOS name and the account's sAMAccountName),
// which Active Directory accepts in a simple bind as well.
func ValidateBindAccount(account string) error {
	a := strings.TrimSpace(account)
	switch {
	case a == "":
		return errors.New("type the account that signs in, such as admin@aaddscontoso.com")
	case a != account:
		return errors.New("remove the spaces around the account")
	case strings.Contains(a, "="):
		if _, err := ldap.ParseDN(a); err != nil {
			return errors.New("this looks like a distinguished name but is not a valid one; check the commas and the CN=, OU= and DC= parts")
		}
		return nil
	case strings.Contains(a, `\`):
		return validDownLevel(a)
	}
	user, domain, ok := strings.Cut(a, "@")
	if !ok || user == "" || !strings.Contains(domain, ".") || strings.Contains(domain, "@") || strings.ContainsAny(a, " ,;") {
		return errors.New("type the account as user@domain (its user principal name) or as its distinguished name (CN=...,DC=...)")
	}
	return nil
}

// validDownLevel checks DOMAIN\user: a NetBIOS domain name has at most 15
// characters, and neither part may hold characters Windows forbids there.
func validDownLevel(a string) error {
	domain, user, _ := strings.Cut(a, `\`)
	switch {
	case domain == "" || user == "":
		return errors.New(`type the account as DOMAIN\user (the managed domain's NetBIOS name, such as AADDSCONTOSO, and the user's account name), as user@domain, or as its DN`)
	case len(domain) > 15:
		return errors.New(`the DOMAIN in DOMAIN\user is the NetBIOS name, at most 15 characters (such as AADDSCONTOSO); or type user@domain`)
	case strings.ContainsAny(domain, `\/:*?"<>|. ,;=@`) || strings.ContainsAny(user, `\/:*?"<>|[]+=;,@`):
		return errors.New(`DOMAIN\user cannot contain characters such as / : * ? " < > | in either part`)
	}
	return nil
}

// ValidateBaseDN checks a base DN as typed.
func ValidateBaseDN(baseDN string) error {
	b := strings.TrimSpace(baseDN)
	if b == "" {
		return errors.New("type where to search, such as DC=aaddscontoso,DC=com")
	}
	dn, err := ldap.ParseDN(b)
	if err != nil || len(dn.RDNs) == 0 {
		return errors.New("not a valid distinguished name: write it as DC=aaddscontoso,DC=com (an OU= part in front narrows it)")
	}
	return nil
}

// SuggestBaseDN turns a domain name into the DN of its root:
// aaddscontoso.com becomes DC=aaddscontoso,DC=com. It returns "" for
// something that is not a domain name.
func SuggestBaseDN(domain string) string {
	domain = strings.Trim(strings.TrimSpace(domain), ".")
	if domain == "" || net.ParseIP(domain) != nil || ValidateServer(domain) != nil {
		return ""
	}
	parts := strings.Split(domain, ".")
	for i, p := range parts {
		parts[i] = "DC=" + p
	}
	return strings.Join(parts, ",")
}

// ManagedDomainOf guesses the managed domain's name from what was typed:
// the server name without its first label (ldaps.aaddscontoso.com gives
// aaddscontoso.com), or else the domain of a user principal name.
func ManagedDomainOf(server, bindAccount string) string {
	if ValidateServer(server) == nil && net.ParseIP(server) == nil {
		if _, rest, ok := strings.Cut(strings.TrimSuffix(server, "."), "."); ok && strings.Contains(rest, ".") {
			return rest
		}
	}
	if ValidateBindAccount(bindAccount) == nil && !strings.Contains(bindAccount, "=") {
		if _, domain, ok := strings.Cut(bindAccount, "@"); ok {
			return domain
		}
	}
	return ""
}

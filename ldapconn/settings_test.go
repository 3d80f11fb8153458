package ldapconn

import (
	"errors"
	"strings"
	"testing"

	"github.com/go-ldap/ldap/v3"
)

func TestValidateAsTyped(t *testing.T) {
	cases := []struct {
		name  string
		check func(string) error
		input string
		want  string // "" means valid
	}{
		{"server name", ValidateServer, "ldaps.aaddscontoso.com", ""},
		{"server IP", ValidateServer, "20.50.10.4", ""},
		{"server IPv6", ValidateServer, "2001:db8::1", ""},
		{"server empty", ValidateServer, "", "DNS name"},
		{"server URL", ValidateServer, "ldaps://ldaps.aaddscontoso.com", "without ldaps://"},
		{"server port", ValidateServer, "ldaps.aaddscontoso.com:636", "Port field"},
		{"server space", ValidateServer, " ldaps.aaddscontoso.com", "spaces"},
		{"server underscore", ValidateServer, "ld_aps.contoso.com", "cannot contain"},
		{"bind UPN", ValidateBindAccount, "admin@aaddscontoso.com", ""},
		{"bind DN", ValidateBindAccount, "CN=Admin,OU=AADDC Users,DC=aaddscontoso,DC=com", ""},
		{"bind broken DN", ValidateBindAccount, "CN=Admin,,DC", "not a valid one"},
		{"bind down-level", ValidateBindAccount, `AADDSCONTOSO\admin`, ""},
		{"bind down-level without a user", ValidateBindAccount, `AADDSCONTOSO\`, `DOMAIN\user`},
		{"bind down-level without a domain", ValidateBindAccount, `\admin`, `DOMAIN\user`},
		{"bind down-level domain too long", ValidateBindAccount, `AADDSCONTOSOLONG\admin`, "15 characters"},
		{"bind bare name", ValidateBindAccount, "admin", "user@domain"},
		{"bind empty", ValidateBindAccount, "", "signs in"},
		{"base DN", ValidateBaseDN, "DC=aaddscontoso,DC=com", ""},
		{"base DN with OU", ValidateBaseDN, "OU=AADDC Users,DC=aaddscontoso,DC=com", ""},
		{"base DN domain", ValidateBaseDN, "aaddscontoso.com", "not a valid distinguished name"},
		{"base DN empty", ValidateBaseDN, "", "DC=aaddscontoso"},
		{"port", func(s string) error { _, err := ParsePort(s); return err }, "636", ""},
		{"port plain LDAP", func(s string) error { _, err := ParsePort(s); return err }, "389", "in the clear"},
		{"port words", func(s string) error { _, err := ParsePort(s); return err }, "six", "normally 636"},
		{"port range", func(s string) error { _, err := ParsePort(s); return err }, "70000", "between 1 and 65535"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			err := c.check(c.input)
			switch {
			case c.want == "" && err != nil:
				t.Errorf("%q: unexpected error %v", c.input, err)
			case c.want != "" && (err == nil || !strings.Contains(err.Error(), c.want)):
				t.Errorf("%q: error %v, want one mentioning %q", c.input, err, c.want)
			}
		})
	}
}

func TestBaseDNSuggestion(t *testing.T) {
	for _, c := range []struct{ server, bind, domain, dn string }{
		{"ldaps.aaddscontoso.com", "", "aaddscontoso.com", "DC=aaddscontoso,DC=com"},
		{"20.50.10.4", "admin@corp.contoso.com", "corp.contoso.com", "DC=corp,DC=contoso,DC=com"},
		{"contoso.com", "", "", ""},
		{"20.50.10.4", `AADDSCONTOSO\admin`, "", ""},
		{"", "", "", ""},
	} {
		domain := ManagedDomainOf(c.server, c.bind)
		if domain != c.domain || SuggestBaseDN(domain) != c.dn {
			t.Errorf("(%q, %q) gave %q and %q, want %q and %q", c.server, c.bind, domain, SuggestBaseDN(domain), c.domain, c.dn)
		}
	}
}

func TestParseFingerprintAcceptsWhatPeopleCopy(t *testing.T) {
	want := Fingerprint([]byte("certificate"))
	plain := strings.ReplaceAll(want, ":", "")
	for _, in := range []string{want, strings.ToLower(want), plain, "SHA256:" + plain, "sha256 " + want, " " + want + "\n"} {
		got, err := ParseFingerprint(in)
		if err != nil || got != want {
			t.Errorf("ParseFingerprint(%q) = %q, %v; want %q", in, got, err, want)
		}
	}
	for _, in := range []string{"", "AB:CD", plain[:62], plain + "00", strings.Replace(plain, "A", "G", 1)} {
		if _, err := ParseFingerprint(in); err == nil {
			t.Errorf("ParseFingerprint(%q) accepted it", in)
		}
	}
}

// A managed domain explains a refused bind with a code after "data"; slapd
// never sends one, so these are built by hand.
func TestRefusedBindReasonsFromActiveDirectory(t *testing.T) {
	for code, want := range map[string]string{"52e": "wrong", "533": "disabled", "775": "locked out", "532": "expired", "999": "bind account or its password was refused"} {
		err := ldap.NewError(ldap.LDAPResultInvalidCredentials,
			errors.New("80090308: LdapErr: DSID-0C09042A, comment: AcceptSecurityContext error, data "+code+", v4563"))
		e := classifyLDAP(StepBind, err, "admin@aaddscontoso.com")
		if e.Code != CodeInvalidCredentials || !strings.Contains(e.Message, want) {
			t.Errorf("data %s: %s %q, want %q", code, e.Code, e.Message, want)
		}
	}
}

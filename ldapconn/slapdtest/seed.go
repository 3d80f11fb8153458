package slapdtest

import (
	"context"
	"crypto/rand"
	"crypto/sha1" //nolint:gosec // {SSHA} is the scheme slapd checks; test data only
	"crypto/tls"
	"encoding/base64"
	"encoding/pem"
	"fmt"
	"net"

	"github.com/go-ldap/ldap/v3"
)

// What Start seeds, for tests to count and look up.
const (
	// Users counts user objects (the computer is not one of them).
	Users = 5
	// Groups counts group objects.
	Groups = 3
	// SalesDN is a group whose members are two users and one group.
	SalesDN = "CN=Sales,OU=AADDC Users," + BaseDN
)

// Entry is one directory object for Add.
type Entry struct {
	DN    string
	Attrs map[string][]string
}

// adObject adds the attributes every Active Directory object must have.
func adObject(class []string, category string, attrs map[string][]string) map[string][]string {
	attrs["objectClass"] = class
	attrs["instanceType"] = []string{"4"}
	attrs["nTSecurityDescriptor"] = []string{"test"}
	attrs["objectCategory"] = []string{"CN=" + category + ",CN=Schema,CN=Configuration," + BaseDN}
	return attrs
}

func user(cn, sam, password string, disabled bool) Entry {
	uac := "512"
	if disabled {
		uac = "514"
	}
	u := NewUser(cn, sam)
	u.Attrs["userAccountControl"] = []string{uac}
	u.Attrs["userPassword"] = []string{ssha(password)}
	return u
}

// NewUser is an enabled user in OU=AADDC Users that cannot sign in.
func NewUser(cn, sam string) Entry {
	return Entry{"CN=" + cn + ",OU=AADDC Users," + BaseDN, adObject([]string{"top", "person", "organizationalPerson", "user", "securityPrincipal"}, "Person", map[string][]string{
		"cn": {cn}, "sn": {cn}, "displayName": {cn}, "sAMAccountName": {sam},
		"userPrincipalName": {sam + "@" + Domain}, "mail": {sam + "@" + Domain}, "userAccountControl": {"512"},
	})}
}

// NewGroup is a security group in OU=AADDC Users with the given members.
func NewGroup(cn, description string, members ...string) Entry {
	attrs := map[string][]string{"cn": {cn}, "displayName": {cn}, "groupType": {"-2147483646"}, "description": {description}}
	if len(members) > 0 {
		attrs["member"] = members
	}
	return Entry{"CN=" + cn + ",OU=AADDC Users," + BaseDN, adObject([]string{"top", "group", "securityPrincipal"}, "Group", attrs)}
}

func ou(name string) Entry {
	return Entry{"OU=" + name + "," + BaseDN, map[string][]string{"objectClass": {"top", "organizationalUnit"}, "ou": {name}}}
}

// seedEntries is the managed domain's content, parents first.
func seedEntries() []Entry {
	users := "OU=AADDC Users," + BaseDN
	return []Entry{
		{BaseDN, map[string][]string{"objectClass": {"top", "dcObject", "organization"}, "dc": {"aaddscontoso"}, "o": {"aaddscontoso"}}},
		ou("AADDC Users"),
		ou("AADDC Computers"),
		user("LDAP Reader", "ldapreader", BindPassword, false),
		user("Alex Wilber", "alexw", "Alex-pass-1", false),
		user("Megan Bowen", "meganb", "Megan-pass-1", false),
		user("Adele Vance", "adelev", "Adele-pass-1", false),
		user("Diego Siciliani", "diegos", "Diego-pass-1", true),
		{"CN=APPSRV01,OU=AADDC Computers," + BaseDN, adObject([]string{"top", "person", "organizationalPerson", "user", "computer", "securityPrincipal"}, "Computer", map[string][]string{
			"cn": {"APPSRV01"}, "sn": {"APPSRV01"}, "sAMAccountName": {"APPSRV01$"}, "dNSHostName": {"appsrv01." + Domain},
		})},
		NewGroup("Marketing", "Marketing team", "CN=Megan Bowen,"+users),
		NewGroup("Sales", "Sales team", "CN=Alex Wilber,"+users, "CN=Adele Vance,"+users, "CN=Marketing,"+users),
		NewGroup("AAD DC Administrators", "Administrators of the managed domain", BindDN),
	}
}

func (s *Server) seed(t TB) {
	t.Helper()
	s.Add(t, seedEntries()...)
}

// Add adds entries as slapd's administrator, in order: an entry must come
// after its parent. Active Directory objects (those with an
// objectCategory) get distinguishedName, which Active Directory keeps on
// every object and which searches can match.
func (s *Server) Add(t TB, entries ...Entry) {
	t.Helper()
	conn, err := ldap.DialURL("ldaps://"+s.Addr(), ldap.DialWithTLSConfig(&tls.Config{RootCAs: s.Pool(), ServerName: ServerName}))
	if err != nil {
		t.Fatalf("connecting to slapd to seed it: %v", err)
	}
	defer conn.Close()
	if err := conn.Bind(rootDN, rootPassword); err != nil {
		t.Fatalf("binding as slapd's admin: %v", err)
	}
	for _, e := range entries {
		if err := add(conn, e); err != nil {
			t.Fatal(err)
		}
	}
}

func add(conn *ldap.Conn, e Entry) error {
	req := ldap.NewAddRequest(e.DN, nil)
	for name, values := range e.Attrs {
		req.Attribute(name, values)
	}
	if _, ok := e.Attrs["objectCategory"]; ok {
		req.Attribute("distinguishedName", []string{e.DN})
	}
	if err := conn.Add(req); err != nil {
		return fmt.Errorf("seeding %s: %w", e.DN, err)
	}
	return nil
}

// ssha hashes a password the way slapd's {SSHA} scheme expects.
func ssha(password string) string {
	salt := make([]byte, 8)
	_, _ = rand.Read(salt)
	h := sha1.New() //nolint:gosec // see import
	h.Write([]byte(password))
	h.Write(salt)
	return "{SSHA}" + base64.StdEncoding.EncodeToString(append(h.Sum(nil), salt...))
}

// Resolver resolves ServerName (and anything under Domain) to the loopback
// address, standing in for the DNS record an admin creates.
type Resolver struct{}

// LookupHost answers 127.0.0.1 for names in Domain and "not found" for the
// rest.
func (Resolver) LookupHost(_ context.Context, host string) ([]string, error) {
	if host == Domain || len(host) > len(Domain) && host[len(host)-len(Domain)-1:] == "."+Domain {
		return []string{"127.0.0.1"}, nil
	}
	return nil, &net.DNSError{Err: "no such host", Name: host, IsNotFound: true}
}

func pemOf(der []byte) []byte {
	return pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: der})
}

package slapdtest

import (
	"crypto/tls"
	"testing"

	"github.com/go-ldap/ldap/v3"
)

func TestStartServesTheSeededDirectoryOverLDAPS(t *testing.T) {
	s := Start(t)
	conn, err := ldap.DialURL("ldaps://"+s.Addr(), ldap.DialWithTLSConfig(&tls.Config{RootCAs: s.Pool(), ServerName: ServerName}))
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	if err := conn.Bind(BindDN, BindPassword); err != nil {
		t.Fatalf("bind: %v", err)
	}
	res, err := conn.Search(ldap.NewSearchRequest(BaseDN, ldap.ScopeWholeSubtree, ldap.NeverDerefAliases, 0, 0, false,
		"(objectClass=group)", []string{"cn"}, nil))
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Entries) != Groups {
		t.Errorf("found %d groups, want %d", len(res.Entries), Groups)
	}
}

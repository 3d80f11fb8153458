package adtest

import (
	"crypto/tls"
	"strconv"
	"testing"

	"github.com/go-ldap/ldap/v3"

	"github.com/entra-wizard/entra-wizard/ldapconn/slapdtest"
)

func dial(t *testing.T, s *Server) *ldap.Conn {
	t.Helper()
	conn, err := ldap.DialURL("ldaps://127.0.0.1:"+strconv.Itoa(s.Port), ldap.DialWithTLSConfig(&tls.Config{RootCAs: s.Slapd.Pool(), ServerName: slapdtest.ServerName}))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { conn.Close() })
	if err := conn.Bind(slapdtest.BindDN, slapdtest.BindPassword); err != nil {
		t.Fatalf("bind: %v", err)
	}
	return conn
}

func read(t *testing.T, conn *ldap.Conn, dn, filter string, attrs ...string) []*ldap.Entry {
	t.Helper()
	res, err := conn.SearchWithPaging(ldap.NewSearchRequest(dn, ldap.ScopeWholeSubtree, ldap.NeverDerefAliases, 0, 0, false, filter, attrs, nil), 500)
	if err != nil {
		t.Fatal(err)
	}
	return res.Entries
}

func TestLongAttributesAnswerInRangesAsActiveDirectoryDoes(t *testing.T) {
	s := Start(t)
	conn := dial(t, s)
	e := read(t, conn, BulkGroupDN, "(objectClass=group)", "member", "cn")[0]
	if len(e.GetAttributeValues("member")) != 0 {
		t.Errorf("member came back whole (%d values); Active Directory answers a range", len(e.GetAttributeValues("member")))
	}
	if got := e.GetAttributeValues("member;range=0-1499"); len(got) != MaxValRange {
		t.Fatalf("member;range=0-1499 has %d values; attributes %v", len(got), e.Attributes)
	}
	if e.GetAttributeValue("cn") != "All Bulk Users" {
		t.Errorf("cn = %q", e.GetAttributeValue("cn"))
	}
	rest := read(t, conn, BulkGroupDN, "(objectClass=group)", "member;range=1500-*")[0]
	if got := rest.GetAttributeValues("member;range=1500-*"); len(got) != BulkUsers-MaxValRange {
		t.Errorf("member;range=1500-* has %d values; attributes %v", len(got), rest.Attributes)
	}
	part := read(t, conn, BulkGroupDN, "(objectClass=group)", "member;range=10-19")[0]
	if got := part.GetAttributeValues("member;range=10-19"); len(got) != 10 {
		t.Errorf("member;range=10-19 has %d values", len(got))
	}
	small := read(t, conn, slapdtest.SalesDN, "(objectClass=group)", "member")[0]
	if len(small.GetAttributeValues("member")) != 3 {
		t.Errorf("a short member list must come back whole: %v", small.Attributes)
	}
}

func TestPrimaryGroupMembersAreFoundByPrimaryGroupID(t *testing.T) {
	s := Start(t)
	conn := dial(t, s)
	g := read(t, conn, DomainUsersDN, "(objectClass=group)", "member", "objectSid")[0]
	if len(g.GetAttributeValues("member")) != 0 || string(g.GetRawAttributeValue("objectSid")) != string(SID(DomainSID, DomainUsersRID)) {
		t.Errorf("Domain Users = %v", g.Attributes)
	}
	if got := read(t, conn, slapdtest.BaseDN, "(primaryGroupID=513)", "1.1"); len(got) != BulkUsers {
		t.Errorf("(primaryGroupID=513) found %d users, want %d", len(got), BulkUsers)
	}
}

func TestSIDEncoding(t *testing.T) {
	b := SID("S-1-5-21-1-2-3", 513)
	want := []byte{1, 5, 0, 0, 0, 0, 0, 5, 21, 0, 0, 0, 1, 0, 0, 0, 2, 0, 0, 0, 3, 0, 0, 0, 1, 2, 0, 0}
	if string(b) != string(want) {
		t.Errorf("SID = %v, want %v", b, want)
	}
}

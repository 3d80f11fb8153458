package ldapconn_test

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/entra-wizard/entra-wizard/ldapconn"
	"github.com/entra-wizard/entra-wizard/ldapconn/adtest"
	"github.com/entra-wizard/entra-wizard/ldapconn/slapdtest"
)

// adConfig reaches the proxy by the name an admin would give it.
var adConfig = ldapconn.Config{Resolver: slapdtest.Resolver{}, Timeout: 30 * time.Second}

// adSettings are those of a connection to srv, its certificate pinned.
func adSettings(srv *adtest.Server) ldapconn.Settings {
	return ldapconn.Settings{Server: slapdtest.ServerName, Port: srv.Port, BindAccount: slapdtest.BindDN, BaseDN: slapdtest.BaseDN,
		Fingerprint: ldapconn.Fingerprint(srv.CertificateDER())}
}

// openAD connects to a directory that answers as Active Directory does,
// pinning its certificate as an admin would.
func openAD(t testing.TB, srv *adtest.Server) *ldapconn.Directory {
	t.Helper()
	d, err := ldapconn.Open(context.Background(), adConfig, adSettings(srv), slapdtest.BindPassword)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { d.Close() })
	return d
}

// Active Directory answers at most MaxValRange values of member at once,
// as member;range=0-1499; the rest must be asked for.
func TestMembersOfAGroupLargerThanMaxValRange(t *testing.T) {
	d := openAD(t, adtest.Start(t))
	members, err := d.Members(context.Background(), adtest.BulkGroupDN)
	if err != nil {
		t.Fatal(err)
	}
	if len(members) != adtest.BulkUsers {
		t.Fatalf("%d members, want %d", len(members), adtest.BulkUsers)
	}
	seen := map[string]bool{}
	for _, m := range members {
		if m.Kind != "user" || seen[m.DN] {
			t.Fatalf("member %+v (seen before: %v)", m, seen[m.DN])
		}
		seen[m.DN] = true
	}
}

// Reading 2,000 members takes a few searches, not one per member: over a
// wide-area network each search is a round trip.
func TestMembersOfALargeGroupTakeAFewSearches(t *testing.T) {
	srv := adtest.Start(t)
	d := openAD(t, srv)
	before := srv.Searches()
	var reported []int
	members, err := d.ReadMembers(context.Background(), adtest.BulkGroupDN, func(read, total int) {
		if total != adtest.BulkUsers {
			t.Errorf("progress total %d, want %d", total, adtest.BulkUsers)
		}
		reported = append(reported, read)
	})
	if err != nil || len(members) != adtest.BulkUsers {
		t.Fatalf("%d members, %v", len(members), err)
	}
	if n := srv.Searches() - before; n > 20 {
		t.Errorf("reading %d members took %d searches; want a few", len(members), n)
	}
	if len(reported) < 2 || reported[len(reported)-1] != adtest.BulkUsers {
		t.Errorf("progress reported %v; want several steps ending at %d", reported, adtest.BulkUsers)
	}
}

// Active Directory keeps each user's membership in their primary group
// (Domain Users for nearly everyone) in the user's primaryGroupID, not in
// the group's member attribute.
func TestMembersOfAPrimaryGroupIncludeThoseWhosePrimaryGroupIDNamesIt(t *testing.T) {
	d := openAD(t, adtest.Start(t))
	members, err := d.Members(context.Background(), adtest.DomainUsersDN)
	if err != nil {
		t.Fatal(err)
	}
	if len(members) != adtest.BulkUsers {
		t.Fatalf("Domain Users has %d members, want %d", len(members), adtest.BulkUsers)
	}
	for _, m := range members {
		if m.Kind != "user" || !strings.HasPrefix(m.DisplayName, "Bulk User ") {
			t.Fatalf("member %+v", m)
		}
	}
	// A group that is nobody's primary group keeps exactly its members.
	bulk, err := d.Members(context.Background(), adtest.BulkGroupDN)
	if err != nil || len(bulk) != adtest.BulkUsers {
		t.Fatalf("All Bulk Users: %d members, %v", len(bulk), err)
	}
}

// A panel searches users and groups at once on one connection; OpenLDAP
// keeps one paged search per connection, so they must not overlap.
func TestSearchesAtOnceOnOneConnectionAllSucceed(t *testing.T) {
	d := openAD(t, adtest.Start(t))
	errs := make(chan error, 4)
	for range 4 {
		go func() {
			users, err := d.Users(context.Background(), "", 0)
			if err == nil && len(users) != adtest.Users {
				err = fmt.Errorf("%d users, want %d", len(users), adtest.Users)
			}
			errs <- err
		}()
	}
	for range 4 {
		if err := <-errs; err != nil {
			t.Error(err)
		}
	}
}

// Active Directory sorts when asked (it offers LDAP_SERVER_SORT_OID), so a
// search cut short brings the first users by name; a server that ignores
// the size limit still yields no more than asked for, in name order.
func TestUsersComeFirstByNameAndNoMoreThanTheLimit(t *testing.T) {
	srv := adtest.Start(t)
	d := openAD(t, srv)
	for _, ignore := range []bool{false, true} {
		srv.IgnoreSizeLimit(ignore)
		users, err := d.Users(context.Background(), "", 100)
		if err != nil || len(users) != 100 {
			t.Fatalf("ignoring the size limit %v: %d users, %v", ignore, len(users), err)
		}
		if users[0].DisplayName != "Adele Vance" || users[2].DisplayName != adtest.BulkUserName(0) || users[99].DisplayName != adtest.BulkUserName(97) {
			t.Errorf("ignoring the size limit %v: users %q, %q … %q", ignore, users[0].DisplayName, users[2].DisplayName, users[99].DisplayName)
		}
	}
}

// Active Directory answers a base DN outside the domain with a referral
// (LDAP result 10): the test explains it as a wrong base DN and names the
// domain's own.
func TestBaseDNOutsideTheDomainIsExplainedWithTheDomainsOwn(t *testing.T) {
	srv := adtest.Start(t)
	s := adSettings(srv)
	s.BaseDN = "DC=fabrikam,DC=com"
	rep := ldapconn.Test(context.Background(), adConfig, s, slapdtest.BindPassword)
	if rep.OK() || rep.Err.Step != ldapconn.StepSearch || rep.Err.Code != ldapconn.CodeBaseDNOutside {
		t.Fatalf("report %+v", rep.Err)
	}
	text := rep.Err.Message + " " + rep.Err.Hint
	for _, want := range []string{"DC=fabrikam,DC=com", "not in the managed domain", "dc=aaddscontoso,dc=com"} {
		if !strings.Contains(strings.ToLower(text), strings.ToLower(want)) {
			t.Errorf("%q does not mention %q", text, want)
		}
	}
	if strings.Contains(text, "Referral") {
		t.Errorf("%q speaks LDAP, not the admin's words", text)
	}
}

// Active Directory accepts a simple bind as DOMAIN\user; the settings
// accept it too, and it signs in.
func TestDownLevelLogonNameSignsIn(t *testing.T) {
	srv := adtest.Start(t)
	account := adtest.NetBIOSName + `\ldapreader`
	if err := ldapconn.ValidateBindAccount(account); err != nil {
		t.Fatalf("the settings refuse %s: %v", account, err)
	}
	s := adSettings(srv)
	s.BindAccount = account
	rep := ldapconn.Test(context.Background(), adConfig, s, slapdtest.BindPassword)
	if !rep.OK() {
		t.Fatalf("signing in as %s: %s (%s)", account, rep.Err.Message, rep.Err.Hint)
	}
	s.BindAccount = adtest.NetBIOSName + `\nobody`
	rep = ldapconn.Test(context.Background(), adConfig, s, slapdtest.BindPassword)
	if rep.OK() || rep.Err.Step != ldapconn.StepBind {
		t.Errorf("an unknown account signed in or failed elsewhere: %+v", rep.Err)
	}
}

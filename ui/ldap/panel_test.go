package ldap

import (
	"encoding/csv"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"github.com/entra-wizard/entra-wizard/connection"
	"github.com/entra-wizard/entra-wizard/keystore"
	"github.com/entra-wizard/entra-wizard/ldapconn"
	"github.com/entra-wizard/entra-wizard/ldapconn/slapdtest"
)

func savedConnection(t *testing.T, h *harness, name string) {
	t.Helper()
	s := ldapconn.Settings{Server: slapdtest.ServerName, Port: h.port, BindAccount: slapdtest.BindDN,
		BaseDN: slapdtest.BaseDN, Fingerprint: ldapconn.Fingerprint(h.srv.CertificateDER())}
	if _, err := h.store.Save(connection.LDAPProfile(name, s), keystore.Secrets{LDAPPassword: slapdtest.BindPassword}); err != nil {
		t.Fatal(err)
	}
}

func TestPanelSearchesUsersAndGroupsListsMembersAndExports(t *testing.T) {
	h := newHarness(t)
	savedConnection(t, h, "Managed domain")
	p := NewPanel(h.deps, "Managed domain", nil, nil)
	defer p.Close()
	test.NewTempWindow(t, p.View())
	h.waitFor(t, "users and groups", func() bool { return len(p.users.items) > 0 && len(p.groups.items) > 0 })
	if len(p.users.items) != slapdtest.Users || len(p.groups.items) != slapdtest.Groups {
		t.Fatalf("%d users, %d groups", len(p.users.items), len(p.groups.items))
	}
	if !strings.Contains(p.header.Text, "read-only") {
		t.Errorf("header %q", p.header.Text)
	}

	test.Type(p.users.query, "meg")
	p.users.query.OnSubmitted(p.users.query.Text)
	h.waitFor(t, "the user search", func() bool { return len(p.users.items) == 1 })
	if p.users.items[0].DisplayName != "Megan Bowen" || p.users.count.Text != "1 user" {
		t.Errorf("found %+v (%q)", p.users.items, p.users.count.Text)
	}

	for i, g := range p.groups.items {
		if g.DisplayName == "Sales" {
			p.groups.list.Select(i)
		}
	}
	h.waitFor(t, "the members", func() bool { return len(p.members) > 0 })
	if len(p.members) != 3 || !strings.Contains(p.membersTitle.Text, "Members of Sales: 3") {
		t.Errorf("members %+v, title %q", p.members, p.membersTitle.Text)
	}
	test.Tap(p.exportMembers)
	rows, err := csv.NewReader(h.files["Sales members.csv"]).ReadAll()
	if err != nil || len(rows) != 4 || rows[0][2] != "type" {
		t.Errorf("members CSV = %q, %v", rows, err)
	}

	test.Tap(p.users.export)
	h.waitFor(t, "the users export", func() bool { return strings.HasPrefix(p.status.Text, "Exported") })
	rows, err = csv.NewReader(h.files["users.csv"]).ReadAll()
	if err != nil || len(rows) != 2 || rows[1][1] != "Megan Bowen" {
		t.Errorf("users CSV (search meg) = %q, %v", rows, err)
	}
}

func TestPanelExplainsAChangedCertificate(t *testing.T) {
	h := newHarness(t)
	savedConnection(t, h, "Pinned")
	h.srv.RenewCertificate(t)
	p := NewPanel(h.deps, "Pinned", nil, nil)
	defer p.Close()
	test.NewTempWindow(t, p.View())
	h.waitFor(t, "the refusal", func() bool { return strings.Contains(p.header.Text, "not connected") })
	if !strings.Contains(p.status.Text, "not the one you trusted") {
		t.Errorf("status %q", p.status.Text)
	}
}

package cli

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/entra-wizard/entra-wizard/keystore"
	"github.com/entra-wizard/entra-wizard/ldapconn"
	"github.com/entra-wizard/entra-wizard/ldapconn/slapdtest"
)

// A script exports a managed domain through a saved secure LDAP connection
// the way it exports a tenant through Microsoft Graph: the same command,
// the same columns where the domain has them, the id of a group (its DN)
// to ask for its members.
func TestExportReadsASecureLDAPConnection(t *testing.T) {
	f := newLDAPFixture(t)
	if r := f.connect(t, "Managed domain", slapdtest.BindPassword, "--trust-fingerprint", ldapconn.Fingerprint(f.srv.CertificateDER())); r.code != 0 {
		t.Fatalf("connect: %d\n%s%s", r.code, r.stdout, r.stderr)
	}

	users := f.run(t, runExport, "", "users", "--name", "Managed domain")
	if users.code != 0 {
		t.Fatalf("export users: exit %d: %s", users.code, users.stderr)
	}
	rows := readCSV(t, users.stdout)
	if !slices.Equal(rows[0], []string{"id", "displayName", "userPrincipalName", "mail", "jobTitle", "department", "accountEnabled", "sAMAccountName"}) || len(rows) != slapdtest.Users+1 {
		t.Fatalf("users: header %v, %d rows", rows[0], len(rows))
	}
	if !strings.Contains(users.stderr, "Exported 5 users to standard output.") {
		t.Errorf("stderr %q", users.stderr)
	}

	file := filepath.Join(t.TempDir(), "groups.csv")
	if r := f.run(t, runExport, "", "groups", "--name", "Managed domain", "--output", file); r.code != 0 {
		t.Fatalf("export groups: exit %d: %s", r.code, r.stderr)
	}
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	groups := readCSV(t, string(data))
	if !slices.Equal(groups[0], []string{"id", "displayName", "kind", "mail", "description"}) || len(groups) != slapdtest.Groups+1 {
		t.Fatalf("groups: header %v, %d rows", groups[0], len(groups))
	}
	var sales []string
	for _, g := range groups[1:] {
		if g[1] == "Sales" {
			sales = g
		}
	}
	if sales == nil || !strings.EqualFold(sales[0], slapdtest.SalesDN) || sales[2] != "security" {
		t.Fatalf("the Sales row is %q", sales)
	}

	members := f.run(t, runExport, "", "members", "--name", "Managed domain", "--group", sales[0])
	if members.code != 0 {
		t.Fatalf("export members: exit %d: %s", members.code, members.stderr)
	}
	rows = readCSV(t, members.stdout)
	if !slices.Equal(rows[0], []string{"id", "displayName", "type", "userPrincipalName"}) || len(rows) != 4 {
		t.Fatalf("members: %q", rows)
	}
	for _, r := range rows[1:] {
		if r[2] == "user" && !strings.HasSuffix(r[3], "@"+slapdtest.Domain) {
			t.Errorf("member %q has no user principal name", r)
		}
	}

	// A wrong password says what an LDAP connection needs, not Graph's
	// sign-in.
	store := f.store(t)
	p, _ := store.Get("Managed domain")
	if _, err := store.Save(p, keystore.Secrets{LDAPPassword: "wrong"}); err != nil {
		t.Fatal(err)
	}
	bad := f.run(t, runExport, "", "users", "--name", "Managed domain")
	if bad.code != 1 || !strings.Contains(bad.stderr, "the bind account or its password was refused") || bad.stdout != "" {
		t.Errorf("a refused password: exit %d, stdout %q, stderr %q", bad.code, bad.stdout, bad.stderr)
	}
}

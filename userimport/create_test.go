package userimport_test

import (
	"context"
	"encoding/csv"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/entra-wizard/entra-wizard/demotenant"
	"github.com/entra-wizard/entra-wizard/graph"
	"github.com/entra-wizard/entra-wizard/userimport"
)

// usersFile is a bulk-create file of n users of domain, every password
// left to be generated.
func usersFile(domain string, n int) string {
	var b strings.Builder
	b.WriteString("version:v1.0\n" + templateHeadings + "\n")
	for i := range n {
		fmt.Fprintf(&b, "New Hire %d,new.hire.%d@%s,,No,New,Hire %d,Analyst,Imports,US,,,,,,,,\n", i, i, domain, i)
	}
	return b.String()
}

func TestCreatesFromAFileOnceAndKeepsThePasswords(t *testing.T) {
	tn := startTenant(t, demotenant.Options{ThrottleBatchPartEvery: 9})
	ctx := context.Background()
	domain := tn.info.TenantDomain
	if _, err := tn.client.CreateUser(ctx, graph.NewUser{DisplayName: "Here Before", UserPrincipalName: "here.before@" + domain, Password: "Was-Here-2026!"}); err != nil {
		t.Fatal(err)
	}
	file := usersFile(domain, 30) +
		"Here Before,HERE.BEFORE@" + domain + ",,No\n" +
		"Elsewhere,someone@fabrikam.example,,No\n" +
		"Given Password,given@" + domain + ",Given-Pass-2026,Yes\n"
	im := read(t, []byte(file))
	if err := im.Check(ctx, tn.client, nil); err != nil {
		t.Fatal(err)
	}
	n := im.Counts()
	if n[userimport.Ready] != 31 || n[userimport.Exists] != 1 || n[userimport.Invalid] != 1 {
		t.Fatalf("after the check: %v", n)
	}
	if msg := im.Rows[31].Message(); !strings.Contains(msg, "fabrikam.example is not one of the tenant's verified domains ("+domain) {
		t.Errorf("unverified domain row: %q", msg)
	}
	before := tn.srv.GraphRequests()
	if err := im.Create(ctx, tn.client, nil); err != nil {
		t.Fatal(err)
	}
	if n := im.Counts(); n[userimport.Created] != 31 || n[userimport.Exists] != 1 || n[userimport.Invalid] != 1 {
		t.Fatalf("after creating: %v", n)
	}
	if sent := tn.srv.GraphRequests() - before; sent > 4 {
		t.Errorf("%d requests to create 31 users", sent)
	}
	if len(tn.clock.asked()) == 0 {
		t.Error("throttled creations were not waited for")
	}
	given, err := tn.client.User(ctx, "given@"+domain)
	if err != nil || given.AccountEnabled {
		t.Errorf("the blocked user: %+v, %v", given, err)
	}

	path := filepath.Join(t.TempDir(), "passwords.csv")
	if err := os.WriteFile(path, []byte("old"), 0o644); err != nil {
		t.Fatal(err)
	}
	written, err := im.WritePasswords(path)
	if err != nil || written != 30 {
		t.Fatalf("wrote %d passwords: %v", written, err)
	}
	info, err := os.Stat(path)
	if err != nil || info.Mode().Perm() != 0o600 {
		t.Fatalf("passwords file mode %v, %v", info.Mode(), err)
	}
	data, _ := os.ReadFile(path)
	rows, err := csv.NewReader(strings.NewReader(string(data))).ReadAll()
	if err != nil || len(rows) != 31 || rows[1][0] != "new.hire.0@"+domain || len(rows[1][2]) != 16 {
		t.Fatalf("passwords file: %d rows, %v", len(rows), err)
	}
	if strings.Contains(string(data), "Given-Pass-2026") {
		t.Error("a password from the file was written out again")
	}

	again := read(t, []byte(file))
	if err := again.Check(ctx, tn.client, nil); err != nil {
		t.Fatal(err)
	}
	if err := again.Create(ctx, tn.client, nil); err != nil {
		t.Fatal(err)
	}
	if n := again.Counts(); n[userimport.Exists] != 32 || n[userimport.Invalid] != 1 || again.NeedsPasswords() {
		t.Errorf("second run: %v", n)
	}
}

func TestRowsTakenMeanwhileAreAlreadyThere(t *testing.T) {
	tn := startTenant(t, demotenant.Options{})
	ctx := context.Background()
	im := read(t, []byte(usersFile(tn.info.TenantDomain, 3)))
	if err := im.Check(ctx, tn.client, nil); err != nil {
		t.Fatal(err)
	}
	// Someone else creates one of them between the check and the run.
	if _, err := tn.client.CreateUser(ctx, graph.NewUser{DisplayName: "Quick", UserPrincipalName: im.Rows[1].User.UserPrincipalName, Password: "Was-Quick-2026!"}); err != nil {
		t.Fatal(err)
	}
	if err := im.Create(ctx, tn.client, nil); err != nil {
		t.Fatal(err)
	}
	got := []userimport.Status{im.Rows[0].Status, im.Rows[1].Status, im.Rows[2].Status}
	if got[0] != userimport.Created || got[1] != userimport.Exists || got[2] != userimport.Created {
		t.Errorf("statuses %v", got)
	}
}

func TestAFailedRowNeverStopsTheOthers(t *testing.T) {
	tn := startTenant(t, demotenant.Options{})
	ctx := context.Background()
	// Without the check, Graph itself refuses the unverified domain.
	im := read(t, []byte(usersFile(tn.info.TenantDomain, 25)+"Elsewhere,someone@fabrikam.example,,No\n"+
		strings.SplitN(usersFile("northwind-demo.example", 1), "\n", 3)[2]))
	if err := im.Create(ctx, tn.client, nil); err != nil {
		t.Fatal(err)
	}
	if n := im.Counts(); n[userimport.Created] != 26 || n[userimport.Failed] != 1 {
		t.Fatalf("statuses %v", n)
	}
	if msg := im.Rows[25].Message(); !strings.HasPrefix(msg, "not created: ") || !strings.Contains(msg, "domain") {
		t.Errorf("failed row: %q", msg)
	}
}

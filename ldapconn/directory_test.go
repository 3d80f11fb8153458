package ldapconn_test

import (
	"bytes"
	"context"
	"encoding/csv"
	"slices"
	"strings"
	"testing"

	"github.com/entra-wizard/entra-wizard/ldapconn"
	"github.com/entra-wizard/entra-wizard/ldapconn/slapdtest"
)

func openDirectory(t *testing.T) *ldapconn.Directory {
	t.Helper()
	srv := slapdtest.Start(t)
	d, err := ldapconn.Open(context.Background(), trusting(srv), settingsFor(srv), slapdtest.BindPassword)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { d.Close() })
	return d
}

func TestDirectoryReadsUsersGroupsAndMembers(t *testing.T) {
	d := openDirectory(t)
	ctx := context.Background()

	users, err := d.Users(ctx, "", 0)
	if err != nil {
		t.Fatal(err)
	}
	if len(users) != slapdtest.Users {
		t.Fatalf("%d users, want %d (the computer must not count)", len(users), slapdtest.Users)
	}
	found, err := d.Users(ctx, "die", 0)
	if err != nil || len(found) != 1 || found[0].DisplayName != "Diego Siciliani" || !found[0].Disabled {
		t.Fatalf("search for die = %+v, %v", found, err)
	}
	if found[0].UserPrincipalName != "diegos@"+slapdtest.Domain || found[0].SAMAccountName != "diegos" {
		t.Errorf("user fields = %+v", found[0])
	}
	if none, err := d.Users(ctx, "*)(objectClass=*", 0); err != nil || len(none) != 0 {
		t.Errorf("a query with filter characters found %d users (%v); it must be escaped", len(none), err)
	}

	groups, err := d.Groups(ctx, "sal", 0)
	if err != nil || len(groups) != 1 || !strings.EqualFold(groups[0].DN, slapdtest.SalesDN) || groups[0].Description != "Sales team" {
		t.Fatalf("groups = %+v, %v", groups, err)
	}
	members, err := d.Members(ctx, slapdtest.SalesDN)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, m := range members {
		got = append(got, m.DisplayName+"/"+m.Kind)
	}
	slices.Sort(got)
	want := []string{"Adele Vance/user", "Alex Wilber/user", "Marketing/group"}
	if !slices.Equal(got, want) {
		t.Errorf("members = %v, want %v", got, want)
	}
	limited, err := d.Users(ctx, "", 2)
	if err != nil || len(limited) != 2 {
		t.Errorf("limit 2 gave %d users, %v", len(limited), err)
	}
}

func TestCSVExportKeepsEveryFieldAndDefusesFormulas(t *testing.T) {
	var buf bytes.Buffer
	err := ldapconn.WriteUsersCSV(&buf, []ldapconn.User{
		{DN: "CN=Alex,OU=AADDC Users,DC=x,DC=com", DisplayName: "=HYPERLINK(1)", UserPrincipalName: "alex@x.com", SAMAccountName: "alex",
			JobTitle: "Engineer", Department: "R&D", Disabled: true},
	})
	if err != nil {
		t.Fatal(err)
	}
	rows, err := csv.NewReader(&buf).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	want := [][]string{
		{"id", "displayName", "userPrincipalName", "mail", "jobTitle", "department", "accountEnabled", "sAMAccountName"},
		{"CN=Alex,OU=AADDC Users,DC=x,DC=com", "'=HYPERLINK(1)", "alex@x.com", "", "Engineer", "R&D", "false", "alex"},
	}
	if !slices.EqualFunc(rows, want, slices.Equal) {
		t.Errorf("rows = %q", rows)
	}
}

// A directory value starting with a tab or a carriage return is defused like
// one starting with "=", as the Microsoft Graph export does: some
// spreadsheets skip those before looking for a formula.
func TestCSVExportDefusesLeadingTabAndCarriageReturn(t *testing.T) {
	var buf bytes.Buffer
	err := ldapconn.WriteGroupsCSV(&buf, []ldapconn.Group{
		{DN: "CN=Sales,OU=AADDC Users,DC=x,DC=com", DisplayName: "\t=cmd|' /C calc'!A0", Kind: "security", Mail: "\r@SUM(1)", Description: "-2+3"},
	})
	if err != nil {
		t.Fatal(err)
	}
	rows, err := csv.NewReader(&buf).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"CN=Sales,OU=AADDC Users,DC=x,DC=com", "'\t=cmd|' /C calc'!A0", "security", "'\r@SUM(1)", "'-2+3"}
	if len(rows) != 2 || !slices.Equal(rows[1], want) {
		t.Errorf("rows = %q, want the data row %q", rows, want)
	}
}

func TestMembersCSVFromTheRealServer(t *testing.T) {
	d := openDirectory(t)
	members, err := d.Members(context.Background(), slapdtest.SalesDN)
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := ldapconn.WriteMembersCSV(&buf, members); err != nil {
		t.Fatal(err)
	}
	rows, err := csv.NewReader(&buf).ReadAll()
	if err != nil || len(rows) != 4 || !slices.Equal(rows[0], []string{"id", "displayName", "type", "userPrincipalName"}) {
		t.Errorf("rows = %q, %v", rows, err)
	}
}

package graph_test

import (
	"bytes"
	"context"
	"encoding/csv"
	"slices"
	"strings"
	"testing"

	"github.com/entra-wizard/entra-wizard/demotenant"
	"github.com/entra-wizard/entra-wizard/graph"
)

func TestUsersCSVQuotesAndDefusesFormulas(t *testing.T) {
	var b bytes.Buffer
	err := graph.WriteUsersCSV(&b, []graph.User{
		{ID: "1", DisplayName: `Smith, "Jo"`, UserPrincipalName: "jo@x.example", Department: "=HYPERLINK(\"http://evil\")", AccountEnabled: true},
		{ID: "2", DisplayName: "Line\nBreak", JobTitle: "-Lead", UsageLocation: "US"},
	})
	if err != nil {
		t.Fatal(err)
	}
	rows, err := csv.NewReader(&b).ReadAll()
	if err != nil {
		t.Fatalf("not valid CSV: %v", err)
	}
	want := [][]string{
		{"id", "displayName", "userPrincipalName", "mail", "jobTitle", "department", "usageLocation", "accountEnabled"},
		{"1", `Smith, "Jo"`, "jo@x.example", "", "", `'=HYPERLINK("http://evil")`, "", "true"},
		{"2", "Line\nBreak", "", "", "'-Lead", "", "US", "false"},
	}
	for i := range want {
		if !slices.Equal(rows[i], want[i]) {
			t.Errorf("row %d = %q, want %q", i, rows[i], want[i])
		}
	}
}

func TestGroupsAndMembersCSVHeaders(t *testing.T) {
	var g, m bytes.Buffer
	if err := graph.WriteGroupsCSV(&g, []graph.Group{{ID: "g1", DisplayName: "Sales", Kind: graph.SecurityGroup}}); err != nil {
		t.Fatal(err)
	}
	if err := graph.WriteMembersCSV(&m, []graph.Member{{ID: "u1", DisplayName: "Jo", Type: "user", UserPrincipalName: "jo@x"}}); err != nil {
		t.Fatal(err)
	}
	if g.String() != "id,displayName,kind,mail,description\ng1,Sales,security,,\n" {
		t.Errorf("groups CSV %q", g.String())
	}
	if m.String() != "id,displayName,type,userPrincipalName\nu1,Jo,user,jo@x\n" {
		t.Errorf("members CSV %q", m.String())
	}
}

func TestExportUsersStreamsEveryPage(t *testing.T) {
	tn := startTenant(t, demotenant.Options{})
	var b bytes.Buffer
	var calls [][2]int
	p := tn.client.Users(graph.UserQuery{Top: 100})
	n, err := graph.ExportUsers(context.Background(), &b, p, func(done, total int) { calls = append(calls, [2]int{done, total}) })
	if err != nil {
		t.Fatal(err)
	}
	rows, err := csv.NewReader(bytes.NewReader(b.Bytes())).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if n != p.Count() || len(rows) != n+1 {
		t.Errorf("wrote %d rows (%d lines), Graph counted %d", n, len(rows), p.Count())
	}
	if len(calls) != (n+99)/100 || calls[len(calls)-1] != [2]int{n, n} {
		t.Errorf("progress %v", calls)
	}
	if !strings.Contains(b.String(), tn.info.Users[0].UPN) {
		t.Errorf("export lacks %s", tn.info.Users[0].UPN)
	}
}

package panel

import (
	"encoding/csv"
	"strings"
	"testing"

	"github.com/entra-wizard/entra-wizard/demotenant"
	"github.com/entra-wizard/entra-wizard/graph"
)

func TestPanelExportsEveryMatchingUserAsCSV(t *testing.T) {
	h := newHarness(t, demotenant.Options{})
	h.openConnection("Northwind")
	tapPanel(t, h.panel.users.export)
	h.waitText("the notice", func() string { return h.panel.notice.Text }, "Saved users.csv")

	rows, err := csv.NewReader(strings.NewReader(h.export("users.csv"))).ReadAll()
	if err != nil {
		t.Fatalf("the export is not CSV: %v", err)
	}
	if len(rows) != 251 {
		t.Fatalf("the export has %d rows, want a header and 250 users", len(rows))
	}
	if rows[0][0] != "id" {
		t.Fatalf("the header starts with %q, want id", rows[0][0])
	}
	ids := map[string]bool{}
	for _, r := range rows[1:] {
		ids[r[0]] = true
	}
	all, err := h.client.Users(graph.UserQuery{Top: 999}).All(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	for _, u := range all {
		if !ids[u.ID] {
			t.Fatalf("%s is missing from the export", u.DisplayName)
		}
	}
}

func TestPanelExportsAGroupsMembers(t *testing.T) {
	h := newHarness(t, demotenant.Options{})
	h.openConnection("Northwind")
	g := h.selectGroup("Finance")
	tapPanel(t, h.panel.groups.details.members.export)
	h.waitText("the notice", func() string { return h.panel.notice.Text }, "Saved members.csv")
	rows, err := csv.NewReader(strings.NewReader(h.export("members.csv"))).ReadAll()
	if err != nil {
		t.Fatalf("the export is not CSV: %v", err)
	}
	if want := len(h.memberIDs(g.ID)) + 1; len(rows) != want {
		t.Fatalf("the export has %d rows, want %d", len(rows), want)
	}
}

func TestPanelExportsTheGroupsOfTheCurrentSearch(t *testing.T) {
	h := newHarness(t, demotenant.Options{})
	h.openConnection("Northwind")
	searchFor(h, h.panel.groups.list, "Engineering")
	found := len(h.panel.groups.list.items)
	if found < 2 {
		t.Fatalf("searching groups for Engineering found %d", found)
	}
	tapPanel(t, h.panel.groups.export)
	h.waitText("the notice", func() string { return h.panel.notice.Text }, "Saved groups.csv")
	rows, err := csv.NewReader(strings.NewReader(h.export("groups.csv"))).ReadAll()
	if err != nil {
		t.Fatalf("the export is not CSV: %v", err)
	}
	if len(rows) != found+1 {
		t.Fatalf("the export has %d rows, want a header and the %d groups found", len(rows), found)
	}
	for _, r := range rows[1:] {
		if !strings.Contains(strings.Join(r, ","), "Engineering") {
			t.Fatalf("the export holds a group the search did not find: %q", r)
		}
	}
}

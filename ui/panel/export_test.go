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
	h.waitText("the status", func() string { return h.panel.users.status.Text }, "Saved users.csv")

	rows, err := csv.NewReader(strings.NewReader(exported(t, h, "users.csv"))).ReadAll()
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
	h.waitText("the status", func() string { return h.panel.groups.details.status.Text }, "Saved members.csv")
	rows, err := csv.NewReader(strings.NewReader(exported(t, h, "members.csv"))).ReadAll()
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
	h.waitText("the status", func() string { return h.panel.groups.status.Text }, "Saved groups.csv")
	rows, err := csv.NewReader(strings.NewReader(exported(t, h, "groups.csv"))).ReadAll()
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

// exported is the export saved as name, which starts with the UTF-8 byte
// order mark that Excel on Windows needs to read accents right.
func exported(t *testing.T, h *harness, name string) string {
	t.Helper()
	text, ok := strings.CutPrefix(h.export(name), utf8BOM)
	if !ok {
		t.Fatalf("%s does not start with a UTF-8 byte order mark: %q", name, h.export(name)[:min(len(h.export(name)), 12)])
	}
	return text
}

// After a search the users export holds its results only, and says so
// next to the button, with the folder the file went to.
func TestExportSaysWhereItSavedAndThatTheSearchNarrowedIt(t *testing.T) {
	h := newHarness(t, demotenant.Options{})
	h.openConnection("Northwind")
	searchFor(h, h.panel.users.list, "Megan")
	tapPanel(t, h.panel.users.export)
	status := h.panel.users.status
	h.waitText("the status", func() string { return status.Text }, "Saved users.csv")
	const want = `Saved users.csv in /home/admin/Documents: 1 row. Only the users matching "Megan", as the search shows; clear the search to export them all.`
	if status.Text != want || !status.Visible() {
		t.Errorf("after the export the users tab says %q (shown: %v), want %q", status.Text, status.Visible(), want)
	}
	if h.panel.Notice() != "" {
		t.Errorf("the outcome is also at the bottom of the window: %q", h.panel.Notice())
	}
	rows, err := csv.NewReader(strings.NewReader(exported(t, h, "users.csv"))).ReadAll()
	if err != nil || len(rows) != 2 {
		t.Fatalf("the export holds %d rows (%v), want a header and Megan", len(rows), err)
	}
}

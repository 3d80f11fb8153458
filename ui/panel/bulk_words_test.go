package panel

import (
	"fmt"
	"strings"
	"testing"

	"fyne.io/fyne/v2"

	"github.com/entra-wizard/entra-wizard/demotenant"
	"github.com/entra-wizard/entra-wizard/graph"
)

// Adding users who are members already is what the admin asked for: the
// results say "already a member", not a failure, the summary counts only
// those actually added, and no line is cut off mid-word.
func TestBulkAddCountsAlreadyAMemberAsDone(t *testing.T) {
	h := newHarness(t, demotenant.Options{})
	h.openConnection("Northwind")
	found, err := h.client.Groups(graph.GroupQuery{Search: "Finance"}).All(t.Context())
	if err != nil || len(found) == 0 {
		t.Fatalf("the Finance group: %v %v", found, err)
	}
	g := found[0]
	first := h.panel.users.list.items[:2]
	for _, u := range first {
		if err := h.client.AddMember(t.Context(), g.ID, u.ID); err != nil && !strings.Contains(err.Error(), "already") {
			t.Fatal(err)
		}
	}
	// The first five may hold members of Finance from the start too.
	members, already := h.memberIDs(g.ID), 0
	for _, u := range h.panel.users.list.items[:5] {
		if members[u.ID] {
			already++
		}
	}
	if already < 2 || already == 5 {
		t.Fatalf("%d of the first five are members of Finance; the test needs some but not all", already)
	}
	bulkChange(t, h, 5, true, "Finance")
	b := h.panel.users.bulk
	want := fmt.Sprintf("Added %d of 5 users to Finance; %d were already members.", 5-already, already)
	if b.summary.Text != want {
		t.Errorf("the summary says %q, want %q", b.summary.Text, want)
	}
	report := strings.Join(b.lines, "\n")
	if strings.Contains(report, "✗") || strings.Count(report, "(already a member)") != already {
		t.Errorf("the results read:\n%s", report)
	}
	for _, l := range shownLabels(h.win.Canvas().Overlays().Top()) {
		if l.Size().Width > 0 && l.Wrapping == fyne.TextWrapOff && l.Truncation == fyne.TextTruncateOff && l.MinSize().Width > l.Size().Width+1 {
			t.Errorf("the line %q is cut off: it needs %.0f points and has %.0f", l.Text, l.MinSize().Width, l.Size().Width)
		}
	}
}

// The group picker of a bulk change has room for several groups and a
// search field.
func TestBulkGroupPickerHasRoomAndASearchField(t *testing.T) {
	h := newHarness(t, demotenant.Options{})
	h.openConnection("Northwind")
	tab := h.panel.users
	tab.list.setChecked(tab.list.items[0], true)
	tapPanel(t, tab.addToGroup.button)
	b := tab.bulk
	h.waitFor("the groups", func() bool { return len(b.groups.items) > 0 })
	if !b.groups.search.Visible() || b.groups.search.Size().Width < 200 {
		t.Errorf("the group picker's search field is hidden or narrow (%v)", b.groups.search.Size())
	}
	row := b.groups.createRow().MinSize().Height
	if got := b.groups.list.Size().Height; got < 6*row {
		t.Errorf("the group list is %.0f points high: fewer than 6 rows of %.0f show", got, row)
	}
}

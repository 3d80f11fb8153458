package panel

import (
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"

	"github.com/entra-wizard/entra-wizard/demotenant"
	"github.com/entra-wizard/entra-wizard/graph"
)

// TestPanelSearchShowsThatItIsSearching types a search into a tenant that
// answers slowly: from the first keystroke until the answer the list says
// it is searching, with an activity beside the count, and stops saying so
// once the rows are in.
func TestPanelSearchShowsThatItIsSearching(t *testing.T) {
	h := newHarness(t, demotenant.Options{Latency: 600 * time.Millisecond})
	h.openConnection("Northwind")
	l := h.panel.users.list
	h.waitFor("the first page", func() bool { return !l.loading })
	if l.busy.Visible() {
		t.Fatalf("the activity turns with nothing on its way (count %q)", l.count.Text)
	}

	test.Type(l.search, "Megan")
	if l.count.Text != "Searching…" || !l.busy.Visible() {
		t.Fatalf("after typing the list says %q (activity shown: %v)", l.count.Text, l.busy.Visible())
	}
	h.waitFor("the query to be sent", func() bool { return l.loading })
	if l.count.Text != "Searching…" || !l.busy.Visible() {
		t.Fatalf("while the tenant answers the list says %q (activity shown: %v)", l.count.Text, l.busy.Visible())
	}
	h.waitFor("the answer", func() bool { return !l.loading })
	if l.busy.Visible() || strings.Contains(l.count.Text, "Searching") {
		t.Fatalf("after the answer the list says %q (activity shown: %v)", l.count.Text, l.busy.Visible())
	}
	pick(h, l, func(u graph.User) bool { return u.DisplayName == "Megan Bowen" })
}

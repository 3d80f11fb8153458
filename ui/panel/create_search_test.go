package panel

import (
	"fmt"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"github.com/entra-wizard/entra-wizard/demotenant"
	"github.com/entra-wizard/entra-wizard/graph"
)

// createUser fills the new-user form and waits for the password dialog.
func createUser(t *testing.T, h *harness, local, name string) graph.User {
	t.Helper()
	tab := h.panel.users
	tapPanel(t, tab.create.button)
	f := tab.createForm
	test.Type(f.upn, local+"@"+h.info.TenantDomain)
	test.Type(f.fields.displayName, name)
	tapPanel(t, f.create)
	h.waitFor("the password dialog", func() bool { return f.passwordText != nil })
	h.waitFor("queued work", func() bool { return true })
	return tab.details.user
}

// selectedRow is the list row the user sees highlighted, or -1.
func selectedRow[T any](l *searchList[T]) int {
	for i := range l.items {
		if l.isSelected(i) {
			return i
		}
	}
	return -1
}

// After creating a user while a search is active, the list never
// highlights another person, only shows the new user if they match the
// search, and the count agrees with the rows.
func TestCreatingAUserWhileSearchingKeepsTheListTrue(t *testing.T) {
	h := newHarness(t, demotenant.Options{})
	h.openConnection("Northwind")
	l := h.panel.users.list
	searchFor(h, l, "Megan")
	pick(h, l, func(u graph.User) bool { return u.DisplayName == "Megan Bowen" })
	rows := len(l.items)
	count := l.count.Text

	outsider := createUser(t, h, "zed.quill", "Zed Quill")
	if outsider.DisplayName != "Zed Quill" {
		t.Fatalf("the details show %q after creating Zed Quill", outsider.DisplayName)
	}
	for _, u := range l.items {
		if u.ID == outsider.ID {
			t.Errorf("Zed Quill was added to the results of the search %q", l.search.Text)
		}
	}
	if i := selectedRow(l); i >= 0 && l.items[i].ID != outsider.ID {
		t.Errorf("the list highlights %s while Zed Quill's details are shown", l.items[i].DisplayName)
	}
	if len(l.items) != rows || l.count.Text != count {
		t.Errorf("after creating a user outside the search: %d rows, count %q; before: %d rows, %q", len(l.items), l.count.Text, rows, count)
	}

	match := createUser(t, h, "megan.zhou", "Megan Zhou")
	if l.items[0].ID != match.ID {
		t.Fatalf("Megan Zhou matches the search %q but is not listed first", l.search.Text)
	}
	if i := selectedRow(l); i != 0 {
		t.Errorf("the list highlights row %d, not the new user", i)
	}
	if want := fmt.Sprintf("%d users", len(l.items)); l.count.Text != want && !strings.HasPrefix(l.count.Text, "Showing") {
		t.Errorf("the count says %q with %d rows listed", l.count.Text, len(l.items))
	}
}

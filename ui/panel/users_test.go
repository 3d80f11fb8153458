package panel

import (
	"errors"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"github.com/entra-wizard/entra-wizard/demotenant"
	"github.com/entra-wizard/entra-wizard/graph"
)

func TestPanelUsersPageLazilyAsTheListScrolls(t *testing.T) {
	h := newHarness(t, demotenant.Options{})
	h.openConnection("Northwind")
	l := h.panel.users.list
	h.waitFor("the first page", func() bool { return !l.loading })
	if len(l.items) != pageSize {
		t.Fatalf("after opening, the list holds %d users, want one page of %d", len(l.items), pageSize)
	}
	l.list.ScrollToBottom()
	h.waitFor("the rest of the users", func() bool { return !l.loading && !l.pager.More() })
	if len(l.items) != 250 {
		t.Fatalf("after scrolling to the end the list holds %d users, want all 250", len(l.items))
	}
	seen := map[string]bool{}
	for _, u := range l.items {
		if seen[u.ID] {
			t.Fatalf("%s is listed twice", u.DisplayName)
		}
		seen[u.ID] = true
	}
}

func TestPanelSearchAsYouTypeShowsTheLatestQueryOnly(t *testing.T) {
	h := newHarness(t, demotenant.Options{})
	h.openConnection("Northwind")
	l := h.panel.users.list

	// Two searches in flight: the answer to the first must not end up in
	// the list, whichever arrives first.
	l.search.SetText("Adele")
	l.reload()
	l.search.SetText("Megan")
	l.reload()
	h.waitFor("the search for Megan", func() bool { return !l.loading })
	if len(l.items) == 0 {
		t.Fatal("searching for Megan found nobody")
	}
	for _, u := range l.items {
		if !strings.Contains(u.DisplayName+u.UserPrincipalName, "Megan") && !strings.Contains(u.UserPrincipalName, "megan") {
			t.Fatalf("the list shows %s, who does not match the latest search", u.DisplayName)
		}
	}

	// Typing waits for a pause, then searches once for what is in the box:
	// a pause timer that fired for an earlier keystroke finds its query
	// outdated when it reaches the UI goroutine.
	l.search.SetText("")
	before := h.srv.GraphRequests()
	for _, r := range "Adele" {
		l.search.TypedRune(r)
	}
	h.waitFor("the typed search", func() bool {
		return !l.loading && len(l.items) > 0 && strings.HasPrefix(l.items[0].DisplayName, "Adele")
	})
	for _, u := range l.items {
		if !strings.Contains(u.DisplayName, "Adele") {
			t.Fatalf("typing Adele lists %s", u.DisplayName)
		}
	}
	if n := h.srv.GraphRequests() - before; n != 1 {
		t.Fatalf("typing five letters sent %d searches, want 1", n)
	}
	if !strings.Contains(l.count.Text, "user") {
		t.Fatalf("the count says %q", l.count.Text)
	}
}

func TestPanelUpdatesAUser(t *testing.T) {
	h := newHarness(t, demotenant.Options{})
	h.openConnection("Northwind")
	u := h.selectUser("Megan Bowen")
	d := h.panel.users.details

	d.fields.jobTitle.SetText("Head of Marketing")
	d.fields.department.SetText("Brand")
	d.fields.usageLocation.SetText("de")
	tapPanel(t, d.save.button)
	h.waitText("the details status", func() string { return d.status.Text }, "Saved.")

	got, err := h.client.User(t.Context(), u.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got.JobTitle != "Head of Marketing" || got.Department != "Brand" || got.UsageLocation != "DE" {
		t.Fatalf("the tenant has job %q, department %q, location %q", got.JobTitle, got.Department, got.UsageLocation)
	}
	if got.DisplayName != u.DisplayName {
		t.Fatalf("an unchanged field changed: display name %q", got.DisplayName)
	}
}

func TestPanelDisablesAndEnablesSignIn(t *testing.T) {
	h := newHarness(t, demotenant.Options{})
	h.openConnection("Northwind")
	u := h.selectUser("Megan Bowen")
	d := h.panel.users.details

	tapPanel(t, d.toggle.button)
	h.waitText("the details status", func() string { return d.status.Text }, "can no longer sign in")
	if got, _ := h.client.User(t.Context(), u.ID); got.AccountEnabled {
		t.Fatal("the tenant still lets the user sign in")
	}
	if d.toggle.button.Text != "Enable sign-in" {
		t.Fatalf("the button says %q after disabling", d.toggle.button.Text)
	}

	tapPanel(t, d.toggle.button)
	h.waitText("the details status", func() string { return d.status.Text }, "can sign in again")
	if got, _ := h.client.User(t.Context(), u.ID); !got.AccountEnabled {
		t.Fatal("the tenant still blocks the user")
	}
}

func TestPanelDeletesAUserAfterTheNameIsTypedAndRestoresThem(t *testing.T) {
	h := newHarness(t, demotenant.Options{})
	h.openConnection("Northwind")
	u := h.selectUser("Megan Bowen")
	d := h.panel.users.details

	tapPanel(t, d.remove.button)
	c := d.deleteConfirm
	test.Type(c.name, "Megan")
	if !c.confirm.Disabled() {
		t.Fatal("delete is possible before the full name is typed")
	}
	test.Type(c.name, " Bowen")
	if c.confirm.Disabled() {
		t.Fatal("delete stays disabled after typing the name")
	}
	tapPanel(t, c.confirm)
	h.waitText("the details pane", func() string { return d.empty.Text }, "was deleted")
	if _, err := h.client.User(t.Context(), u.ID); !errorIsNotFound(err) {
		t.Fatalf("reading the deleted user: %v, want not found", err)
	}

	tab := h.panel.deleted
	h.panel.tabs.SelectIndex(2)
	h.waitFor("the deleted users", func() bool { return len(tab.users) > 0 })
	idx := -1
	for i, du := range tab.users {
		if du.ID == u.ID {
			idx = i
		}
	}
	if idx < 0 {
		t.Fatal("the deleted user is not under Recently deleted")
	}
	if !strings.Contains(tab.row(tab.users[idx]), "30 days left") && !strings.Contains(tab.row(tab.users[idx]), "29 days left") {
		t.Fatalf("the row says %q", tab.row(tab.users[idx]))
	}
	tab.list.Select(idx)
	tapPanel(t, tab.restore.button)
	h.waitText("the restore status", func() string { return tab.status.Text }, "was restored")
	got, err := h.client.User(t.Context(), u.ID)
	if err != nil || got.DisplayName != "Megan Bowen" {
		t.Fatalf("after restoring, the tenant has %+v, %v", got, err)
	}
	if l := h.panel.users.list; len(l.items) == 0 || l.items[0].ID != u.ID || l.items[0].AccountEnabled != got.AccountEnabled {
		t.Fatal("the restored user is not back in the users list as the tenant has them")
	}
	h.waitFor("the deleted users to reload", func() bool { return tab.count.Text != "Loading…" })
	for _, du := range tab.users {
		if du.ID == u.ID {
			t.Fatal("the restored user is still listed as deleted")
		}
	}
}

func errorIsNotFound(err error) bool {
	return err != nil && errors.Is(err, graph.ErrNotFound)
}

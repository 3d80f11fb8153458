package ldapui

import (
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"github.com/entra-wizard/entra-wizard/ldapconn/adtest"
)

// openADPanel opens the panel on a directory that answers as Active
// Directory does and waits for its first lists.
func openADPanel(t *testing.T) (*harness, *Panel) {
	t.Helper()
	h := newADHarness(t)
	savedConnection(t, h, "Managed domain")
	p := NewPanel(h.deps, "Managed domain", nil, nil)
	t.Cleanup(p.Close)
	test.NewTempWindow(t, p.View())
	h.waitFor(t, "users and groups", func() bool { return len(p.users.items) > 0 && len(p.groups.items) > 0 })
	return h, p
}

func selectGroup(t *testing.T, p *Panel, name string) {
	t.Helper()
	for i, g := range p.groups.items {
		if g.DisplayName == name {
			p.groups.list.Select(i)
			return
		}
	}
	t.Fatalf("no group %q among %d", name, len(p.groups.items))
}

// A group of thousands takes a while to read: the window says how far it
// has got rather than nothing.
func TestPanelShowsProgressWhileABigGroupsMembersLoad(t *testing.T) {
	h, p := openADPanel(t)
	selectGroup(t, p, "All Bulk Users")
	var seen []string
	h.waitFor(t, "the members", func() bool {
		if strings.Contains(p.membersTitle.Text, "Reading") {
			seen = append(seen, p.membersTitle.Text)
		}
		return len(p.members) > 0
	})
	if len(seen) == 0 {
		t.Fatalf("no progress was shown before the members came; title now %q", p.membersTitle.Text)
	}
	if want := "Reading the members of All Bulk Users: 600 of 2,000…"; !slices.Contains(seen, want) {
		t.Errorf("progress shown: %q; want among them %q", seen, want)
	}
	if len(p.members) != adtest.BulkUsers || p.membersTitle.Text != "Members of All Bulk Users: 2,000" {
		t.Errorf("%d members, title %q", len(p.members), p.membersTitle.Text)
	}
}

// Domain Users lists nobody in its member attribute; its members are those
// whose primary group it is.
func TestPanelListsThePrimaryGroupsMembers(t *testing.T) {
	h, p := openADPanel(t)
	selectGroup(t, p, "Domain Users")
	h.waitFor(t, "the members", func() bool { return strings.HasPrefix(p.membersTitle.Text, "Members of Domain Users: ") })
	if len(p.members) != adtest.BulkUsers || p.membersTitle.Text != "Members of Domain Users: 2,000" {
		t.Errorf("%d members, title %q", len(p.members), p.membersTitle.Text)
	}
}

package ldap

import (
	"slices"
	"strconv"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"github.com/entra-wizard/entra-wizard/ldapconn"
	"github.com/entra-wizard/entra-wizard/ldapconn/adtest"
	"github.com/entra-wizard/entra-wizard/ldapconn/slapdtest"
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

// Lists read in name order, whatever order the server keeps; a list says
// "the first" only when it was cut short; the export's status counts what
// it wrote in plain words.
func TestPanelListsAreInNameOrderAndCountedRight(t *testing.T) {
	h, p := openADPanel(t)
	if len(p.users.items) != searchLimit || p.users.count.Text != "The first 500 users; narrow the search, or export them all." {
		t.Errorf("%d users shown, count %q", len(p.users.items), p.users.count.Text)
	}
	names := make([]string, len(p.users.items))
	for i, u := range p.users.items {
		names[i] = u.DisplayName
	}
	if !slices.IsSorted(names) || names[0] != "Adele Vance" || names[2] != adtest.BulkUserName(0) {
		t.Errorf("users are not the first by name: %q…", names[:5])
	}
	test.Type(p.users.query, "Bulk User 19")
	p.users.query.OnSubmitted(p.users.query.Text)
	h.waitFor(t, "the search", func() bool { return len(p.users.items) == 100 })
	if p.users.count.Text != "100 users" || p.users.items[0].DisplayName != "Bulk User 1900" || p.users.items[99].DisplayName != "Bulk User 1999" {
		t.Errorf("count %q, first %q", p.users.count.Text, p.users.items[0].DisplayName)
	}

	test.Tap(p.users.export)
	h.waitFor(t, "the users export", func() bool { return strings.HasPrefix(p.status.Text, "Exported") })
	if p.status.Text != "Exported 100 users." {
		t.Errorf("status after the export %q", p.status.Text)
	}
	test.Type(p.groups.query, "Domain")
	p.groups.query.OnSubmitted(p.groups.query.Text)
	h.waitFor(t, "the group search", func() bool { return len(p.groups.items) == 1 })
	if p.groups.count.Text != "1 group" {
		t.Errorf("group count %q", p.groups.count.Text)
	}
	test.Tap(p.groups.export)
	h.waitFor(t, "the groups export", func() bool { return strings.HasPrefix(p.status.Text, "Exported") })
	if p.status.Text != "Exported 1 group." {
		t.Errorf("status after the export %q", p.status.Text)
	}

	selectGroup(t, p, "Domain Users")
	h.waitFor(t, "the members", func() bool { return len(p.members) == adtest.BulkUsers })
	if !slices.IsSortedFunc(p.members, func(a, b ldapconn.Member) int { return strings.Compare(a.DisplayName, b.DisplayName) }) {
		t.Errorf("members are not in name order: %q, %q, %q…", p.members[0].DisplayName, p.members[1].DisplayName, p.members[2].DisplayName)
	}
	test.Tap(p.exportMembers)
	if p.status.Text != "Exported 2,000 members of Domain Users." {
		t.Errorf("status after the members export %q", p.status.Text)
	}
}

// A server that ignores the client's size limit sends every user; the
// panel still shows the first 500 by name and says the list is cut short,
// and a complete list is not called "the first".
func TestPanelCountsRightWhenTheServerIgnoresTheSizeLimit(t *testing.T) {
	h := newADHarness(t)
	h.ad.IgnoreSizeLimit(true)
	savedConnection(t, h, "Managed domain")
	p := NewPanel(h.deps, "Managed domain", nil, nil)
	defer p.Close()
	test.NewTempWindow(t, p.View())
	h.waitFor(t, "users and groups", func() bool { return len(p.users.items) > 0 && len(p.groups.items) > 0 })
	if len(p.users.items) != searchLimit || p.users.items[2].DisplayName != adtest.BulkUserName(0) || p.users.count.Text != "The first 500 users; narrow the search, or export them all." {
		t.Errorf("%d users, third %q, count %q", len(p.users.items), p.users.items[2].DisplayName, p.users.count.Text)
	}
	if p.groups.count.Text != "5 groups" {
		t.Errorf("group count %q", p.groups.count.Text)
	}
}

// A managed domain takes DOMAIN\user as the bind account; so does the
// setup page, which says so next to the field.
func TestSetupSignsInWithADownLevelLogonName(t *testing.T) {
	h := newADHarness(t)
	s := NewSetup(h.deps, nil, nil)
	test.NewTempWindow(t, s.View())
	test.Type(s.name, "Managed domain")
	test.Type(s.server, slapdtest.ServerName)
	s.port.SetText(strconv.Itoa(h.port))
	test.Type(s.bind, adtest.NetBIOSName+`\ldapreader`)
	test.Type(s.password, slapdtest.BindPassword)
	s.baseDN.SetText(slapdtest.BaseDN)
	if err := s.bind.Validate(); err != nil {
		t.Fatalf("the bind account field refuses DOMAIN\\user: %v", err)
	}
	if !strings.Contains(bindHint, `DOMAIN\user`) {
		t.Errorf("the field's help %q does not name DOMAIN\\user", bindHint)
	}
	test.Tap(s.test)
	h.waitFor(t, "the test", func() bool { return !s.test.Disabled() })
	test.Tap(s.trust)
	h.waitFor(t, "the test after trusting", func() bool { return !s.test.Disabled() })
	if s.save.Disabled() {
		t.Fatalf("the test did not pass: %s %s", s.checklist.problem.Text, s.checklist.hint.Text)
	}
}

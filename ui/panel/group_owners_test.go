package panel

import (
	"context"
	"slices"
	"strings"
	"testing"

	"github.com/entra-wizard/entra-wizard/demotenant"
	"github.com/entra-wizard/entra-wizard/graph"
)

func shownOwners(h *harness) string {
	return strings.Join(shownTexts(h.panel.groups.details.owners.rows), " | ")
}

// A group's details list its owners; the last one cannot be removed and
// the panel says why, Add owner… picks users, and Remove asks first,
// naming the owner.
func TestGroupOwnersAreListedAddedAndRemoved(t *testing.T) {
	h := newHarness(t, demotenant.Options{})
	h.openConnection("Northwind")
	g := h.selectGroup("Marketing")
	o := h.panel.groups.details.owners
	h.waitFor("the owners", func() bool { return len(o.owners) == 1 })
	megan := o.owners[0]
	if text := shownOwners(h); !strings.Contains(text, "Megan Bowen") || !strings.Contains(text, "megan@") {
		t.Fatalf("the owners read %q, want Megan Bowen and her user name", text)
	}

	status := func() string { return h.panel.groups.details.status.Text }
	tapPanel(t, o.removes[megan.ID])
	if msg := o.confirm.message.Text; !strings.Contains(msg, "Megan Bowen") || !strings.Contains(msg, "Marketing") {
		t.Errorf("the confirmation %q does not name the owner and the group", msg)
	}
	tapPanel(t, o.confirm.confirm)
	h.waitText("the status", status, "keeps at least one owner")

	tapPanel(t, o.add.button)
	searchFor(h, o.picker.list, "admin")
	o.picker.list.setChecked(pick(h, o.picker.list, func(u graph.User) bool { return strings.HasPrefix(u.UserPrincipalName, "admin@") }), true)
	tapPanel(t, o.picker.pick)
	h.waitText("the status", status, "Now owners of Marketing")
	h.waitFor("two owners", func() bool { return len(o.owners) == 2 })

	tapPanel(t, o.removes[megan.ID])
	tapPanel(t, o.confirm.confirm)
	h.waitText("the status", status, "Megan Bowen is no longer an owner of Marketing")
	h.waitFor("one owner", func() bool { return len(o.owners) == 1 && o.owners[0].ID != megan.ID })
	owners, err := h.client.Owners(context.Background(), g.ID)
	if err != nil {
		t.Fatal(err)
	}
	if slices.ContainsFunc(owners, func(m graph.Member) bool { return m.ID == megan.ID }) {
		t.Error("Megan is still an owner in the tenant")
	}
}

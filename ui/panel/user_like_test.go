package panel

import (
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/entra-wizard/entra-wizard/demotenant"
	"github.com/entra-wizard/entra-wizard/graph"
	"github.com/entra-wizard/entra-wizard/ui/kit"
	"github.com/entra-wizard/entra-wizard/ui/kit/kittest"
)

// openNewLike opens New user like… on the named user once what they have
// is read.
func (h *harness) openNewLike(t *testing.T, name string) *userLike {
	t.Helper()
	h.selectUser(name)
	d := h.panel.users.details
	tapPanel(t, d.newLike.button)
	l := d.likeForm
	h.waitFor("the groups, licenses and manager of "+name, func() bool { return l.read })
	return l
}

// someUser finds a user of the tenant by display name.
func (h *harness) someUser(name string) graph.User {
	h.t.Helper()
	users, err := h.client.Users(graph.UserQuery{Search: name}).All(h.t.Context())
	for _, u := range users {
		if u.DisplayName == name {
			return u
		}
	}
	h.t.Fatalf("no user %q: %v", name, err)
	return graph.User{}
}

// overlayText is every text the dialog on top shows.
func (h *harness) overlayText() string {
	return strings.Join(shownTexts(h.win.Canvas().Overlays().Top()), "\n")
}

func TestPanelNewUserLikeGivesWhatStaysTicked(t *testing.T) {
	h := newHarness(t, demotenant.Options{})
	ctx := t.Context()
	from, admin := h.someUser("Megan Bowen"), h.someUser("Tenant Administrator")
	if err := h.client.SetManager(ctx, from.ID, admin.ID); err != nil {
		t.Fatal(err)
	}
	h.openConnection("Northwind")
	l := h.openNewLike(t, "Megan Bowen")
	f := l.form
	if h.win.Canvas().Focused() != f.fields.displayName {
		t.Fatalf("the dialog opens with the keyboard on %v, not in the name field", h.win.Canvas().Focused())
	}
	if len(l.groups) < 2 || len(l.licenses) == 0 || l.manager == nil || l.department == nil || l.location == nil {
		t.Fatalf("ticks: %d groups, %d licenses, manager %v", len(l.groups), len(l.licenses), l.manager != nil)
	}
	if f.fields.department.Text != from.Department || f.fields.usageLocation.Text != from.UsageLocation {
		t.Fatalf("the fields start with %q, %q", f.fields.department.Text, f.fields.usageLocation.Text)
	}
	kittest.AssertFits(t, "the New user like dialog", h.win.Canvas().Overlays().Top())
	var ticks []string
	for _, o := range l.parts.Objects {
		ticks = append(ticks, o.(*kit.Check).Text)
	}
	shown := strings.Join(ticks, "\n")
	for _, want := range []string{"Manager: Tenant Administrator", "Member of " + l.likeness.Groups[0].DisplayName,
		"License: " + l.likeness.Licenses[0].ProductName, "Department: " + from.Department} {
		if !strings.Contains(shown, want) {
			t.Errorf("the dialog does not show %q", want)
		}
	}
	test.Tap(l.groups[0])
	test.Tap(l.department)
	if f.fields.department.Text != "" {
		t.Errorf("unticking the department leaves %q", f.fields.department.Text)
	}
	test.Type(f.upn, "megans.twin")
	test.Type(f.fields.displayName, "Megan's Twin")
	kittest.PressKey(h.win.Canvas(), fyne.KeyReturn)
	h.waitFor("the password dialog", func() bool { return f.passwordText != nil })
	if !strings.Contains(h.overlayText(), "Given: ") || !strings.Contains(h.overlayText(), "Tenant Administrator as manager") {
		t.Errorf("the password dialog says %q", h.overlayText())
	}

	twin, err := h.client.User(ctx, "megans.twin@"+h.info.TenantDomain)
	if err != nil {
		t.Fatal(err)
	}
	if twin.Department != "" || twin.UsageLocation != from.UsageLocation {
		t.Errorf("the new user has department %q, usage location %q", twin.Department, twin.UsageLocation)
	}
	groups, _ := h.client.UserGroups(ctx, twin.ID)
	var ids []string
	for _, g := range groups {
		ids = append(ids, g.ID)
	}
	if len(ids) != len(l.groups)-1 || slices.Contains(ids, l.likeness.Groups[0].ID) {
		t.Errorf("the new user is in %d groups, want %d without the unticked one", len(ids), len(l.groups)-1)
	}
	if lic, _ := h.client.UserLicenses(ctx, twin.ID); len(lic) != len(l.licenses) {
		t.Errorf("%d licenses, want %d", len(lic), len(l.licenses))
	}
	if m, err := h.client.Manager(ctx, twin.ID); err != nil || m.ID != admin.ID {
		t.Errorf("manager %+v, %v", m, err)
	}
}

func TestPanelNewUserLikeSaysWhatCouldNotBeGiven(t *testing.T) {
	h := newHarness(t, demotenant.Options{})
	h.openConnection("Northwind")
	l := h.openNewLike(t, "Megan Bowen")
	f := l.form
	test.Tap(l.location) // licenses need a usage location
	test.Type(f.upn, "nowhere.twin")
	test.Type(f.fields.displayName, "Nowhere Twin")
	tapPanel(t, f.create)
	h.waitFor("the password dialog", func() bool { return f.passwordText != nil })
	if shown := h.overlayText(); !strings.Contains(shown, "Could not give them the license "+l.likeness.Licenses[0].ProductName) {
		t.Errorf("the password dialog says %q", shown)
	}
}

package panel

import (
	"strings"
	"testing"

	"github.com/entra-wizard/entra-wizard/demotenant"
	"github.com/entra-wizard/entra-wizard/graph"
)

func TestPanelRemovesAndAssignsALicense(t *testing.T) {
	h := newHarness(t, demotenant.Options{})
	h.openConnection("Northwind")
	u := h.selectUser("Megan Bowen")
	l := h.panel.users.details.licenses
	h.waitFor("the licenses", func() bool { return len(l.skus) > 0 })

	const ems = skuEMS
	remove := l.removes[ems]
	if remove == nil {
		t.Fatalf("Megan's EMS license is not listed; she has %+v", l.licenses)
	}
	tapPanel(t, remove)
	tapPanel(t, overlayButton(t, h, "Remove"))
	h.waitText("the status", func() string { return h.panel.users.details.licenseStatus.Text }, "(EMS) removed")
	if hasLicense(t, h, u.ID, ems) {
		t.Fatal("the tenant still has the license assigned")
	}
	h.waitFor("the licenses to reload", func() bool { return l.removes[ems] == nil && len(l.picker.Options) > 0 })

	option := optionFor(t, l, "Enterprise Mobility + Security E3 (EMS)")
	if !strings.Contains(option, "free") {
		t.Fatalf("the products offered are %q", l.picker.Options)
	}
	l.picker.SetSelected(option)
	tapPanel(t, l.assign.button)
	h.waitText("the status", func() string { return h.panel.users.details.licenseStatus.Text }, "(EMS) assigned")
	if !hasLicense(t, h, u.ID, ems) {
		t.Fatal("the tenant does not have the license assigned")
	}
}

func hasLicense(t *testing.T, h *harness, userID, skuID string) bool {
	t.Helper()
	lics, err := h.client.UserLicenses(t.Context(), userID)
	if err != nil {
		t.Fatal(err)
	}
	for _, l := range lics {
		if l.SKUID == skuID {
			return true
		}
	}
	return false
}

func TestPanelExplainsWhyALicenseCannotBeAssigned(t *testing.T) {
	h := newHarness(t, demotenant.Options{})
	h.openConnection("Northwind")
	// The guest has no usage location: Graph refuses to license them.
	u := h.selectUser("Ravi Kumar (Contoso)")
	l := h.panel.users.details.licenses
	status := h.panel.users.details.licenseStatus
	l.picker.SetSelected(optionFor(t, l, "Enterprise Mobility + Security E3 (EMS)"))
	tapPanel(t, l.assign.button)
	h.waitText("the status", func() string { return status.Text }, "Could not assign Enterprise Mobility + Security E3 (EMS) to Ravi Kumar")

	refused := h.client.AssignLicense(t.Context(), u.ID, skuEMS)
	ge, ok := graph.AsError(refused)
	if !ok || ge.Code == "" || !strings.Contains(status.Text, ge.Code) {
		t.Fatalf("the status says %q, want Graph's code from %v", status.Text, refused)
	}
	if hasLicense(t, h, u.ID, skuEMS) {
		t.Fatal("the license was assigned anyway")
	}
}

func TestPanelRefusesToAssignAProductWithNoFreeUnits(t *testing.T) {
	h := newHarness(t, demotenant.Options{})
	h.openConnection("Northwind")
	// Use up the last free E3 unit, then try to give one to someone else.
	var unlicensed []graph.User
	users, err := h.client.Users(graph.UserQuery{Top: 999}).All(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	for _, u := range users {
		if u.UsageLocation != "" && u.UserType == "Member" && !hasLicense(t, h, u.ID, skuE3) {
			unlicensed = append(unlicensed, u)
		}
		if len(unlicensed) == 2 {
			break
		}
	}
	if len(unlicensed) < 2 {
		t.Fatal("the tenant has no two unlicensed members")
	}
	if err := h.client.AssignLicense(t.Context(), unlicensed[0].ID, skuE3); err != nil {
		t.Fatal(err)
	}

	h.selectUserWhere(unlicensed[1].DisplayName, func(u graph.User) bool { return u.ID == unlicensed[1].ID })
	l := h.panel.users.details.licenses
	option := optionFor(t, l, "Office 365 E3 (ENTERPRISEPACK)")
	if !strings.Contains(option, "25 in tenant, 0 free") {
		t.Fatalf("the product is offered as %q", option)
	}
	l.picker.SetSelected(option)
	before := h.srv.GraphRequests()
	tapPanel(t, l.assign.button)
	if status := h.panel.users.details.licenseStatus.Text; !strings.Contains(status, "No free Office 365 E3 (ENTERPRISEPACK) licenses are left") {
		t.Fatalf("the status says %q", status)
	}
	if h.srv.GraphRequests() != before {
		t.Fatal("the panel asked Graph although no unit is free")
	}
}

const (
	skuE3  = "6fd2c87f-b296-42f0-b197-1e91e994b900"
	skuEMS = "efccb6f7-5641-4e0e-bd10-b4976e1bf68e"
)

// optionFor finds the product option that starts with prefix.
func optionFor(t *testing.T, l *licensesView, prefix string) string {
	t.Helper()
	for _, o := range l.picker.Options {
		if strings.HasPrefix(o, prefix) {
			return o
		}
	}
	t.Fatalf("no product %q among %q", prefix, l.picker.Options)
	return ""
}

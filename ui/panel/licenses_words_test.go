package panel

import (
	"strconv"
	"strings"
	"testing"

	"github.com/entra-wizard/entra-wizard/demotenant"
	"github.com/entra-wizard/entra-wizard/graph"
)

// Licenses read as products an admin knows, with the part number second;
// a user who has every product is told so instead of getting an empty
// drop-down that swallows the next click.
func TestLicensesShowProductNamesAndSayWhenNothingIsLeft(t *testing.T) {
	h := newHarness(t, demotenant.Options{})
	h.openConnection("Northwind")
	u := h.selectUser("Megan Bowen")
	if !hasLicense(t, h, u.ID, skuE3) || !hasLicense(t, h, u.ID, skuEMS) {
		t.Fatal("Megan should have both of the tenant's products")
	}
	l := h.panel.users.details.licenses
	text := strings.Join(shownTexts(l.view()), " | ")
	for _, want := range []string{"Office 365 E3 (ENTERPRISEPACK)", "Enterprise Mobility + Security E3 (EMS)"} {
		if !strings.Contains(text, want) {
			t.Errorf("Megan's licenses read %q, want %q", text, want)
		}
	}
	if strings.Contains(text, "free") {
		t.Errorf("Megan's own licenses carry the tenant's unit counts: %q", text)
	}
	if !strings.Contains(text, "Nothing left to assign") {
		t.Errorf("with every product assigned the licenses read %q, want them to say nothing is left", text)
	}
	if l.picker.Visible() && !l.picker.Disabled() {
		t.Error("an empty product drop-down is still offered")
	}
}

// The unit counts beside a product are the tenant's, and say so.
func TestLicenseOptionsSayTheUnitsAreTheTenants(t *testing.T) {
	h := newHarness(t, demotenant.Options{})
	h.openConnection("Northwind")
	h.selectUserWhere("Ravi Kumar", func(u graph.User) bool { return u.UserType == "Guest" })
	l := h.panel.users.details.licenses
	h.waitFor("the products", func() bool { return len(l.picker.Options) > 0 })
	var e3 string
	for _, o := range l.picker.Options {
		if strings.Contains(o, "ENTERPRISEPACK") {
			e3 = o
		}
	}
	free := -1
	for _, s := range l.skus {
		if s.ID == skuE3 {
			free = s.Free()
		}
	}
	if want := "Office 365 E3 (ENTERPRISEPACK) · 25 in tenant, " + strconv.Itoa(free) + " free"; e3 != want {
		t.Errorf("the product is offered as %q, want %q", e3, want)
	}
}

// Removing a license asks first; Cancel keeps it.
func TestRemovingALicenseAsksFirst(t *testing.T) {
	h := newHarness(t, demotenant.Options{})
	h.openConnection("Northwind")
	u := h.selectUser("Megan Bowen")
	l := h.panel.users.details.licenses
	remove := l.removes[skuEMS]
	if remove == nil {
		t.Fatalf("Megan's EMS license is not listed; she has %+v", l.licenses)
	}
	tapPanel(t, remove)
	h.waitFor("queued work", func() bool { return true })
	if !hasLicense(t, h, u.ID, skuEMS) {
		t.Fatal("one tap on Remove took the license without asking")
	}
	tapPanel(t, overlayButton(t, h, "Cancel"))
	if !hasLicense(t, h, u.ID, skuEMS) {
		t.Fatal("Cancel removed the license")
	}
	tapPanel(t, remove)
	tapPanel(t, overlayButton(t, h, "Remove"))
	h.waitText("the status", func() string { return h.panel.users.details.licenseStatus.Text }, "(EMS) removed from Megan Bowen")
	if hasLicense(t, h, u.ID, skuEMS) {
		t.Fatal("the license is still assigned after confirming")
	}
}

// A connection that may not list the tenant's products says in one line
// which permission would show them, not a raw 403 paragraph.
func TestLicensesSayInOneLineWhichPermissionWouldShowThem(t *testing.T) {
	h := newHarness(t, demotenant.Options{Scenario: demotenant.ScenarioReadOnly})
	h.openConnection("Northwind")
	h.selectUser("Megan Bowen")
	l := h.panel.users.details.licenses
	text := strings.Join(shownTexts(l.view()), "\n")
	if strings.Contains(text, "Could not") || strings.Contains(text, "403") {
		t.Errorf("the licenses area shows a raw error: %q", text)
	}
	if !strings.Contains(text, "The products to assign need the Organization.Read.All permission.") {
		t.Errorf("the licenses area reads %q, want one line naming the permission", text)
	}
}

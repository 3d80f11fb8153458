package ui

import (
	"strings"
	"testing"

	"github.com/entra-wizard/entra-wizard/demotenant"
)

func TestPanelRemovesAndAssignsALicense(t *testing.T) {
	h := newPanelHarness(t, demotenant.Options{})
	h.openConnection("Northwind")
	u := h.selectUser("Megan Bowen")
	l := h.panel.users.details.licenses
	h.waitFor("the licenses", func() bool { return len(l.skus) > 0 })

	const ems = "efccb6f7-5641-4e0e-bd10-b4976e1bf68e"
	remove := l.removes[ems]
	if remove == nil {
		t.Fatalf("Megan's EMS license is not listed; she has %+v", l.licenses)
	}
	tapPanel(t, remove)
	h.waitText("the status", func() string { return h.panel.users.details.status.Text }, "EMS removed")
	if panelHasLicense(t, h, u.ID, ems) {
		t.Fatal("the tenant still has the license assigned")
	}
	h.waitFor("the licenses to reload", func() bool { return l.removes[ems] == nil && len(l.picker.Options) > 0 })

	option := ""
	for _, o := range l.picker.Options {
		if strings.HasPrefix(o, "EMS (") {
			option = o
		}
	}
	if !strings.Contains(option, "free") {
		t.Fatalf("the products offered are %q", l.picker.Options)
	}
	l.picker.SetSelected(option)
	tapPanel(t, l.assign.button)
	h.waitText("the status", func() string { return h.panel.users.details.status.Text }, "EMS assigned")
	if !panelHasLicense(t, h, u.ID, ems) {
		t.Fatal("the tenant does not have the license assigned")
	}
}

func panelHasLicense(t *testing.T, h *panelHarness, userID, skuID string) bool {
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

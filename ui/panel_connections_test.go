package ui

import (
	"slices"
	"strings"
	"testing"

	"github.com/entra-wizard/entra-wizard/demotenant"
)

func (h *panelHarness) savedNames() []string {
	h.t.Helper()
	profiles, err := h.store.List()
	if err != nil {
		h.t.Fatal(err)
	}
	var names []string
	for _, p := range profiles {
		names = append(names, p.Name)
	}
	return names
}

func TestPanelRenamesAndRemovesConnections(t *testing.T) {
	h := newPanelHarness(t, demotenant.Options{})
	h.openConnection("Northwind")
	bar := h.panel.conn
	if !slices.Equal(bar.picker.Options, []string{"Northwind", "Spare"}) {
		t.Fatalf("the switcher offers %q", bar.picker.Options)
	}
	if !strings.Contains(bar.status.Text, "Connected to Northwind Traders") {
		t.Fatalf("the switcher says %q about the connection", bar.status.Text)
	}

	tapPanel(t, bar.rename)
	p := bar.renamePrompt
	p.entry.SetText("")
	if !p.ok.Disabled() {
		t.Fatal("an empty name can be saved")
	}
	typePanel(p.entry, "Northwind EU")
	tapPanel(t, p.ok)
	if got := h.savedNames(); !slices.Equal(got, []string{"Northwind EU", "Spare"}) {
		t.Fatalf("after renaming, the saved connections are %q", got)
	}
	if bar.picker.Selected != "Northwind EU" || h.panel.session.name != "Northwind EU" {
		t.Fatalf("the switcher shows %q", bar.picker.Selected)
	}

	tapPanel(t, bar.remove)
	tapPanel(t, bar.removeConfirm.confirm)
	if got := h.savedNames(); !slices.Equal(got, []string{"Spare"}) {
		t.Fatalf("after removing, the saved connections are %q", got)
	}
	if h.panel.session != nil || h.panel.tabs.Visible() {
		t.Fatal("the removed connection is still open")
	}

	bar.picker.SetSelected("Spare")
	h.waitFor("the other connection", func() bool { return h.panel.session != nil && h.panel.session.name == "Spare" })
}

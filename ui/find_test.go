package ui

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
)

// TestCtrlFGoesToThePanelsSearch checks Edit > Find is Ctrl+F and gives
// the keyboard to the panel's search box.
func TestCtrlFGoesToThePanelsSearch(t *testing.T) {
	info, store := appTenant(t)
	u := panelUI(t, info, store)

	find := menuItem(t, u, "Edit", 0)
	want := &desktop.CustomShortcut{KeyName: fyne.KeyF, Modifier: fyne.KeyModifierShortcutDefault}
	if find.Shortcut == nil || find.Shortcut.ShortcutName() != want.ShortcutName() {
		t.Fatalf("Find's shortcut is %v, want Ctrl+F", find.Shortcut)
	}
	find.Action()
	if f := u.Window().Canvas().Focused(); f == nil || f != u.panel.SearchField() {
		t.Fatalf("after Find the keyboard is on %v, not in the search box", f)
	}
}

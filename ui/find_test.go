package ui

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"
)

// TestCtrlFGoesToThePanelsSearch checks Edit > Find is Ctrl+F and gives
// the keyboard to the panel's search box.
func TestCtrlFGoesToThePanelsSearch(t *testing.T) {
	info, store := appTenant(t)
	if _, err := store.Save(appSecretProfile(info, "Northwind")); err != nil {
		t.Fatal(err)
	}
	q := newQueue()
	u := newUI(test.NewTempApp(t), Deps{Store: store}, q.do)
	q.until(t, "the panel to open the connection", func() bool { name, _ := u.panel.Current(); return name != "" })
	defer u.panel.Wait()
	defer u.panel.Close()

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

package panel

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/entra-wizard/entra-wizard/demotenant"
	"github.com/entra-wizard/entra-wizard/ui/kit/kittest"
)

// dialogOpen reports whether a dialog shows over the window.
func (h *harness) dialogOpen() bool { return h.win.Canvas().Overlays().Top() != nil }

// TestPanelDialogsWorkFromTheKeyboard deletes a user, renames nothing and
// creates a group with the keyboard alone: each dialog opens with the
// keyboard in its field, Enter runs its default button and Escape closes
// it, also when a button of the dialog has the keyboard.
func TestPanelDialogsWorkFromTheKeyboard(t *testing.T) {
	h := newHarness(t, demotenant.Options{})
	h.openConnection("Northwind")
	u := h.selectUser("Megan Bowen")
	c := h.win.Canvas()

	d := h.panel.users.details
	tapPanel(t, d.remove.button)
	if c.Focused() != d.deleteConfirm.name {
		t.Fatalf("the delete dialog opens with the keyboard on %v, not in the name field", c.Focused())
	}
	kittest.TypeText(t, c, "Megan Bowen")
	kittest.PressKey(c, fyne.KeyReturn)
	h.waitText("the details pane", func() string { return d.empty.Text }, "was deleted")
	if _, err := h.client.User(t.Context(), u.ID); !errorIsNotFound(err) {
		t.Fatalf("after Enter in the delete dialog, reading the user: %v, want not found", err)
	}
	if h.dialogOpen() {
		t.Error("the delete dialog stays open after Enter")
	}

	bar := h.panel.conn
	tapPanel(t, bar.rename)
	if c.Focused() != bar.renamePrompt.entry {
		t.Fatalf("the rename dialog opens with the keyboard on %v, not in its field", c.Focused())
	}
	kittest.PressKey(c, fyne.KeyEscape)
	if h.dialogOpen() {
		t.Fatal("Escape in the rename field does not close the dialog")
	}
	tapPanel(t, bar.rename)
	test.FocusNext(c)
	if c.Focused() != bar.renamePrompt.cancel {
		t.Fatalf("Tab from the rename field goes to %v, not to Cancel", c.Focused())
	}
	kittest.PressKey(c, fyne.KeyEscape)
	if h.dialogOpen() {
		t.Fatal("Escape on the rename dialog's button does not close it")
	}
	if names := h.savedNames(); names[0] != "Northwind" {
		t.Errorf("closing the rename dialog renamed the connection: %v", names)
	}

	h.panel.tabs.SelectIndex(1)
	g := h.panel.groups
	tapPanel(t, g.create.button)
	kittest.TypeText(t, c, "Keyboard people")
	kittest.PressKey(c, fyne.KeyReturn)
	h.waitFor("the new group", func() bool { return g.details.group.DisplayName == "Keyboard people" })
	if h.dialogOpen() {
		t.Error("the new group dialog stays open after it created the group")
	}
}

// TestPanelListTakesTheKeyboardAsOneStop tabs through the users tab: the
// list is one Tab stop, not one per row's check box, and Enter or Space
// on a row opens that user's details. Ctrl+F's search field is the tab's.
func TestPanelListTakesTheKeyboardAsOneStop(t *testing.T) {
	h := newHarness(t, demotenant.Options{})
	h.openConnection("Northwind")
	c := h.win.Canvas()
	l := h.panel.users.list
	if h.panel.SearchField() != l.search {
		t.Fatal("the users tab's search field is not the one Ctrl+F goes to")
	}
	c.Focus(l.search)
	stops := 0
	for {
		test.FocusNext(c)
		stops++
		if c.Focused() == l.list || stops > 40 {
			break
		}
	}
	if c.Focused() != l.list {
		t.Fatalf("Tab from the search field does not reach the users list in %d stops", stops)
	}
	// The tab's buttons come first; a stop per row's check box would be
	// dozens more.
	if stops > 10 {
		t.Errorf("Tab takes %d stops from the search field to the list", stops)
	}
	for range 3 {
		test.FocusNext(c)
		if _, ok := c.Focused().(*widget.Check); ok {
			t.Fatal("Tab stops at a row's check box")
		}
	}

	c.Focus(l.list)
	for row, key := range []fyne.KeyName{fyne.KeyReturn, fyne.KeySpace} {
		kittest.PressKey(c, fyne.KeyDown) // to the next row
		kittest.PressKey(c, key)
		if l.selected != row+1 {
			t.Fatalf("%s on row %d selects row %d", key, row+1, l.selected)
		}
		if d := h.panel.users.details; d.user.ID != l.items[row+1].ID {
			t.Fatalf("%s on %s's row shows %q's details", key, l.items[row+1].DisplayName, d.user.DisplayName)
		}
	}
}

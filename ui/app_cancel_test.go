package ui

import (
	"slices"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/entra-wizard/entra-wizard/ui/kit"
)

// TestAddConnectionCanBeCancelledBackToThePanel opens the wizard from the
// panel's "Add connection" and leaves it, once with Cancel after a few
// steps and once with Escape on its first page: each time the panel is
// back on the same connection and nothing new is saved.
func TestAddConnectionCanBeCancelledBackToThePanel(t *testing.T) {
	info, store := appTenant(t)
	if _, err := store.Save(appSecretProfile(info, "Northwind")); err != nil {
		t.Fatal(err)
	}
	q := newQueue()
	u := newUI(test.NewTempApp(t), Deps{Store: store}, q.do)
	opened := func() bool { name, _ := u.panel.Current(); return name == "Northwind" }
	q.until(t, "the panel to open the connection", opened)

	for _, how := range []string{"Cancel", "Escape"} {
		before := u.panel
		test.Tap(findButton(t, u.win.Content(), "Add connection"))
		before.Wait()
		if u.wizard == nil || u.win.Content() != u.wizard.Content() {
			t.Fatal("Add connection did not open the wizard")
		}
		switch how {
		case "Cancel":
			chooseFirst(u.win.Content(), "I'll register the app myself")
			test.Tap(findButton(t, u.win.Content(), "Start"))
			walk(u.win.Content(), func(o fyne.CanvasObject) {
				if r, ok := o.(*kit.Radio); ok {
					r.SetSelected("App registration with a client secret")
				}
			})
			test.Tap(findButton(t, u.win.Content(), "Next"))
			test.Tap(visibleButton(t, u.win.Content(), "Cancel"))
		case "Escape":
			u.win.Canvas().OnTypedKey()(&fyne.KeyEvent{Name: fyne.KeyEscape})
		}
		if u.panel == nil || u.wizard != nil || u.win.Content() != u.panel.Content() {
			t.Fatalf("after %s the panel is not shown", how)
		}
		q.until(t, "the panel to open the connection again", opened)
		if profiles, err := store.List(); err != nil || len(profiles) != 1 {
			t.Errorf("after %s the saved connections are %v (%v)", how, profiles, err)
		}
	}
	u.panel.Close()
	u.panel.Wait()
}

// visibleButton is the button with the text that a person can see and
// press.
func visibleButton(t *testing.T, root fyne.CanvasObject, text string) button {
	t.Helper()
	var found button
	walk(root, func(o fyne.CanvasObject) {
		if b, ok := o.(*widget.Button); ok && b.Text == text && b.Visible() && !b.Disabled() && found == nil {
			found = b
		}
		if b, ok := o.(*kit.Button); ok && b.Text == text && b.Visible() && !b.Disabled() && found == nil {
			found = b
		}
	})
	if found == nil {
		t.Fatalf("no %q button to press", text)
	}
	return found
}

// chooseFirst picks option in the page's choices, as the admin does on the
// wizard's first page.
func chooseFirst(content fyne.CanvasObject, option string) {
	walk(content, func(o fyne.CanvasObject) {
		if r, ok := o.(*kit.Radio); ok && slices.Contains(r.Options, option) {
			r.SetSelected(option)
		}
	})
}

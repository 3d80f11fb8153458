package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/entra-wizard/entra-wizard/buildinfo"
	"github.com/entra-wizard/entra-wizard/ui/kit/kittest"
)

func TestHelpMenuOpensAboutWithTheBuild(t *testing.T) {
	saved := buildinfo.Version
	t.Cleanup(func() { buildinfo.Version = saved })
	buildinfo.Version = "v3.2.1"
	_, store := appTenant(t)
	u := New(test.NewTempApp(t), Deps{Store: store})

	item := menuItem(t, u, "Help", 0)
	if !strings.HasPrefix(item.Label, "About") {
		t.Fatalf("the Help menu's entry is %q, want About", item.Label)
	}
	item.Action()
	if u.about == nil {
		t.Fatal("choosing About opened nothing")
	}
	var texts []string
	for _, o := range test.LaidOutObjects(u.Window().Canvas().Overlays().Top()) {
		if l, ok := o.(*widget.Label); ok {
			texts = append(texts, l.Text)
		}
	}
	all := strings.Join(texts, "\n")
	info := buildinfo.Read()
	for _, want := range []string{"Version v3.2.1", "Commit " + info.ShortCommit(), "Go " + info.Go, "Fyne " + info.Fyne} {
		if !strings.Contains(all, want) {
			t.Errorf("the About box lacks %q; it shows:\n%s", want, all)
		}
	}
}

// TestAboutClosesWithEscapeAndEnter opens the About box from the Help menu
// and closes it from the keyboard, first with Escape, then with Enter.
func TestAboutClosesWithEscapeAndEnter(t *testing.T) {
	_, store := appTenant(t)
	u := New(test.NewTempApp(t), Deps{Store: store})
	c := u.Window().Canvas()
	about := menuItem(t, u, "Help", 0)
	for _, key := range []fyne.KeyName{fyne.KeyEscape, fyne.KeyReturn} {
		about.Action()
		if c.Overlays().Top() == nil {
			t.Fatal("choosing About opened nothing")
		}
		kittest.PressKey(c, key)
		if c.Overlays().Top() != nil {
			t.Fatalf("%s leaves the About box open", key)
		}
	}
}

// menuItem is the i-th entry of the window's menu called menu.
func menuItem(t *testing.T, u *UI, menu string, i int) *fyne.MenuItem {
	t.Helper()
	if m := u.Window().MainMenu(); m != nil {
		for _, it := range m.Items {
			if it.Label == menu && i < len(it.Items) {
				return it.Items[i]
			}
		}
	}
	t.Fatalf("the window has no %s menu with an entry %d", menu, i)
	return nil
}

// TestHelpMenuLinksTheDocumentationAndSaysWhereSettingsLive: Help opens
// the documentation in the browser, and About names the settings file.
func TestHelpMenuLinksTheDocumentationAndSaysWhereSettingsLive(t *testing.T) {
	_, store := appTenant(t)
	var opened []string
	u := New(test.NewTempApp(t), Deps{Store: store, OpenURL: func(s string) error { opened = append(opened, s); return nil }})
	docs := menuItem(t, u, "Help", 1)
	if docs.Label != "Documentation" {
		t.Fatalf("the Help menu's second entry is %q", docs.Label)
	}
	docs.Action()
	if len(opened) != 1 || !strings.HasPrefix(opened[0], "https://github.com/entra-wizard/entra-wizard") {
		t.Fatalf("opened %q", opened)
	}
	menuItem(t, u, "Help", 0).Action()
	var all string
	for _, o := range test.LaidOutObjects(u.Window().Canvas().Overlays().Top()) {
		if l, ok := o.(*widget.Label); ok {
			all += l.Text + "\n"
		}
	}
	if !strings.Contains(all, store.SettingsFile()) {
		t.Errorf("About does not say where the settings live:\n%s", all)
	}
}

package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/entra-wizard/entra-wizard/buildinfo"
)

func TestHelpMenuOpensAboutWithTheBuild(t *testing.T) {
	saved := buildinfo.Version
	t.Cleanup(func() { buildinfo.Version = saved })
	buildinfo.Version = "v3.2.1"
	_, store := appTenant(t)
	u := New(test.NewTempApp(t), Deps{Store: store})

	menu := u.Window().MainMenu()
	if menu == nil || len(menu.Items) == 0 || menu.Items[0].Label != "Help" {
		t.Fatal("the window has no Help menu")
	}
	item := menu.Items[0].Items[0]
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

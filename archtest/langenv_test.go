package archtest

import (
	"slices"
	"strings"
	"testing"
)

// goLocale is the package through which Fyne's lang package reads the
// locale in its init.
const goLocale = "github.com/jeandeaual/go-locale"

// TestLangenvInitialisesBeforeFyneReadsTheLocale keeps internal/langenv
// first in Go's initialisation order ahead of Fyne's locale lookup: its
// import path sorts before go-locale's, and it imports nothing go-locale
// does not, so it is ready to initialise whenever go-locale is.
func TestLangenvInitialisesBeforeFyneReadsTheLocale(t *testing.T) {
	langenv := module + "/internal/langenv"
	if langenv >= goLocale {
		t.Errorf("%s sorts after %s: Go may initialise it too late", langenv, goLocale)
	}
	own := imports(t, langenv)
	theirs := imports(t, goLocale)
	if len(own) == 0 || len(theirs) == 0 {
		t.Fatalf("go list found no imports (%v, %v); the listing is broken", own, theirs)
	}
	for _, p := range own {
		if !slices.Contains(theirs, p) {
			t.Errorf("%s imports %s, which %s does not: it may be initialised after Fyne reads the locale", langenv, p, goLocale)
		}
	}
	if !slices.Contains(imports(t, module), langenv) {
		t.Errorf("main does not import %s", langenv)
	}
}

// imports lists the packages pkg imports directly (its tests aside).
func imports(t *testing.T, pkg string) []string {
	t.Helper()
	lines := goList(t, "-f", "{{join .Imports \",\"}}", pkg)
	if len(lines) != 1 {
		return nil
	}
	return strings.Split(lines[0], ",")
}

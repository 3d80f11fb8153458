package archtest

import (
	"slices"
	"strings"
	"testing"
)

// isUIPackage says whether pkg may depend on Fyne: the window shell, its
// screen packages, the LDAP screens, the bundled assets, main, the
// screenshot scripts and the Fyne hello world the start benchmark runs.
func isUIPackage(pkg string) bool {
	rel := strings.TrimPrefix(strings.TrimPrefix(pkg, module), "/")
	return rel == "" || (rel == "ui" || strings.HasPrefix(rel, "ui/")) && rel != "ui/setupwizard/flow" || rel == "assets" ||
		strings.HasPrefix(rel, "scripts/") || rel == "internal/hellofyne"
}

func TestOnlyUIPackagesDependOnFyne(t *testing.T) {
	lines := goList(t, "-deps=false", "-f", "{{.ImportPath}}={{join .Deps \",\"}}", module+"/...")
	if len(lines) < 10 {
		t.Fatalf("go list found only %d packages in the module", len(lines))
	}
	for _, line := range lines {
		pkg, deps, _ := strings.Cut(line, "=")
		if isUIPackage(pkg) {
			continue
		}
		if fyne := matching(strings.Split(deps, ","), "fyne.io/"); len(fyne) > 0 {
			t.Errorf("%s depends on Fyne (%s…); only the ui packages may", pkg, fyne[0])
		}
	}
}

func TestWizardScreensAndPanelDoNotImportEachOther(t *testing.T) {
	for pkg, forbidden := range map[string][]string{
		"ui/setupwizard": {"ui/panel", "ui"},
		"ui/panel":       {"ui/setupwizard", "ui"},
		"ui":             {"demotenant"},
	} {
		deps := goList(t, "-deps", module+"/"+pkg)
		if len(deps) < 2 {
			t.Fatalf("go list found %d dependencies of %s; the listing is broken", len(deps), pkg)
		}
		for _, f := range forbidden {
			if slices.Contains(deps, module+"/"+f) {
				t.Errorf("%s depends on %s", pkg, f)
			}
		}
	}
}

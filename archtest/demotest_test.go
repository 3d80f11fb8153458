package archtest

import (
	"strings"
	"testing"
)

// The tests' demo tenant helper, like the tenant itself, stands on the
// standard library alone: a test through it runs the real clients and
// nothing of the program besides.
func TestDemotestUsesTheStandardLibraryAndTheDemoTenantOnly(t *testing.T) {
	pkg := module + "/demotenant/demotest"
	deps := goList(t, "-deps", "-f", "{{if not .Standard}}{{.ImportPath}}{{end}}", pkg)
	if len(deps) < 2 {
		t.Fatalf("go list found %d dependencies of %s; the listing is broken", len(deps), pkg)
	}
	for _, d := range deps {
		if d != module+"/demotenant" && !strings.HasPrefix(d, module+"/demotenant/") {
			t.Errorf("demotest depends on %s; it may use only the standard library and demotenant", d)
		}
	}
}

// Only tests start a demo tenant through demotest; the program itself
// never imports it.
func TestOnlyTestsImportDemotest(t *testing.T) {
	lines := goList(t, "-f", "{{.ImportPath}}={{join .Imports \",\"}}", module+"/...")
	if len(lines) < 10 {
		t.Fatalf("go list found only %d packages in the module", len(lines))
	}
	for _, line := range lines {
		pkg, imports, _ := strings.Cut(line, "=")
		for _, imp := range strings.Split(imports, ",") {
			if imp == module+"/demotenant/demotest" {
				t.Errorf("%s imports demotest; only tests may", pkg)
			}
		}
	}
}

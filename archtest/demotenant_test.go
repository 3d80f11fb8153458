package archtest

import (
	"strings"
	"testing"
)

// demoTenant is the demo tenant's root package, the only one the rest of
// the program may import; its subpackages hold its parts.
const demoTenant = module + "/demotenant"

// insideDemoTenant reports whether pkg is the demo tenant or one of its
// subpackages.
func insideDemoTenant(pkg string) bool {
	return pkg == demoTenant || strings.HasPrefix(pkg, demoTenant+"/")
}

func TestDemoTenantUsesTheStandardLibraryOnly(t *testing.T) {
	pkgs := goList(t, demoTenant+"/...")
	if len(pkgs) < 2 {
		t.Fatalf("go list found %v under demotenant; the listing is broken", pkgs)
	}
	for _, pkg := range pkgs {
		var beyond []string
		for _, dep := range goList(t, "-deps", "-f", "{{if not .Standard}}{{.ImportPath}}{{end}}", pkg) {
			if !insideDemoTenant(dep) {
				beyond = append(beyond, dep)
			}
		}
		if len(beyond) > 0 {
			t.Errorf("%s depends on %v beyond the standard library", pkg, beyond)
		}
	}
}

func TestOnlyTheDemoTenantsRootIsImportedFromOutside(t *testing.T) {
	// With -test the list has each package's test variants too: they are
	// named for the package they test, and its test binary for it plus
	// ".test".
	lines := goList(t, "-test", "-f", "{{with .ForTest}}{{.}}{{else}}{{.ImportPath}}{{end}}={{join .Imports \",\"}}", module+"/...")
	for _, line := range lines {
		pkg, imports, _ := strings.Cut(line, "=")
		if insideDemoTenant(strings.TrimSuffix(pkg, ".test")) {
			continue
		}
		for _, imp := range strings.Split(imports, ",") {
			if insideDemoTenant(imp) && imp != demoTenant && imp != demoTenant+"/demotest" {
				t.Errorf("%s imports %s; outside demotenant only the demotenant package and its test helper demotest are imported", pkg, imp)
			}
		}
	}
}

func TestInsideDemoTenant(t *testing.T) {
	for pkg, want := range map[string]bool{
		demoTenant:               true,
		demoTenant + "/odata":    true,
		demoTenant + "x":         false,
		module + "/graph":        false,
		"example.com/demotenant": false,
	} {
		if got := insideDemoTenant(pkg); got != want {
			t.Errorf("insideDemoTenant(%q) = %v, want %v", pkg, got, want)
		}
	}
}

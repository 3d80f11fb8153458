package archtest

import (
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// isUIPackage says whether pkg may depend on Fyne: the window shell, its
// screen packages, the LDAP screens, the bundled assets, main, the
// screenshot scripts and the Fyne hello world the start benchmark runs.
func isUIPackage(pkg string) bool {
	rel := strings.TrimPrefix(strings.TrimPrefix(pkg, module), "/")
	return rel == "" || rel == "ui" || strings.HasPrefix(rel, "ui/") || rel == "ldapui" || rel == "assets" ||
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

// engineOnly are what only the connection engine calls: endpoint
// resolution, token sources and opening Graph clients.
var engineOnly = []string{
	"oauth.EndpointsFor", "oauth.CustomEndpoints", "oauth.ClientCredentials", "oauth.RefreshTokenSource",
	"oauth.LoopbackLogin", "graph.New",
}

func TestOnlyTheEngineResolvesEndpointsAndBuildsTokenSources(t *testing.T) {
	dirs := goList(t, "-f", "{{.Dir}}", module+"/cli", module+"/ui/...")
	if len(dirs) < 4 {
		t.Fatalf("go list found only %d front-end packages", len(dirs))
	}
	for _, dir := range dirs {
		for _, use := range engineCalls(t, dir) {
			t.Errorf("%s uses %s; ask package connection instead", use.where, use.what)
		}
	}
}

type engineCall struct{ where, what string }

// engineCalls lists the uses of engineOnly in the non-test Go files of
// dir.
func engineCalls(t *testing.T, dir string) []engineCall {
	t.Helper()
	files, err := filepath.Glob(filepath.Join(dir, "*.go"))
	if err != nil {
		t.Fatal(err)
	}
	fset := token.NewFileSet()
	var found []engineCall
	for _, name := range files {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, name, nil, parser.SkipObjectResolution)
		if err != nil {
			t.Fatal(err)
		}
		ast.Inspect(f, func(n ast.Node) bool {
			sel, ok := n.(*ast.SelectorExpr)
			if !ok {
				return true
			}
			if pkg, ok := sel.X.(*ast.Ident); ok && slices.Contains(engineOnly, pkg.Name+"."+sel.Sel.Name) {
				found = append(found, engineCall{fset.Position(sel.Pos()).String(), pkg.Name + "." + sel.Sel.Name})
			}
			return true
		})
	}
	return found
}

func TestEngineCallsAreFound(t *testing.T) {
	dirs := goList(t, "-f", "{{.Dir}}", module+"/connection")
	if calls := engineCalls(t, dirs[0]); len(calls) < 4 {
		t.Errorf("the connection engine itself shows only %v; the search is broken", calls)
	}
}

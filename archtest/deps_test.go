package archtest

import (
	"bytes"
	"os/exec"
	"strings"
	"testing"
)

const module = "github.com/entra-wizard/entra-wizard"

// goList runs "go list" with args in the module and returns its output
// lines.
func goList(t *testing.T, args ...string) []string {
	t.Helper()
	goTool, err := exec.LookPath("go")
	if err != nil {
		t.Fatalf("the go command is needed to list dependencies: %v", err)
	}
	var stderr bytes.Buffer
	cmd := exec.Command(goTool, append([]string{"list"}, args...)...)
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("go list %s: %v\n%s", strings.Join(args, " "), err, stderr.String())
	}
	return strings.Fields(string(out))
}

// matching returns the paths that start with one of the prefixes.
func matching(paths []string, prefixes ...string) []string {
	var found []string
	for _, p := range paths {
		for _, prefix := range prefixes {
			if strings.HasPrefix(p, prefix) {
				found = append(found, p)
				break
			}
		}
	}
	return found
}

func TestEnginePackagesDoNotDependOnFyne(t *testing.T) {
	for _, pkg := range []string{"ui/setupwizard/flow", "oauth", "keystore", "graph", "demotenant", "cli", "ldapconn", "provision", "changefeed", "offboard", "userimport", "buildinfo", "console"} {
		t.Run(pkg, func(t *testing.T) {
			deps := goList(t, "-deps", module+"/"+pkg)
			// console has code only on Windows, so elsewhere it lists just
			// itself; every other package imports something.
			if len(deps) < 2 && pkg != "console" {
				t.Fatalf("go list found %d dependencies of %s; the listing is broken", len(deps), pkg)
			}
			if fyne := matching(deps, "fyne.io/"); len(fyne) > 0 {
				t.Errorf("%s depends on Fyne through %v; only ui, assets and main may", pkg, fyne)
			}
		})
	}
}

func TestOnlyGraphImportsTheGraphSDK(t *testing.T) {
	lines := goList(t, "-f", "{{.ImportPath}}={{join .Imports \",\"}}", module+"/...")
	if len(lines) < 8 {
		t.Fatalf("go list found only %d packages in the module", len(lines))
	}
	for _, line := range lines {
		pkg, imports, _ := strings.Cut(line, "=")
		if pkg == module+"/graph" {
			continue
		}
		sdk := matching(strings.Split(imports, ","),
			"github.com/microsoftgraph/", "github.com/microsoft/kiota-")
		if len(sdk) > 0 {
			t.Errorf("%s imports the Graph SDK (%v); keep it inside graph", pkg, sdk)
		}
	}
}

func TestOnlyLDAPConnImportsTheLDAPLibrary(t *testing.T) {
	lines := goList(t, "-f", "{{.ImportPath}}={{join .Imports \",\"}}", module+"/...")
	for _, line := range lines {
		pkg, imports, _ := strings.Cut(line, "=")
		if strings.HasPrefix(pkg, module+"/ldapconn") {
			continue
		}
		if lib := matching(strings.Split(imports, ","), "github.com/go-ldap/"); len(lib) > 0 {
			t.Errorf("%s imports the LDAP library (%v); keep it inside ldapconn", pkg, lib)
		}
	}
}

func TestKeystoreDoesNotDependOnLDAPConn(t *testing.T) {
	deps := goList(t, "-deps", module+"/keystore")
	if found := matching(deps, module+"/ldapconn", "github.com/go-ldap/"); len(found) > 0 {
		t.Errorf("keystore depends on %v; it keeps LDAP settings in its own types", found)
	}
}

func TestMatching(t *testing.T) {
	paths := []string{"fmt", "fyne.io/fyne/v2", "github.com/microsoft/kiota-http-go", "fyne.io/systray"}
	got := matching(paths, "fyne.io/", "github.com/microsoft/kiota-")
	want := []string{"fyne.io/fyne/v2", "github.com/microsoft/kiota-http-go", "fyne.io/systray"}
	if strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("matching = %v, want %v", got, want)
	}
}

func TestProvisionSitsBelowTheCommandLineAndTheWindow(t *testing.T) {
	imports := goList(t, "-f", "{{join .Imports \" \"}}", module+"/provision")
	if bad := matching(imports, module+"/cli", module+"/ui", module+"/demotenant"); len(bad) > 0 {
		t.Errorf("provision imports %v; the command line and the window use it, not the other way round", bad)
	}
}

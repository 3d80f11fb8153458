package archtest

import (
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
)

const (
	oauthPkg  = module + "/oauth"
	graphPkg  = module + "/graph"
	xoauth2   = "golang.org/x/oauth2"
	xclientcc = "golang.org/x/oauth2/clientcredentials"
)

// signsIn are the ways to get tokens: client credentials, a browser
// sign-in, refresh tokens, and x/oauth2's own configs. Only the connection
// engine (and oauth, which defines them) may use them; provision's
// administrator sign-in goes through the engine too (Engine.SignInOnce).
var signsIn = []string{
	oauthPkg + ".ClientCredentials", oauthPkg + ".LoopbackLogin", oauthPkg + ".RefreshTokenSource",
	xoauth2 + ".Config", xoauth2 + ".NewClient", xclientcc + ".Config",
}

// wrapsTokens turn tokens already in hand into a token source; graph may
// also use them, to cache the source it is given and to reuse a token it
// was handed.
var wrapsTokens = []string{xoauth2 + ".StaticTokenSource", xoauth2 + ".ReuseTokenSource", xoauth2 + ".ReuseTokenSourceWithExpiry"}

// frontEndOnly are what the command line, the window, the wizard's steps,
// setup and the change feed leave to the engine: choosing endpoints and opening Graph clients.
var frontEndOnly = []string{oauthPkg + ".EndpointsFor", oauthPkg + ".CustomEndpoints", graphPkg + ".New"}

func TestOnlyTheEngineBuildsTokenSources(t *testing.T) {
	pkgs := goList(t, "-f", "{{.ImportPath}}={{.Dir}}", module+"/...")
	if len(pkgs) < 10 {
		t.Fatalf("go list found only %d packages in the module", len(pkgs))
	}
	for _, line := range pkgs {
		pkg, dir, _ := strings.Cut(line, "=")
		banned := append(slices.Clone(signsIn), wrapsTokens...)
		switch pkg {
		case module + "/connection", oauthPkg:
			continue
		case graphPkg:
			banned = signsIn
		}
		for _, use := range usesOf(t, dir, banned) {
			t.Errorf("%s uses %s; only package connection builds token sources", use.where, use.what)
		}
	}
}

func TestOnlyTheEngineResolvesEndpointsAndOpensGraph(t *testing.T) {
	dirs := goList(t, "-f", "{{.Dir}}", module+"/cli", module+"/ui/...", module+"/provision", module+"/changefeed", module+"/userimport", module+"/ui/setupwizard/flow")
	if len(dirs) < 7 {
		t.Fatalf("go list found only %d front-end packages", len(dirs))
	}
	for _, dir := range dirs {
		for _, use := range usesOf(t, dir, frontEndOnly) {
			t.Errorf("%s uses %s; ask package connection instead", use.where, use.what)
		}
	}
}

type use struct{ where, what string }

// usesOf lists where the non-test Go files of dir (whatever their build
// tags) refer to one of names, each "import/path.Name", however the
// import is named in the file.
func usesOf(t *testing.T, dir string, names []string) []use {
	t.Helper()
	var found []use
	for _, f := range parseDir(t, dir) {
		local := importNames(f.file)
		ast.Inspect(f.file, func(n ast.Node) bool {
			sel, ok := n.(*ast.SelectorExpr)
			if !ok {
				return true
			}
			if id, ok := sel.X.(*ast.Ident); ok && local[id.Name] != "" {
				if what := local[id.Name] + "." + sel.Sel.Name; slices.Contains(names, what) {
					found = append(found, use{f.fset.Position(sel.Pos()).String(), what})
				}
			}
			return true
		})
	}
	return found
}

type parsedFile struct {
	fset *token.FileSet
	file *ast.File
}

// parseDir parses the non-test Go files of dir, whatever their build tags.
func parseDir(t *testing.T, dir string) []parsedFile {
	t.Helper()
	names, err := filepath.Glob(filepath.Join(dir, "*.go"))
	if err != nil {
		t.Fatal(err)
	}
	fset := token.NewFileSet()
	var files []parsedFile
	for _, name := range names {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, name, nil, parser.SkipObjectResolution)
		if err != nil {
			t.Fatal(err)
		}
		files = append(files, parsedFile{fset, f})
	}
	return files
}

// importNames maps the names a file gives its imports to their paths.
func importNames(f *ast.File) map[string]string {
	names := map[string]string{}
	for _, imp := range f.Imports {
		path, err := strconv.Unquote(imp.Path.Value)
		if err != nil {
			continue
		}
		name := path[strings.LastIndex(path, "/")+1:]
		if imp.Name != nil {
			name = imp.Name.Name
		}
		names[name] = path
	}
	return names
}

func TestEngineUsesAreFound(t *testing.T) {
	dirs := goList(t, "-f", "{{.Dir}}", module+"/connection")
	if found := usesOf(t, dirs[0], append(slices.Clone(signsIn), wrapsTokens...)); len(found) < 4 {
		t.Errorf("the connection engine itself shows only %v; the search is broken", found)
	}
	if found := usesOf(t, dirs[0], frontEndOnly); len(found) < 2 {
		t.Errorf("the connection engine itself shows only %v; the search is broken", found)
	}
}

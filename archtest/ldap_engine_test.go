package archtest

import (
	"go/ast"
	"go/token"
	"slices"
	"strings"
	"testing"
)

const (
	keystorePkg = module + "/keystore"
	ldapconnPkg = module + "/ldapconn"
)

// ldapEngineOnly are what the front ends leave to the connection engine for
// a secure LDAP connection: the saved form of its settings (the mapping
// between a saved connection and ldapconn's settings), and testing and
// opening it.
var ldapEngineOnly = []string{keystorePkg + ".LDAPSettings", ldapconnPkg + ".Test", ldapconnPkg + ".Open", ldapconnPkg + ".OpenReconnecting"}

// frontEnds are the command line and every package of the window.
func frontEnds(t *testing.T) []string {
	t.Helper()
	dirs := goList(t, "-f", "{{.Dir}}", module+"/cli", module+"/ui/...")
	if len(dirs) < 5 {
		t.Fatalf("go list found only %d front-end packages", len(dirs))
	}
	return dirs
}

func TestFrontEndsLeaveLDAPConnectionsToTheEngine(t *testing.T) {
	fields := ldapSettingsFields(t)
	for _, dir := range frontEnds(t) {
		for _, use := range usesOf(t, dir, ldapEngineOnly) {
			t.Errorf("%s uses %s; ask package connection instead (LDAPProfile, LDAPSettings, TestLDAP, TestSavedLDAP, OpenLDAP)", use.where, use.what)
		}
		for _, where := range savedLDAPFieldReads(t, dir, fields) {
			t.Errorf("%s reads a saved connection's LDAP settings; connection.LDAPSettings maps them", where)
		}
	}
}

// TestTheKindOfASavedConnectionIsDecidedOnce keeps the test "is it secure
// LDAP?" in keystore.Profile.IsLDAP: no other package compares a method
// with keystore.MethodLDAP. The setup flow is the one exception: it compares
// the method the admin is choosing, before there is any saved connection.
func TestTheKindOfASavedConnectionIsDecidedOnce(t *testing.T) {
	for _, line := range goList(t, "-f", "{{.ImportPath}}={{.Dir}}", module+"/...") {
		pkg, dir, _ := strings.Cut(line, "=")
		if pkg == keystorePkg || pkg == module+"/ui/setupwizard/flow" {
			continue
		}
		for _, where := range comparisonsWith(t, pkg, dir, keystorePkg, "MethodLDAP") {
			t.Errorf("%s compares with keystore.MethodLDAP; ask the profile's IsLDAP", where)
		}
	}
}

func TestLDAPEngineUsesAreFound(t *testing.T) {
	conn := goList(t, "-f", "{{.Dir}}", module+"/connection")[0]
	if found := usesOf(t, conn, ldapEngineOnly); len(found) < 3 {
		t.Errorf("the connection engine itself shows only %v; the search is broken", found)
	}
	ks := goList(t, "-f", "{{.Dir}}", keystorePkg)[0]
	if found := savedLDAPFieldReads(t, ks, ldapSettingsFields(t)); len(found) < 2 {
		t.Errorf("keystore itself shows only %v reads of saved LDAP settings; the search is broken", found)
	}
	if found := comparisonsWith(t, keystorePkg, ks, keystorePkg, "MethodLDAP"); len(found) < 2 {
		t.Errorf("keystore itself shows only %v comparisons with MethodLDAP; the search is broken", found)
	}
}

// ldapSettingsFields are the field names of keystore.LDAPSettings, read from
// keystore's source.
func ldapSettingsFields(t *testing.T) []string {
	t.Helper()
	var fields []string
	for _, f := range parseDir(t, goList(t, "-f", "{{.Dir}}", keystorePkg)[0]) {
		ast.Inspect(f.file, func(n ast.Node) bool {
			ts, ok := n.(*ast.TypeSpec)
			if !ok || ts.Name.Name != "LDAPSettings" {
				return true
			}
			for _, field := range ts.Type.(*ast.StructType).Fields.List {
				for _, name := range field.Names {
					fields = append(fields, name.Name)
				}
			}
			return false
		})
	}
	if len(fields) < 4 {
		t.Fatalf("keystore.LDAPSettings has only the fields %v; the search is broken", fields)
	}
	return fields
}

// savedLDAPFieldReads lists where the non-test Go files of dir read one of
// fields through a profile's LDAP settings: x.LDAP.Field.
func savedLDAPFieldReads(t *testing.T, dir string, fields []string) []string {
	t.Helper()
	var found []string
	for _, f := range parseDir(t, dir) {
		ast.Inspect(f.file, func(n ast.Node) bool {
			sel, ok := n.(*ast.SelectorExpr)
			if !ok || !slices.Contains(fields, sel.Sel.Name) {
				return true
			}
			if inner, ok := sel.X.(*ast.SelectorExpr); ok && inner.Sel.Name == "LDAP" {
				found = append(found, f.fset.Position(sel.Pos()).String())
			}
			return true
		})
	}
	return found
}

// comparisonsWith lists where the non-test Go files of dir, package pkg,
// compare (== or !=, or a case) with the constant name of package of:
// of.name however the import is named, or name within of itself.
func comparisonsWith(t *testing.T, pkg, dir, of, name string) []string {
	t.Helper()
	var found []string
	for _, f := range parseDir(t, dir) {
		local := importNames(f.file)
		is := func(e ast.Expr) bool {
			switch e := e.(type) {
			case *ast.Ident:
				return pkg == of && e.Name == name
			case *ast.SelectorExpr:
				id, ok := e.X.(*ast.Ident)
				return ok && local[id.Name] == of && e.Sel.Name == name
			}
			return false
		}
		ast.Inspect(f.file, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.BinaryExpr:
				if (n.Op == token.EQL || n.Op == token.NEQ) && (is(n.X) || is(n.Y)) {
					found = append(found, f.fset.Position(n.Pos()).String())
				}
			case *ast.CaseClause:
				if slices.ContainsFunc(n.List, is) {
					found = append(found, f.fset.Position(n.Pos()).String())
				}
			}
			return true
		})
	}
	return found
}

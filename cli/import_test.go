package cli

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// importFile writes a bulk-create file of n new users of domain, without
// passwords, plus extra lines, and returns its path.
func importFile(t *testing.T, domain string, n int, extra ...string) string {
	t.Helper()
	var b strings.Builder
	b.WriteString("version:v1.0\nName [displayName] Required,User name [userPrincipalName] Required," +
		"Initial password [passwordProfile] Required,Block sign in (Yes/No) [accountEnabled] Required,Usage location [usageLocation]\n")
	for i := range n {
		fmt.Fprintf(&b, "Import %d,import.%d@%s,,No,GB\n", i, i, domain)
	}
	for _, line := range extra {
		b.WriteString(line + "\n")
	}
	path := filepath.Join(t.TempDir(), "users.csv")
	if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

func decodeImportRows(t *testing.T, out string) []importRow {
	t.Helper()
	var rows []importRow
	if err := json.Unmarshal([]byte(out), &rows); err != nil {
		t.Fatalf("output is not a JSON array: %v\n%s", err, out)
	}
	return rows
}

func TestImportUsersOnceKeepingThePasswords(t *testing.T) {
	f := exportFixture(t)
	domain := f.info.TenantDomain
	file := importFile(t, domain, 25, "Outsider,someone@fabrikam.example,,No,GB", "Twice,IMPORT.3@"+domain+",,No,GB")
	dir := t.TempDir()

	refused := f.run(t, runImport, "", "users", "--name", "northwind", "--file", file)
	if refused.code != 2 || !strings.Contains(refused.stderr, "--passwords-out") || !strings.Contains(refused.stderr, "nothing was created") {
		t.Fatalf("without --passwords-out: exit %d\n%s", refused.code, refused.stderr)
	}
	dry := f.run(t, runImport, "", "users", "--name", "northwind", "--file", file, "--dry-run", "--json")
	rows := decodeImportRows(t, dry.stdout)
	if dry.code != 1 || len(rows) != 27 || rows[0].Status != "ready" || rows[25].Status != "invalid" || rows[26].Status != "invalid" {
		t.Fatalf("dry run: exit %d, %d rows, %+v", dry.code, len(rows), rows)
	}
	if !strings.Contains(rows[25].Message, "not one of the tenant's verified domains") || !strings.Contains(rows[26].Message, "already on line 6") {
		t.Errorf("invalid rows: %q, %q", rows[25].Message, rows[26].Message)
	}

	passwords := filepath.Join(dir, "passwords.csv")
	run := f.run(t, runImport, "", "users", "--name", "northwind", "--file", file, "--passwords-out", passwords)
	if run.code != 1 || !strings.Contains(run.stderr, "Created 25 users; 0 already existed, 2 rows have problems, 0 failed.") {
		t.Fatalf("import: exit %d\n%s", run.code, run.stderr)
	}
	if lines := strings.Split(strings.TrimSpace(run.stdout), "\n"); len(lines) != 27 || lines[0] != "line 3\timport.0@"+domain+"\tcreated" {
		t.Errorf("per-row lines: %q", lines)
	}
	info, err := os.Stat(passwords)
	if err != nil || info.Mode().Perm() != 0o600 {
		t.Fatalf("passwords file: %v, %v", info, err)
	}
	data, _ := os.ReadFile(passwords)
	kept := strings.Split(strings.TrimSpace(string(data)), "\n")
	if len(kept) != 26 {
		t.Fatalf("%d lines in the passwords file", len(kept))
	}
	for _, line := range kept[1:] {
		pw := line[strings.LastIndex(line, ",")+1:]
		if strings.Contains(run.stdout, pw) || strings.Contains(run.stderr, pw) {
			t.Fatal("a generated password was printed")
		}
	}

	again := f.run(t, runImport, "", "users", "--name", "northwind", "--file", file, "--json")
	rows = decodeImportRows(t, again.stdout)
	if again.code != 1 || rows[0].Status != "already exists" || rows[24].Status != "already exists" || !strings.Contains(again.stderr, "Created 0 users; 25 already existed") {
		t.Errorf("second run: exit %d, %+v\n%s", again.code, rows[0], again.stderr)
	}
	if reused := f.run(t, runImport, "", "users", "--name", "northwind", "--file", importFile(t, domain, 1, "New One,new.one@"+domain+",,No,GB"),
		"--passwords-out", passwords); reused.code != 2 || !strings.Contains(reused.stderr, "already exists: choose a new file") {
		t.Errorf("an existing passwords file: exit %d\n%s", reused.code, reused.stderr)
	}
}

func TestImportUsersExitCodes(t *testing.T) {
	f := exportFixture(t)
	good := importFile(t, f.info.TenantDomain, 0, "Given,given@"+f.info.TenantDomain+",Given-Pass-2026,Yes,")
	if res := f.run(t, runImport, "", "users", "--name", "northwind", "--file", good); res.code != 0 || !strings.Contains(res.stdout, "\tcreated") ||
		strings.Contains(res.stderr, "Not imported") {
		t.Errorf("a valid file: exit %d\n%s%s", res.code, res.stdout, res.stderr)
	}
	address := filepath.Join(t.TempDir(), "address.csv")
	if err := os.WriteFile(address, []byte("[displayName],[userPrincipalName],[passwordProfile],[accountEnabled],Street address [streetAddress],Badge\n"+
		"Addressed,addressed@"+f.info.TenantDomain+",Given-Pass-2026,No,Main St 1,42\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if res := f.run(t, runImport, "", "users", "--name", "northwind", "--file", address, "--dry-run"); res.code != 0 ||
		!strings.Contains(res.stderr, "Not imported (set them later in the admin center): Street address [streetAddress], Badge.") {
		t.Errorf("columns not imported: exit %d\n%s", res.code, res.stderr)
	}
	latin1 := filepath.Join(t.TempDir(), "latin1.csv")
	if err := os.WriteFile(latin1, []byte("[displayName],[userPrincipalName],[passwordProfile],[accountEnabled]\nZo\xeb,zoe@x.example,,No\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	for name, args := range map[string][]string{
		"no file":      {"users", "--name", "northwind"},
		"not users":    {"groups", "--name", "northwind", "--file", good},
		"no name":      {"users", "--file", good},
		"missing file": {"users", "--name", "northwind", "--file", filepath.Join(t.TempDir(), "none.csv")},
		"ISO-8859-1":   {"users", "--name", "northwind", "--file", latin1},
		"extra":        {"users", "extra", "--name", "northwind", "--file", good},
	} {
		res := f.run(t, runImport, "", args...)
		if res.code != 2 || res.stdout != "" {
			t.Errorf("%s: exit %d, stdout %q, stderr %q", name, res.code, res.stdout, res.stderr)
		}
		if name == "ISO-8859-1" && !strings.Contains(res.stderr, "UTF-8") {
			t.Errorf("ISO-8859-1: %q", res.stderr)
		}
	}
	if res := f.run(t, runImport, "", "--help"); res.code != 0 || !strings.Contains(res.stdout, "--passwords-out") {
		t.Errorf("help: exit %d", res.code)
	}
}

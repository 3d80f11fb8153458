package cli

import (
	"encoding/csv"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/entra-wizard/entra-wizard/demotenant"
)

// exportFixture is a demo tenant with its main app saved as "northwind".
func exportFixture(t *testing.T) *connectFixture {
	t.Helper()
	f := newConnectFixture(t, demotenant.Options{})
	if res := f.connectSecret(t, "northwind", f.info.ClientID, f.info.ClientSecret); res.code != 0 {
		t.Fatalf("connect: %d\n%s%s", res.code, res.stdout, res.stderr)
	}
	return f
}

func readCSV(t *testing.T, text string) [][]string {
	t.Helper()
	rows, err := csv.NewReader(strings.NewReader(text)).ReadAll()
	if err != nil {
		t.Fatalf("output is not CSV: %v\n%s", err, text)
	}
	return rows
}

func TestExportUsersToStdout(t *testing.T) {
	f := exportFixture(t)
	res := f.run(t, runExport, "", "users", "--name", "northwind")
	if res.code != 0 {
		t.Fatalf("exit %d: %s", res.code, res.stderr)
	}
	rows := readCSV(t, res.stdout)
	wantHeader := []string{"id", "displayName", "userPrincipalName", "mail", "jobTitle", "department", "usageLocation", "accountEnabled"}
	if !slices.Equal(rows[0], wantHeader) {
		t.Fatalf("header %v", rows[0])
	}
	ids := map[string]bool{}
	for _, r := range rows[1:] {
		if r[0] == "" || ids[r[0]] || (r[7] != "true" && r[7] != "false") {
			t.Fatalf("bad or repeated row %v", r)
		}
		ids[r[0]] = true
	}
	if len(ids) < 250 {
		t.Errorf("%d users exported; the tenant has 250+", len(ids))
	}
	if !strings.Contains(res.stderr, "Exported ") || !strings.Contains(res.stderr, "users to standard output") {
		t.Errorf("stderr %q", res.stderr)
	}
}

func TestExportGroupsAndMembersToFiles(t *testing.T) {
	f := exportFixture(t)
	dir := t.TempDir()
	groupsFile := filepath.Join(dir, "groups.csv")
	if res := f.run(t, runExport, "", "groups", "--name", "northwind", "--output", groupsFile); res.code != 0 {
		t.Fatalf("export groups: exit %d: %s", res.code, res.stderr)
	}
	data, err := os.ReadFile(groupsFile)
	if err != nil {
		t.Fatal(err)
	}
	groups := readCSV(t, string(data))
	if !slices.Equal(groups[0], []string{"id", "displayName", "kind", "mail", "description"}) || len(groups) != 13 {
		t.Fatalf("groups file: header %v, %d rows", groups[0], len(groups))
	}
	var sales string
	for _, g := range groups[1:] {
		if g[1] == "Sales" {
			sales = g[0]
		}
	}
	membersFile := filepath.Join(dir, "sales.csv")
	// Flags before the kind work too.
	res := f.run(t, runExport, "", "--name", "northwind", "--group", sales, "--output", membersFile, "members")
	if res.code != 0 {
		t.Fatalf("export members: exit %d: %s", res.code, res.stderr)
	}
	data, _ = os.ReadFile(membersFile)
	members := readCSV(t, string(data))
	if !slices.Equal(members[0], []string{"id", "displayName", "type", "userPrincipalName"}) || len(members) < 2 {
		t.Fatalf("members file: %v", members)
	}
	for _, m := range members[1:] {
		if m[2] != "user" || !strings.Contains(m[3], "@") {
			t.Errorf("member row %v", m)
		}
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 2 {
		t.Errorf("the folder holds %d entries, want the two exports only", len(entries))
	}
}

func TestExportFailureLeavesNoFile(t *testing.T) {
	f := exportFixture(t)
	dir := t.TempDir()
	out := filepath.Join(dir, "members.csv")
	res := f.run(t, runExport, "", "members", "--name", "northwind", "--group", "00000000-0000-4000-8000-000000000000", "--output", out)
	if res.code != 1 {
		t.Fatalf("exit %d, want 1", res.code)
	}
	if !strings.Contains(res.stderr, "not found") || !strings.Contains(res.stderr, "Request_ResourceNotFound") {
		t.Errorf("stderr %q", res.stderr)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 0 {
		t.Errorf("a failed export left %d files", len(entries))
	}
}

func TestExportUnknownConnection(t *testing.T) {
	f := exportFixture(t)
	res := f.run(t, runExport, "", "users", "--name", "contoso")
	if res.code != 1 || !strings.Contains(res.stderr, `"contoso"`) || !strings.Contains(res.stderr, "entra-wizard status") {
		t.Errorf("exit %d, stderr %q", res.code, res.stderr)
	}
	if res.stdout != "" {
		t.Errorf("stdout %q", res.stdout)
	}
}

func TestExportBadUsage(t *testing.T) {
	f := newConnectFixture(t, demotenant.Options{})
	cases := map[string][]string{
		"what to export":         {"--name", "x"},
		`cannot export "people"`: {"people", "--name", "x"},
		"--name is required":     {"users"},
		"--group is required":    {"members", "--name", "x"},
		"--group applies only":   {"users", "--name", "x", "--group", "g"},
		"unexpected argument":    {"users", "--name", "x", "extra"},
		"flag provided but not":  {"users", "--nme", "x"},
	}
	for words, args := range cases {
		res := f.run(t, runExport, "", args...)
		if res.code != 2 || !strings.Contains(res.stderr, words) {
			t.Errorf("export %v: exit %d, stderr %q; want 2 and %q", args, res.code, res.stderr, words)
		}
	}
	if res := f.run(t, runExport, "", "--help"); res.code != 0 || !strings.Contains(res.stdout, "Usage: entra-wizard export") {
		t.Errorf("--help: exit %d, %q", res.code, res.stdout)
	}
}

func TestExportProgressLine(t *testing.T) {
	var b strings.Builder
	report := progressLine(&b, "users")
	report(999, 20000)
	report(4995, 20000)
	report(20000, 20000)
	report(10, -1)
	want := "Exported 999 of 20,000 users...\nExported 4,995 of 20,000 users...\nExported 10 users...\n"
	if b.String() != want {
		t.Errorf("progress:\n%s\nwant:\n%s", b.String(), want)
	}
}

func TestExportIsDispatched(t *testing.T) {
	var out, errOut strings.Builder
	env := Env{Stdin: strings.NewReader(""), Stdout: &out, Stderr: &errOut, Getenv: func(string) string { return "" }}
	if code := Run(t.Context(), []string{"export", "people", "--name", "x"}, env, nil); code != 2 || !strings.Contains(errOut.String(), `cannot export "people"`) {
		t.Errorf("exit %d, stderr %q", code, errOut.String())
	}
	if code := Run(t.Context(), []string{"help", "export"}, env, nil); code != 0 || !strings.Contains(out.String(), "--group ID") {
		t.Errorf("help export: exit %d, stdout %q", code, out.String())
	}
}

func TestExportLargeTenantShowsProgress(t *testing.T) {
	if testing.Short() {
		t.Skip("exports 20,000 users")
	}
	f := newConnectFixture(t, demotenant.Options{Scenario: demotenant.ScenarioLarge})
	if res := f.connectSecret(t, "large", f.info.ClientID, f.info.ClientSecret); res.code != 0 {
		t.Fatalf("connect: %s", res.stderr)
	}
	out := filepath.Join(t.TempDir(), "users.csv")
	res := f.run(t, runExport, "", "users", "--name", "large", "--output", out)
	if res.code != 0 {
		t.Fatalf("exit %d: %s", res.code, res.stderr)
	}
	lines := strings.Split(strings.TrimSpace(res.stderr), "\n")
	if len(lines) < 21 || !strings.HasPrefix(lines[0], "Exported 999 of 20,") {
		t.Errorf("progress lines %q", lines[:min(3, len(lines))])
	}
	if last := lines[len(lines)-1]; !strings.HasPrefix(last, "Exported 20,") || !strings.HasSuffix(last, "users to "+out+".") {
		t.Errorf("last line %q", last)
	}
	data, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	if rows := readCSV(t, string(data)); len(rows) < 20001 {
		t.Errorf("%d rows", len(rows))
	}
}

package cli

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/entra-wizard/entra-wizard/graph"
)

// userState is what a user holds, as sorted IDs and names, to compare
// before and after.
func userState(t *testing.T, c *graph.Client, upn string) string {
	t.Helper()
	ctx := context.Background()
	u, err := c.User(ctx, upn)
	if err != nil {
		t.Fatal(err)
	}
	var parts []string
	ls, err := c.UserLicenses(ctx, u.ID)
	if err != nil {
		t.Fatal(err)
	}
	for _, l := range ls {
		parts = append(parts, "license "+l.PartNumber)
	}
	gs, err := c.UserGroups(ctx, u.ID)
	if err != nil {
		t.Fatal(err)
	}
	for _, g := range gs {
		parts = append(parts, "member "+g.DisplayName)
	}
	os, err := c.OwnedGroups(ctx, u.ID)
	if err != nil {
		t.Fatal(err)
	}
	for _, g := range os {
		parts = append(parts, "owner "+g.DisplayName)
	}
	slices.Sort(parts)
	return fmt.Sprintf("enabled=%v %s", u.AccountEnabled, strings.Join(parts, "; "))
}

func decodeReport(t *testing.T, out string) offboardReport {
	t.Helper()
	var r offboardReport
	if err := json.Unmarshal([]byte(out), &r); err != nil {
		t.Fatalf("the output (%d bytes, which may hold a password) is not one JSON object: %v", len(out), err)
	}
	return r
}

func step(r offboardReport, s string) stepReport {
	for _, sr := range r.Steps {
		if string(sr.Step) == s {
			return sr
		}
	}
	return stepReport{}
}

func TestOffboardDryRunSendsNoWrite(t *testing.T) {
	f := exportFixture(t)
	admin := f.adminClient(t)
	megan := "megan@" + f.info.TenantDomain
	before := userState(t, admin, megan)
	writes := f.srv.GraphWrites()
	res := f.run(t, runOffboard, "", "--name", "northwind", "--user", megan, "--dry-run", "--json", "--keep", "sign-out")
	if res.code != 0 {
		t.Fatalf("exit %d: %s", res.code, res.stderr)
	}
	if n := f.srv.GraphWrites() - writes; n != 0 {
		t.Errorf("a dry run sent %d writes", n)
	}
	if after := userState(t, admin, megan); after != before {
		t.Errorf("a dry run changed the user:\n%s\n%s", before, after)
	}
	if _, err := os.Stat(filepath.Join(f.dir, "offboarding")); err == nil {
		t.Error("a dry run saved a record")
	}
	r := decodeReport(t, res.stdout)
	if !r.DryRun || r.TemporaryPassword != "" || step(r, "sign-out").Status != "kept" ||
		!slices.Contains(step(r, "remove-groups").Pending, "Marketing") || !slices.Contains(step(r, "remove-ownerships").Pending, "Marketing") {
		t.Errorf("dry run report: %+v", r)
	}
}

func TestOffboardThenUndoThroughTheCommand(t *testing.T) {
	f := exportFixture(t)
	admin := f.adminClient(t)
	megan := "megan@" + f.info.TenantDomain
	before := userState(t, admin, megan)
	res := f.run(t, runOffboard, "", "--name", "northwind", "--user", megan, "--json")
	// Megan is the only owner of Microsoft 365 groups, which Graph refuses
	// to leave without an owner: the command says so and exits 1.
	if res.code != 1 {
		t.Fatalf("exit %d, want 1 for the refused ownerships", res.code)
	}
	r := decodeReport(t, res.stdout)
	owned := step(r, "remove-ownerships")
	if owned.Status != "failed" || len(owned.Failed) == 0 || !strings.Contains(owned.Failed[0], "keeps at least one owner") {
		t.Errorf("ownerships: %+v", owned)
	}
	for _, s := range []string{"block-sign-in", "sign-out", "reset-password", "remove-groups"} {
		if step(r, s).Status != "done" {
			t.Errorf("%s: %+v", s, step(r, s))
		}
	}
	if r.TemporaryPassword == "" {
		t.Error("no temporary password printed")
	}
	if strings.Contains(res.stderr, r.TemporaryPassword) {
		t.Error("the temporary password is on standard error")
	} else if !strings.Contains(res.stderr, "[1/6] Block sign-in") {
		t.Errorf("progress on stderr: %q", res.stderr)
	}
	if st := userState(t, admin, megan); strings.Contains(st, "member ") || !strings.HasPrefix(st, "enabled=false") {
		t.Errorf("after offboarding: %s", st)
	}

	undo := f.run(t, runOffboard, "", "--undo", "--name", "northwind", "--user", megan)
	if undo.code != 0 || !strings.Contains(undo.stdout, "restored: member of Marketing") || !strings.Contains(undo.stdout, "sign-in: allowed") {
		t.Fatalf("undo: exit %d\n%s%s", undo.code, undo.stdout, undo.stderr)
	}
	if after := userState(t, admin, megan); after != before {
		t.Errorf("undo did not restore exactly:\nbefore %s\nafter  %s", before, after)
	}
	again := f.run(t, runOffboard, "", "--undo", "--name", "northwind", "--user", megan)
	if again.code != 1 || !strings.Contains(again.stderr, "nothing to undo") {
		t.Errorf("second undo: exit %d %s", again.code, again.stderr)
	}
}

// cancelOn is a standard error that cancels the command when a line with
// text is written: the window closing, or Ctrl+C, at that point.
type cancelOn struct {
	mu     sync.Mutex
	buf    bytes.Buffer
	text   string
	cancel context.CancelFunc
}

func (c *cancelOn) Write(p []byte) (int, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if strings.Contains(string(p), c.text) {
		c.cancel()
	}
	return c.buf.Write(p)
}

func TestOffboardInterruptedThenResumed(t *testing.T) {
	f := exportFixture(t)
	admin := f.adminClient(t)
	megan := "megan@" + f.info.TenantDomain
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	stderr := &cancelOn{text: "Remove from groups", cancel: cancel}
	var stdout bytes.Buffer
	code := runOffboard(ctx, []string{"--name", "northwind", "--user", megan, "--keep", "remove-ownerships"},
		Env{Stdout: &stdout, Stderr: stderr, Stdin: strings.NewReader(""), Getenv: func(string) string { return "" }}, f.deps)
	if code != 1 || !strings.Contains(stderr.buf.String(), "run it again to finish") {
		t.Fatalf("interrupted: exit %d\n%s", code, stderr.buf.String())
	}
	if st := userState(t, admin, megan); !strings.Contains(st, "member Marketing") || strings.Contains(st, "license ") {
		t.Fatalf("when interrupted: %s", st)
	}
	firstOutput := stdout.String()

	res := f.run(t, runOffboard, "", "--name", "northwind", "--user", megan, "--keep", "remove-ownerships", "--json")
	if res.code != 0 {
		t.Fatalf("resumed: exit %d\n%s", res.code, res.stderr)
	}
	r := decodeReport(t, res.stdout)
	if r.TemporaryPassword != "" {
		r.TemporaryPassword = "(a second one)" // not in the test's output
	}
	if !r.Resumed || r.TemporaryPassword != "" || !step(r, "reset-password").Already || !step(r, "remove-licenses").Already ||
		len(step(r, "remove-groups").Removed) == 0 {
		t.Errorf("resumed report: %+v", r)
	}
	if !strings.Contains(firstOutput, "Temporary password") {
		t.Error("the interrupted run did not print the password it set")
	}
	if st := userState(t, admin, megan); strings.Contains(st, "member ") {
		t.Errorf("after resuming: %s", st)
	}
}

func TestOffboardUsage(t *testing.T) {
	f := exportFixture(t)
	for _, args := range [][]string{
		{"--user", "x"},
		{"--name", "northwind"},
		{"--name", "northwind", "--user", "x", "--keep", "delete-mailbox"},
		{"--undo", "--dry-run", "--name", "northwind", "--user", "x"},
	} {
		if res := f.run(t, runOffboard, "", args...); res.code != 2 {
			t.Errorf("%v: exit %d, want 2", args, res.code)
		}
	}
	res := f.run(t, runOffboard, "", "--name", "northwind", "--user", "nobody@"+f.info.TenantDomain)
	if res.code != 1 || !strings.Contains(res.stderr, "no longer exists") {
		t.Errorf("an unknown user: exit %d %s", res.code, res.stderr)
	}
}

package panel

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"github.com/entra-wizard/entra-wizard/demotenant"
	"github.com/entra-wizard/entra-wizard/ui/kit/kittest"
)

// importCSV is a bulk-create file of n new users without passwords, one
// of an unverified domain and one repeated.
func importCSV(domain string, n int) string {
	var b strings.Builder
	b.WriteString("version:v1.0\nName [displayName] Required,User name [userPrincipalName] Required," +
		"Initial password [passwordProfile] Required,Block sign in (Yes/No) [accountEnabled] Required,Department [department]\n")
	for i := range n {
		fmt.Fprintf(&b, "Panel Import %d,panel.import.%d@%s,,No,Imports\n", i, i, domain)
	}
	b.WriteString("Outsider,someone@fabrikam.example,,No,\nTwice,panel.import.0@" + domain + ",,No,\n")
	return b.String()
}

// chooseImportFile makes the panel's open dialog hand over file.
func (h *harness) chooseImportFile(name, file string) {
	h.panel.cfg.OpenFile = func(chosen func(io.ReadCloser, string, error)) {
		chosen(io.NopCloser(strings.NewReader(file)), name, nil)
	}
}

// openImport opens the import dialog and reads the chosen file into it.
func (h *harness) openImport(t *testing.T) *userImport {
	t.Helper()
	tapPanel(t, h.panel.users.importCSV.button)
	u := h.panel.users.imports
	if h.win.Canvas().Focused() != u.choose {
		t.Fatalf("the import dialog opens with the keyboard on %v, not on Choose file", h.win.Canvas().Focused())
	}
	kittest.PressKey(h.win.Canvas(), fyne.KeySpace)
	h.waitFor("the file to be checked", func() bool { return u.im != nil || strings.Contains(u.progress.Text, "cannot be used") })
	return u
}

func TestPanelCreatesUsersFromACSVOnce(t *testing.T) {
	h := newHarness(t, demotenant.Options{ThrottleBatchPartEvery: 7})
	h.openConnection("Northwind")
	file := importCSV(h.info.TenantDomain, 25)
	h.chooseImportFile("new-hires.csv", file)
	passwords := filepath.Join(t.TempDir(), "passwords.csv")
	h.panel.cfg.SavePath = func(suggested string, chosen func(string, error)) { chosen(passwords, nil) }

	u := h.openImport(t)
	if u.rows.Length() != 27 || u.summary.Text != "27 rows: 25 ready, 0 already exist, 2 with problems." {
		t.Fatalf("%d rows listed; summary %q", u.rows.Length(), u.summary.Text)
	}
	u.rows.Select(25)
	if !strings.Contains(u.detail.Text, "Line 28 · someone@fabrikam.example · the domain fabrikam.example is not one of the tenant's verified domains") {
		t.Errorf("the unverified row says %q", u.detail.Text)
	}
	u.rows.Select(26)
	if !strings.Contains(u.detail.Text, "already on line 3 of the file") {
		t.Errorf("the repeated row says %q", u.detail.Text)
	}
	kittest.AssertFits(t, "the import dialog", h.win.Canvas().Overlays().Top())

	tapPanel(t, u.create)
	if !strings.Contains(u.progress.Text, "Choose where to save the generated passwords first") || u.busy {
		t.Fatalf("creating without a passwords file: %q", u.progress.Text)
	}
	tapPanel(t, u.savePWs)
	if !u.savePWs.Disabled() {
		t.Error("the passwords file can be chosen twice")
	}
	tapPanel(t, u.create)
	h.waitFor("the users to be created", func() bool { return u.finished })
	if !strings.Contains(u.progress.Text, "Created 25 users; 0 already existed, 0 failed, 2 rows had problems.") ||
		!strings.Contains(u.progress.Text, "25 generated passwords saved to passwords.csv, readable by you only.") {
		t.Fatalf("after creating: %q", u.progress.Text)
	}
	if !u.create.Disabled() || u.summary.Text != "27 rows: 25 created, 0 already exist, 0 failed, 2 with problems." {
		t.Errorf("once created: create enabled %v, summary %q", !u.create.Disabled(), u.summary.Text)
	}
	info, err := os.Stat(passwords)
	if err != nil || info.Mode().Perm() != 0o600 {
		t.Fatalf("passwords file: %v, %v", info, err)
	}
	data, _ := os.ReadFile(passwords)
	lines := strings.Split(strings.TrimSpace(string(data)), "\n")
	if len(lines) != 26 {
		t.Fatalf("%d lines in the passwords file", len(lines))
	}
	shown := u.progress.Text + u.summary.Text + u.detail.Text
	for _, r := range u.im.Rows {
		shown += rowLine(r)
	}
	for _, line := range lines[1:] {
		if pw := line[strings.LastIndex(line, ",")+1:]; strings.Contains(shown, pw) {
			t.Fatal("a generated password is shown in the dialog")
		}
	}
	if _, err := h.client.User(t.Context(), "panel.import.24@"+h.info.TenantDomain); err != nil {
		t.Errorf("reading a created user: %v", err)
	}
	kittest.PressKey(h.win.Canvas(), fyne.KeyEscape)
	if h.dialogOpen() {
		t.Fatal("Escape does not close the import dialog")
	}

	again := h.openImport(t)
	if again.summary.Text != "27 rows: 0 ready, 25 already exist, 2 with problems." || !again.create.Disabled() || !again.savePWs.Disabled() {
		t.Errorf("the same file again: %q; create enabled %v", again.summary.Text, !again.create.Disabled())
	}
}

func TestPanelImportSaysWhyAFileCannotBeUsed(t *testing.T) {
	h := newHarness(t, demotenant.Options{})
	h.openConnection("Northwind")
	h.chooseImportFile("latin1.csv", "[displayName],[userPrincipalName],[passwordProfile],[accountEnabled]\nZo\xeb,zoe@x.example,,No\n")
	u := h.openImport(t)
	if u.im != nil || !strings.Contains(u.progress.Text, "latin1.csv cannot be used: the file is not saved as UTF-8") || !u.create.Disabled() {
		t.Errorf("a Latin-1 file: %q", u.progress.Text)
	}
	if u.progress.Importance != widget.DangerImportance {
		t.Error("the refusal is not styled as an error")
	}
}

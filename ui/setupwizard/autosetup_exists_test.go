package setupwizard

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"github.com/entra-wizard/entra-wizard/provision"
	"github.com/entra-wizard/entra-wizard/ui/kit/kittest"
)

// TestSetItUpForMeFirstDemoRunSucceeds presses Start on the page as the
// demo opens it: it registers an app of its own, tests and saves it, and
// ends on a summary of what was set up, from which the panel opens.
func TestSetItUpForMeFirstDemoRunSucceeds(t *testing.T) {
	h := newHarness(t, harnessOptions{demo: true})
	s := openAutoSetup(h)
	test.Tap(s.start)
	h.q.until(t, "setup", func() bool { return !s.running })
	if s.failed != nil {
		t.Fatalf("the first demo run failed: %s", s.problem.Text)
	}
	apps := h.tenant.AppsNamed(s.appName.Text)
	if len(apps) != 1 || !s.summaryBox.Visible() || !strings.Contains(s.summary.Text, apps[0].AppID) ||
		!strings.Contains(s.summary.Text, "Settings file:") {
		t.Fatalf("apps %+v; summary shown %v: %q", apps, s.summaryBox.Visible(), s.summary.Text)
	}
	if h.finished != "" || s.start.Visible() || !s.name.Disabled() {
		t.Fatalf("the panel opened before the summary was read (%q), or the form still takes input", h.finished)
	}
	kittest.AssertFits(t, "the summary of Set it up for me", h.v.Content())
	test.Tap(s.openPanel)
	if h.finished != s.name.Text {
		t.Errorf("the panel opened on %q", h.finished)
	}
}

// TestSetItUpForMeAnswersAnExistingName asks for the name of an app the
// tenant holds: the page says it found one, offers "Reuse it" and "Use
// this name instead" as buttons, locks the fields Continue would ignore,
// and a new name typed in the field is the one registered.
func TestSetItUpForMeAnswersAnExistingName(t *testing.T) {
	h := newHarness(t, harnessOptions{demo: true})
	s := openAutoSetup(h)
	s.appName.SetText(provision.DefaultAppName)
	test.Tap(s.start)
	h.q.until(t, "setup", func() bool { return !s.running })
	if s.failed == nil || strings.Contains(s.problem.Text, "Could not") || !strings.Contains(s.problem.Text, "already has") {
		t.Fatalf("the page says %q", s.problem.Text)
	}
	if !s.reuse.Visible() || !s.rename.Visible() || s.resume.Visible() {
		t.Fatalf("Reuse %v, Use this name %v, Continue %v", s.reuse.Visible(), s.rename.Visible(), s.resume.Visible())
	}
	if !s.name.Disabled() || !s.tenant.Disabled() || !s.method.Disabled() || !s.features.Disabled() || s.appName.Disabled() {
		t.Fatal("fields that cannot take effect are open, or the app name is locked")
	}
	kittest.AssertFits(t, "the page that found the name taken", h.v.Content())
	test.Tap(s.rename)
	if s.running || !strings.Contains(s.problem.Text, "type another") {
		t.Fatalf("the same name was taken again: running %v, %q", s.running, s.problem.Text)
	}
	s.appName.SetText("Renamed in the window")
	test.Tap(s.rename)
	h.q.until(t, "setup", func() bool { return !s.running })
	if s.failed != nil {
		t.Fatalf("setup under the new name failed: %s", s.problem.Text)
	}
	if n := len(h.tenant.AppsNamed("Renamed in the window")); n != 1 || !strings.Contains(s.summary.Text, "Renamed in the window") {
		t.Fatalf("%d apps under the new name; summary %q", n, s.summary.Text)
	}
	if n := len(h.tenant.AppsNamed(provision.DefaultAppName)); n != 1 {
		t.Errorf("%d apps of the default name, want the demo's own", n)
	}
}

package setupwizard

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"github.com/entra-wizard/entra-wizard/ui/setupwizard/flow"
)

// TestWizardCancelsASignInWhoseBrowserNeverReturns: the command that opens
// the browser never returns and nobody signs in. The page says it is
// waiting, what Microsoft's error pages mean and how to stop; Cancel ends
// the wait, and signing in again then works.
func TestWizardCancelsASignInWhoseBrowserNeverReturns(t *testing.T) {
	hang := make(chan struct{})
	t.Cleanup(func() { close(hang) })
	browser := &fakeBrowser{hang: hang}
	h := newHarness(t, harnessOptions{demo: true, browser: browser})
	h.startDemo(methodBrowserLabel, flow.StepTest)
	test.Tap(h.v.check.start)
	h.q.until(t, "the sign-in address", func() bool { return h.v.check.manualBox.Visible() })
	if len(browser.urls()) != 1 {
		t.Fatalf("the browser was asked to open %v", browser.urls())
	}

	status := h.v.check.status.Text
	for _, want := range []string{"Waiting for you to finish signing in", "AADSTS90002", "AADSTS50011",
		"Need admin approval", "press Cancel"} {
		if !strings.Contains(status, want) {
			t.Errorf("while waiting, the page says %q; it lacks %q", status, want)
		}
	}
	if !h.v.check.status.Visible() || !h.v.check.cancel.Visible() || !h.v.check.start.Disabled() {
		t.Error("while waiting: the help, Cancel, or a disabled Sign in is missing")
	}

	test.Tap(h.v.check.cancel)
	h.q.until(t, "the cancel", func() bool { return !h.v.check.running() })
	if !strings.Contains(h.v.check.problem.Text, "cancelled") {
		t.Errorf("after Cancel the page says %q", h.v.check.problem.Text)
	}
	if h.v.check.start.Disabled() || h.v.check.cancel.Visible() || h.v.check.status.Visible() ||
		h.v.check.manualBox.Visible() || h.v.back.Disabled() {
		t.Error("after Cancel the page is not ready to try again")
	}
	if h.v.wz.State.ClientID != h.info.PublicClientID {
		t.Errorf("after Cancel the client ID is %q", h.v.wz.State.ClientID)
	}

	// The browser works now: signing in again succeeds.
	browser.mu.Lock()
	browser.hang = nil
	browser.mu.Unlock()
	h.runTest()
	if h.v.check.problem.Visible() {
		t.Fatalf("signing in again failed: %q", h.v.check.problem.Text)
	}
	h.next(flow.StepSave)
}

// TestSetItUpForMeCancelsAWaitingAdministratorSignIn: the same for the
// administrator's sign-in of "Set it up for me".
func TestSetItUpForMeCancelsAWaitingAdministratorSignIn(t *testing.T) {
	hang := make(chan struct{})
	t.Cleanup(func() { close(hang) })
	h := newHarness(t, harnessOptions{demo: true, browser: &fakeBrowser{hang: hang}})
	s := openAutoSetup(h)
	s.appName.SetText("Never signed in")
	test.Tap(s.start)
	h.q.until(t, "the sign-in address", func() bool { return s.signInBox.Visible() })
	for _, want := range []string{"Waiting for you to finish signing in", "AADSTS90002", "press Cancel"} {
		if !strings.Contains(s.status.Text, want) {
			t.Errorf("while waiting, the page says %q; it lacks %q", s.status.Text, want)
		}
	}
	test.Tap(s.cancel)
	h.q.until(t, "the cancel", func() bool { return !s.running })
	if len(h.tenant.AppsNamed("Never signed in")) != 0 {
		t.Error("an app was registered without a sign-in")
	}
	if s.cancel.Visible() || s.signInBox.Visible() || !(s.start.Visible() || s.resume.Visible()) {
		t.Errorf("after Cancel the page cannot be tried again (start %t, continue %t)", s.start.Visible(), s.resume.Visible())
	}
}

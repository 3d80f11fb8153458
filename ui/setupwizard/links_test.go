package setupwizard

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/entra-wizard/entra-wizard/demotenant/demotest"
	"github.com/entra-wizard/entra-wizard/ui/setupwizard/flow"
)

// TestWizardLinksTheBrowserCannotOpenCanBeCopied checks that when no
// browser opens, every page the wizard wanted opened is shown as an
// address with a Copy button, and only until the step changes.
func TestWizardLinksTheBrowserCannotOpenCanBeCopied(t *testing.T) {
	h := newHarness(t, harnessOptions{demo: true, browser: &fakeBrowser{fail: true}})
	h.startDemo(methodSecretLabel, flow.StepRegister)
	clipboard := h.v.deps.App.Clipboard()

	for _, open := range []struct {
		step   flow.Step
		button func() *widget.Button
	}{
		{flow.StepRegister, func() *widget.Button { return h.v.register.openPortal }},
		{flow.StepConsent, func() *widget.Button { return h.v.consent.openConsent }},
		{flow.StepConsent, func() *widget.Button { return h.v.consent.openPortal }},
	} {
		h.walkTo(open.step)
		test.Tap(open.button())
		urls := h.browser.urls()
		want := urls[len(urls)-1]
		if !h.v.unopened.Visible() || h.v.unopenedLink.url.Text != want ||
			!strings.Contains(h.v.unopenedWhy.Text, "browser could not be opened") {
			t.Fatalf("on %v the unopened %q is shown as %q (visible %v)", open.step, want,
				h.v.unopenedLink.url.Text, h.v.unopened.Visible())
		}
		if !h.v.unopenedLink.url.Selectable || !h.v.unopenedLink.copy.Visible() {
			t.Error("the address cannot be selected or copied")
		}
		test.Tap(h.v.unopenedLink.copy)
		if got := clipboard.Content(); got != want {
			t.Errorf("the clipboard holds %q, want %q", got, want)
		}
	}
	h.next(flow.StepTest)
	if h.v.unopened.Visible() {
		t.Error("the address of the last step is still shown on the next one")
	}
}

// TestSetItUpForMeShowsTheSignInAddressWhenNoBrowserOpens checks that "Set
// it up for me" shows the sign-in page's address, with Copy, while it
// waits, and finishes once the page is opened by hand.
func TestSetItUpForMeShowsTheSignInAddressWhenNoBrowserOpens(t *testing.T) {
	h := newHarness(t, harnessOptions{demo: true, browser: &fakeBrowser{fail: true}})
	s := openAutoSetup(h)
	s.appName.SetText("Set up by hand")
	test.Tap(s.start)
	h.q.until(t, "the sign-in address", func() bool { return s.signInBox.Visible() })
	url := s.signIn.url.Text
	if !strings.HasPrefix(url, h.info.Authority+"/") {
		t.Fatalf("address shown: %q", url)
	}
	test.Tap(s.signIn.copy)
	if got := h.v.deps.App.Clipboard().Content(); got != url {
		t.Errorf("the clipboard holds %q, want the sign-in address", got)
	}
	go demotest.Visit(url) // the admin opens it by hand
	h.q.until(t, "setup", func() bool { return !s.running })
	if s.failed != nil || s.finishedAs == "" {
		t.Fatalf("setup by hand failed: %q", s.problem.Text)
	}
	if s.signInBox.Visible() {
		t.Error("the sign-in address outlives the sign-in")
	}
}

package setupwizard

import (
	"testing"

	"fyne.io/fyne/v2/test"

	"github.com/entra-wizard/entra-wizard/ui/setupwizard/flow"
)

// TestWizardKeepsItsFirstSize walks every page, the guided steps and "Set
// it up for me" after a failure, and checks no page needs more room than
// the window opened with, so it stays that size: pages scroll instead.
func TestWizardKeepsItsFirstSize(t *testing.T) {
	h := newHarness(t, harnessOptions{demo: true})
	first := h.win.Canvas().Size()
	check := func(page string) {
		t.Helper()
		// A real window grows to its content's minimum size.
		if min := h.v.Content().MinSize(); min.Width > first.Width || min.Height > first.Height {
			t.Errorf("on %s the page needs %v, the window opened at %v", page, min, first)
		}
	}
	h.startDemo(methodSecretLabel, flow.StepCredentials)
	for h.v.wz.Step() < flow.StepTest {
		check(h.v.wz.Step().Title())
		h.next(h.v.wz.Step() + 1)
	}
	h.runTest()
	check("the test page")
	for h.v.wz.Step() > flow.StepWelcome {
		test.Tap(h.v.back)
	}
	h.browser.hint = "appadmin@" + h.info.TenantDomain
	s := openAutoSetup(h)
	check("Set it up for me")
	test.Tap(s.start)
	h.q.until(t, "setup", func() bool { return !s.running })
	check("Set it up for me after a refusal")
}

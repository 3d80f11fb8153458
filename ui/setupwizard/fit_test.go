package setupwizard

import (
	"testing"

	"fyne.io/fyne/v2/test"

	"github.com/entra-wizard/entra-wizard/ui/kit/kittest"
	"github.com/entra-wizard/entra-wizard/ui/setupwizard/flow"
)

// TestEveryPageFitsALaptopScreen walks the wizard's pages, with the
// messages they show on the way, and "Set it up for me" before and after
// a failure: none makes the window larger than a 1366×768 laptop's screen
// at 100%, 125% or 150%, so the window never grows past the screen from
// page to page.
func TestEveryPageFitsALaptopScreen(t *testing.T) {
	h := newHarness(t, harnessOptions{demo: true})
	kittest.AssertFits(t, "the welcome page", h.v.Content())
	h.next(flow.StepMethod)
	test.Tap(h.v.next) // no method chosen: the page says so
	kittest.AssertFits(t, "the method page with its message", h.v.Content())
	h.v.method.choice.SetSelected(methodSecretLabel)
	for step := flow.StepCloud; step <= flow.StepSave; step++ {
		h.next(step)
		if step == flow.StepTest {
			h.runTest()
		}
		kittest.AssertFits(t, "the page "+step.Title(), h.v.Content())
	}

	// An application administrator is refused consent: the page then shows
	// what was created, the consent link and the ways on.
	h = newHarness(t, harnessOptions{demo: true})
	h.browser.hint = "appadmin@" + h.info.TenantDomain
	s := openAutoSetup(h)
	kittest.AssertFits(t, "Set it up for me", h.v.Content())
	test.Tap(s.start)
	h.q.until(t, "setup", func() bool { return !s.running })
	if s.failed == nil {
		t.Fatal("setup did not fail")
	}
	kittest.AssertFits(t, "Set it up for me after a refusal", h.v.Content())
}

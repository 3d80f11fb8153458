package setupwizard

import (
	"strings"
	"testing"

	"github.com/entra-wizard/entra-wizard/ui/setupwizard/flow"
)

// TestWizardTestPageSaysANoteOnce signs in with the browser, where every
// working feature carries the same caveat (the user's own directory role
// counts too): the test page says it once.
func TestWizardTestPageSaysANoteOnce(t *testing.T) {
	h := newHarness(t, harnessOptions{demo: true})
	h.startDemo(methodBrowserLabel, flow.StepTest)
	h.runTest()
	if h.v.check.problem.Visible() {
		t.Fatalf("the test failed: %q", h.v.check.problem.Text)
	}
	text := labelsUnder(h.v.check.features)
	const note = "You signed in as a user"
	if n := strings.Count(text, note); n != 1 {
		t.Errorf("the note is said %d times:\n%s", n, text)
	}
}

// TestWizardDemoFixesNameNoRealAdminCenter: in the demo the features
// that do not work say plainly that the demo has no admin center, instead
// of opening the real one.
func TestWizardDemoFixesNameNoRealAdminCenter(t *testing.T) {
	h := newHarness(t, harnessOptions{demo: true, scenario: "readonly"})
	h.startDemo(methodSecretLabel, flow.StepTest)
	h.runTest()
	if len(h.v.check.fixes) != 0 {
		t.Errorf("%d buttons open the real admin center", len(h.v.check.fixes))
	}
	if !strings.Contains(labelsUnder(h.v.check.features), "no Entra admin center") {
		t.Errorf("the checklist says:\n%s", labelsUnder(h.v.check.features))
	}
}

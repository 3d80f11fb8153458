package setupwizard

import (
	"strings"
	"testing"

	"github.com/entra-wizard/entra-wizard/wizard"
)

// TestWizardTestPageSaysANoteOnce signs in with the browser, where every
// working feature carries the same caveat (the user's own directory role
// counts too): the test page says it once.
func TestWizardTestPageSaysANoteOnce(t *testing.T) {
	h := newHarness(t, harnessOptions{demo: true})
	h.startDemo(methodBrowserLabel, wizard.StepTest)
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

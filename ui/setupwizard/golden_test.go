package setupwizard

import (
	"testing"

	"fyne.io/fyne/v2/test"

	"github.com/entra-wizard/entra-wizard/ui/setupwizard/flow"
)

// The goldens pin what an admin sees on a few pages. Regenerate one by
// deleting it: the test then fails and writes the new rendering under
// testdata/failed/, to be checked by eye and moved into place.

func TestWizardGoldenWelcome(t *testing.T) {
	h := newHarness(t, harnessOptions{})
	test.AssertRendersToMarkup(t, "welcome.xml", h.win.Canvas())
}

func TestWizardGoldenCredentialsProblems(t *testing.T) {
	h := newHarness(t, harnessOptions{})
	h.next(flow.StepMethod)
	h.v.method.choice.SetSelected(methodSecretLabel)
	h.walkTo(flow.StepCredentials)
	test.Type(h.v.credentials.clientID, "my-app")
	test.Type(h.v.credentials.secret, "0b1c2d3e-4f50-6172-8394-a5b6c7d8e9f0")
	test.Tap(h.v.next)
	test.AssertRendersToMarkup(t, "credentials_problems.xml", h.win.Canvas())
}

func TestWizardGoldenReadOnlyChecklist(t *testing.T) {
	h := newHarness(t, harnessOptions{demo: true, scenario: "readonly"})
	h.startDemo(methodSecretLabel, flow.StepTest)
	h.runTest()
	test.AssertRendersToMarkup(t, "readonly_checklist.xml", h.win.Canvas())
}

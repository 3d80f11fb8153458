package setupwizard

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/entra-wizard/entra-wizard/ui/setupwizard/flow"
)

// TestWelcomeDescribesTheThreeWaysAndWaitsForAChoice: the first page
// describes "Set it up for me", the manual path and LDAP, chooses none of
// them for the admin, keeps Start off until one is chosen, and the LDAP
// choice opens the LDAP page.
func TestWelcomeDescribesTheThreeWaysAndWaitsForAChoice(t *testing.T) {
	h := newHarness(t, harnessOptions{demo: true})
	ldap := false
	h.v.deps.OnLDAP = func() { ldap = true }
	h.v = New(h.v.deps)
	h.win.SetContent(h.v.Content())
	h.win.Canvas().SetOnTypedKey(h.v.OnKey)
	var text string
	for _, o := range test.LaidOutObjects(h.v.Content()) {
		if r, ok := o.(*widget.RichText); ok {
			text += r.String() + "\n"
		}
	}
	for _, way := range []string{"Set it up for me", "register the app myself", "Secure LDAP"} {
		if !strings.Contains(text, way) {
			t.Errorf("the first page does not describe %q", way)
		}
	}
	if h.v.welcome.choice.Selected != "" || !h.v.next.Disabled() {
		t.Fatalf("preselected %q, Start disabled %v", h.v.welcome.choice.Selected, h.v.next.Disabled())
	}
	h.win.Canvas().OnTypedKey()(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if h.v.wz.Step() != flow.StepWelcome || h.v.inAutoSetup || !strings.Contains(h.v.problems.Text, "Choose") {
		t.Fatalf("Enter without a choice: step %v, %q", h.v.wz.Step(), h.v.problems.Text)
	}
	h.v.welcome.choice.SetSelected(choiceLDAP)
	if h.v.next.Disabled() {
		t.Fatal("Start stays off after a choice")
	}
	test.Tap(h.v.next)
	if !ldap {
		t.Error("the LDAP choice did not open the LDAP page")
	}
}

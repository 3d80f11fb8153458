package setupwizard

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/entra-wizard/entra-wizard/ui/kit/kittest"
	"github.com/entra-wizard/entra-wizard/ui/setupwizard/flow"
)

// focusOn presses Tab until o has the keyboard, failing if Tab never
// gets there.
func (h *harness) focusOn(o fyne.Focusable, what string) {
	h.t.Helper()
	c := h.win.Canvas()
	for range 50 {
		if c.Focused() == o {
			return
		}
		test.FocusNext(c)
	}
	h.t.Fatalf("Tab never reaches %s", what)
}

// hasKeyboard reports whether o has the keyboard.
func (h *harness) hasKeyboard(o any) bool { return any(h.win.Canvas().Focused()) == o }

// press sends a key the way the window does and checks the step after it.
func (h *harness) press(key fyne.KeyName, want flow.Step) {
	h.t.Helper()
	kittest.PressKey(h.win.Canvas(), key)
	if got := h.v.wz.Step(); got != want {
		h.t.Fatalf("after %s with %v focused: step %v, want %v (problems: %q)", key, h.win.Canvas().Focused(), got, want, h.v.problems.Text)
	}
}

// TestWizardWorksFromTheKeyboard walks the demo wizard with the keyboard
// alone: Tab reaches the first choice, later choices take the keyboard as
// their page shows, and the arrow keys change them; Enter moves on and Escape goes back whether a choice,
// a button or a field has the keyboard; "Set it up for me" opens with the
// keyboard in its name field, and the save step with the keyboard in the
// connection's name, where Enter saves.
func TestWizardWorksFromTheKeyboard(t *testing.T) {
	h := newHarness(t, harnessOptions{demo: true})
	c := h.win.Canvas()
	h.focusOn(h.v.welcome.choice, "the first choice")
	kittest.PressKey(c, fyne.KeyUp)
	if h.v.welcome.choice.Selected != choiceAutoSetup {
		t.Fatalf("Up chose %q", h.v.welcome.choice.Selected)
	}
	h.press(fyne.KeyReturn, flow.StepWelcome)
	if !h.v.inAutoSetup || !h.hasKeyboard(h.v.autoSetup.name) {
		t.Fatalf("Enter on the choice: set up for me shown %v, keyboard on %v", h.v.inAutoSetup, c.Focused())
	}
	h.press(fyne.KeyEscape, flow.StepWelcome)
	if h.v.inAutoSetup {
		t.Fatal("Escape in the name field leaves \"Set it up for me\" open")
	}
	h.focusOn(h.v.welcome.choice, "the first choice")
	kittest.PressKey(c, fyne.KeyDown)
	h.press(fyne.KeyReturn, flow.StepMethod)
	if !h.hasKeyboard(h.v.method.choice) {
		t.Fatalf("the method page opens with the keyboard on %v, not on the choice", c.Focused())
	}
	kittest.PressKey(c, fyne.KeyDown)
	if h.v.method.choice.Selected != methodCertificateLabel {
		t.Fatalf("Down chose %q, want the first choice", h.v.method.choice.Selected)
	}
	kittest.PressKey(c, fyne.KeyDown)
	if h.v.method.choice.Selected != methodSecretLabel {
		t.Fatalf("Down again chose %q", h.v.method.choice.Selected)
	}
	h.press(fyne.KeyEscape, flow.StepWelcome)
	h.press(fyne.KeyReturn, flow.StepMethod)
	h.press(fyne.KeyReturn, flow.StepCloud)
	h.focusOn(h.v.next, "Next")
	h.press(fyne.KeyEscape, flow.StepMethod)
	h.walkTo(flow.StepCloud)
	h.focusOn(h.v.back, "Back")
	h.press(fyne.KeyReturn, flow.StepMethod)

	h.walkTo(flow.StepTest)
	h.runTest()
	h.next(flow.StepSave)
	if !h.hasKeyboard(h.v.save.name) {
		t.Fatalf("the save step opens with the keyboard on %v, not in the name field", c.Focused())
	}
	kittest.PressKey(c, fyne.KeyReturn)
	h.q.until(t, "saving", func() bool { return h.v.wz.Step() == flow.StepDone })
}

package setupwizard

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"

	"github.com/entra-wizard/entra-wizard/ui/setupwizard/flow"
)

// TestWizardMessagesGoOnceTheyAreDealtWith checks that the message below
// the page lasts only as long as what it asks for is not done.
func TestWizardMessagesGoOnceTheyAreDealtWith(t *testing.T) {
	h := newHarness(t, harnessOptions{})
	h.next(flow.StepMethod)
	test.Tap(h.v.next)
	if !h.v.problems.Visible() || !strings.Contains(h.v.problems.Text, "Some details need fixing") {
		t.Fatalf("Next without a method: message %q", h.v.problems.Text)
	}
	h.v.method.choice.SetSelected(methodSecretLabel)
	if h.v.problems.Visible() {
		t.Errorf("after picking the method the page still says %q", h.v.problems.Text)
	}

	h.next(flow.StepCloud)
	h.v.cloud.choice.SetSelected(cloudCustomTitle)
	test.Tap(h.v.next)
	if !h.v.problems.Visible() {
		t.Fatal("Next without custom addresses said nothing")
	}
	test.Type(h.v.cloud.authority, h.info.Authority)
	if !h.v.problems.Visible() {
		t.Error("the message went while the Graph address is still missing")
	}
	test.Type(h.v.cloud.graph, h.info.Graph)
	if h.v.problems.Visible() {
		t.Errorf("after typing both addresses the page still says %q", h.v.problems.Text)
	}

	h.next(flow.StepRegister)
	h.next(flow.StepCredentials)
	test.Tap(h.v.next)
	if !strings.Contains(h.v.problems.Text, "Some details need fixing") {
		t.Fatalf("Next with empty fields: message %q", h.v.problems.Text)
	}
	test.Type(h.v.credentials.clientID, h.info.ClientID)
	test.Type(h.v.credentials.tenant, h.info.TenantID)
	if !h.v.problems.Visible() {
		t.Error("the message went while the secret is still missing")
	}
	test.Type(h.v.credentials.secret, h.info.ClientSecret)
	if h.v.problems.Visible() {
		t.Errorf("after fixing every field the page still says %q", h.v.problems.Text)
	}

	h.next(flow.StepConsent)
	h.next(flow.StepTest)
	test.Tap(h.v.next)
	if !strings.Contains(h.v.problems.Text, "Test the connection to go on.") {
		t.Fatalf("Next before testing: message %q", h.v.problems.Text)
	}
	h.runTest()
	if !strings.Contains(h.v.check.summary.Text, "Everything works") {
		t.Fatalf("summary %q", h.v.check.summary.Text)
	}
	if h.v.problems.Visible() {
		t.Errorf("beside %q the page still says %q", h.v.check.summary.Text, h.v.problems.Text)
	}

	h.next(flow.StepSave)
	h.v.save.name.SetText("")
	test.Tap(h.v.next)
	if !h.v.problems.Visible() && !h.v.save.nameErr.Visible() {
		t.Fatal("saving without a name said nothing")
	}
	test.Type(h.v.save.name, "Northwind")
	if h.v.problems.Visible() || h.v.save.nameErr.Visible() {
		t.Errorf("after typing a name: %q / %q", h.v.problems.Text, h.v.save.nameErr.Text)
	}
}

// TestWizardTestStepShownAgainStartsAtItsTop checks that coming back to the
// test step shows its button, not the bottom of the old results.
func TestWizardTestStepShownAgainStartsAtItsTop(t *testing.T) {
	h := newHarness(t, harnessOptions{demo: true, scenario: "readonly"})
	h.startDemo(methodSecretLabel, flow.StepTest)
	h.runTest()
	page := h.v.pages[flow.StepTest].(*container.Scroll)
	if page.Content.MinSize().Height <= page.Size().Height {
		t.Fatalf("the results (%v high) fit the page (%v): nothing to scroll", page.Content.MinSize().Height, page.Size().Height)
	}
	page.ScrollToBottom()
	if page.Offset.Y == 0 || inView(page, h.v.check.start) {
		t.Fatalf("scrolled to the bottom, yet offset %v and the button in view", page.Offset.Y)
	}

	h.v.onBack()
	h.next(flow.StepTest)
	if h.v.check.start.Text != "Test again" {
		t.Fatalf("button %q", h.v.check.start.Text)
	}
	if page.Offset.Y != 0 || !inView(page, h.v.check.start) {
		t.Errorf("back on the test step: offset %v, %q in view %v", page.Offset.Y, h.v.check.start.Text, inView(page, h.v.check.start))
	}
}

// inView reports whether o lies wholly inside the scroll's visible part.
func inView(scroll *container.Scroll, o fyne.CanvasObject) bool {
	d := fyne.CurrentApp().Driver()
	top, pos := d.AbsolutePositionForObject(scroll), d.AbsolutePositionForObject(o)
	return o.Visible() && pos.Y >= top.Y && pos.Y+o.Size().Height <= top.Y+scroll.Size().Height
}

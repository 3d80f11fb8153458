package setupwizard

import (
	"errors"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/entra-wizard/entra-wizard/demotenant/demotest"
	"github.com/entra-wizard/entra-wizard/graph"
	"github.com/entra-wizard/entra-wizard/keystore"
	"github.com/entra-wizard/entra-wizard/ui/setupwizard/flow"
)

// startDemo walks a demo-mode wizard with the given method to step.
func (h *harness) startDemo(label string, step flow.Step) {
	h.t.Helper()
	h.next(flow.StepMethod)
	h.v.method.choice.SetSelected(label)
	h.walkTo(step)
}

func TestWizardWrongSecretKeepsInputAndRetries(t *testing.T) {
	h := newHarness(t, harnessOptions{demo: true})
	h.startDemo(methodSecretLabel, flow.StepCredentials)
	const wrong = "Wr0ng~secret.value-typed_by-hand1234567"
	h.v.credentials.secret.SetText("")
	test.Type(h.v.credentials.secret, wrong)
	h.walkTo(flow.StepTest)
	h.runTest()

	if !strings.Contains(h.v.check.problem.Text, "AADSTS7000215") || !strings.Contains(h.v.check.problem.Text, "What to do:") {
		t.Fatalf("problem shown: %q", h.v.check.problem.Text)
	}
	if strings.Contains(h.v.check.problem.Text, wrong) {
		t.Error("the typed secret appears in the error text")
	}
	test.Tap(h.v.next)
	if h.v.wz.Step() != flow.StepTest {
		t.Fatal("moved past a failed test")
	}

	h.v.onBack()
	h.v.onBack()
	if h.v.credentials.secret.Text != wrong {
		t.Fatal("the typed secret was lost")
	}
	h.v.credentials.secret.SetText(h.info.ClientSecret)
	h.walkTo(flow.StepTest)
	if h.v.check.problem.Visible() || h.v.check.start.Text != "Test" {
		t.Errorf("an old result is still shown for new values: %q, button %q", h.v.check.problem.Text, h.v.check.start.Text)
	}
	h.runTest()
	h.next(flow.StepSave)
}

func TestWizardUnknownTenant(t *testing.T) {
	h := newHarness(t, harnessOptions{demo: true})
	h.startDemo(methodSecretLabel, flow.StepCredentials)
	h.v.credentials.tenant.SetText("")
	test.Type(h.v.credentials.tenant, "no-such-tenant.onmicrosoft.com")
	h.walkTo(flow.StepTest)
	h.runTest()
	if !strings.Contains(h.v.check.problem.Text, "AADSTS90002") {
		t.Fatalf("problem shown: %q", h.v.check.problem.Text)
	}
	if h.v.wz.State.Tenant != "no-such-tenant.onmicrosoft.com" {
		t.Errorf("tenant now %q", h.v.wz.State.Tenant)
	}
}

// TestWizardMissingConsent checks that when no administrator has granted
// admin consent, the test says so once, at the top, with the consent
// button and its link, keeps each feature to one line, and works once
// consent is granted.
func TestWizardMissingConsent(t *testing.T) {
	h := newHarness(t, harnessOptions{demo: true, scenario: "noconsent", browser: &fakeBrowser{idle: true}})
	h.startDemo(methodSecretLabel, flow.StepConsent)
	if strings.Contains(h.v.consent.intro.Text, "already approved") {
		t.Errorf("the consent page claims %q", h.v.consent.intro.Text)
	}
	h.walkTo(flow.StepTest)
	h.runTest()
	c := h.v.check
	if !strings.Contains(c.summary.Text, "no administrator has approved") || !c.consentBox.Visible() || !c.grant.Visible() {
		t.Fatalf("summary %q, consent box shown %v", c.summary.Text, c.consentBox.Visible())
	}
	consentURL := c.consentLink.url.Text
	if !strings.Contains(consentURL, "/adminconsent?") || !strings.Contains(consentURL, "client_id="+h.info.ClientID) {
		t.Errorf("consent link %q", consentURL)
	}
	if c.problem.Visible() {
		t.Errorf("a second explanation is shown: %q", c.problem.Text)
	}
	oneLine := widget.NewLabel("x").MinSize().Height
	if want := len(graph.Features()); len(c.features.Objects) != want {
		t.Errorf("%d feature lines, want %d", len(c.features.Objects), want)
	}
	for i, row := range c.features.Objects {
		if row.MinSize().Height > oneLine {
			t.Errorf("feature line %d is %v high, more than one line (%v)", i, row.MinSize().Height, oneLine)
		}
	}
	if text := labelsUnder(c.features); strings.Contains(text, "carries no permissions") || len(c.fixes) != 0 {
		t.Errorf("the features repeat the consent problem: %d fix buttons, text:\n%s", len(c.fixes), text)
	}

	test.Tap(c.consentLink.copy)
	if got := h.v.deps.App.Clipboard().Content(); got != consentURL {
		t.Errorf("the clipboard holds %q, want the consent link", got)
	}
	test.Tap(c.grant)
	urls := h.browser.urls()
	if len(urls) == 0 || urls[len(urls)-1] != consentURL {
		t.Fatalf("Grant admin consent opened %q", urls)
	}
	demotest.Visit(consentURL) // the administrator accepts
	h.runTest()
	if !strings.Contains(c.summary.Text, "Everything works") || c.consentBox.Visible() {
		t.Errorf("after consent: summary %q, consent box shown %v", c.summary.Text, c.consentBox.Visible())
	}
	h.next(flow.StepSave)
}

// labelsUnder is the text of every label under o.
func labelsUnder(o fyne.CanvasObject) string {
	var b strings.Builder
	for _, obj := range test.LaidOutObjects(o) {
		if l, ok := obj.(*widget.Label); ok {
			b.WriteString(l.Text + "\n")
		}
	}
	return b.String()
}

// brokenKeyring is a system without a keychain: the fault cannot be caused
// on a machine that has one, so it is stood in for.
type brokenKeyring struct{}

func (brokenKeyring) Set(string, string) error   { return brokenKeyring{}.err() }
func (brokenKeyring) Get(string) (string, error) { return "", brokenKeyring{}.err() }
func (brokenKeyring) Delete(string) error        { return brokenKeyring{}.err() }
func (brokenKeyring) err() error {
	return &keystore.UnavailableError{Reason: "Secret Service not running",
		Err: errors.New("The name org.freedesktop.secrets was not provided by any .service files")}
}

func TestWizardNoKeychainSavesNothing(t *testing.T) {
	h := newHarness(t, harnessOptions{demo: true, keyring: brokenKeyring{}})
	h.startDemo(methodSecretLabel, flow.StepTest)
	h.runTest()
	h.next(flow.StepSave)
	test.Tap(h.v.next)
	h.q.until(t, "the save to fail", func() bool { return !h.v.save.running() })
	if h.v.wz.Step() != flow.StepSave {
		t.Fatalf("step %v after a failed save", h.v.wz.Step())
	}
	msg := h.v.save.problem.Text
	if !strings.Contains(msg, "no system keychain") || !strings.Contains(msg, "Nothing was saved") {
		t.Errorf("problem shown: %q", msg)
	}
	if h.v.save.name.Text != "Northwind Traders (demo)" {
		t.Errorf("name now %q", h.v.save.name.Text)
	}
	if profiles, _ := h.store.List(); len(profiles) != 0 {
		t.Errorf("saved %v without a keychain", profiles)
	}
}

func TestWizardCancelledBrowserSignIn(t *testing.T) {
	h := newHarness(t, harnessOptions{demo: true, browser: &fakeBrowser{idle: true}})
	h.startDemo(methodBrowserLabel, flow.StepTest)
	test.Tap(h.v.check.start)
	h.q.until(t, "the sign-in address", func() bool { return h.v.check.manualBox.Visible() })
	if !h.v.back.Disabled() || !h.v.next.Disabled() {
		t.Error("Back and Next are enabled while signing in")
	}
	test.Tap(h.v.check.cancel)
	h.q.until(t, "the cancel", func() bool { return !h.v.check.running() })
	if !strings.Contains(h.v.check.problem.Text, "cancelled") {
		t.Errorf("problem shown: %q", h.v.check.problem.Text)
	}
	if h.v.back.Disabled() || h.v.wz.State.ClientID != h.info.PublicClientID {
		t.Error("after cancelling, Back is off or a value changed")
	}
}

func TestWizardNoBrowserShowsTheAddress(t *testing.T) {
	h := newHarness(t, harnessOptions{demo: true, browser: &fakeBrowser{fail: true}})
	h.startDemo(methodBrowserLabel, flow.StepTest)
	test.Tap(h.v.check.start)
	h.q.until(t, "the sign-in address", func() bool { return h.v.check.manualBox.Visible() })
	url := h.v.check.manualURL.Text
	if !strings.HasPrefix(url, h.info.Authority+"/") {
		t.Fatalf("address shown: %q", url)
	}
	test.Tap(h.v.check.copyURL)
	if got := h.v.deps.App.Clipboard().Content(); got != url {
		t.Errorf("clipboard holds %q, want the sign-in address", got)
	}
	go demotest.Visit(url) // the admin opens it by hand
	h.q.until(t, "the sign-in", func() bool { return !h.v.check.running() })
	if h.v.check.problem.Visible() {
		t.Fatalf("sign-in by hand failed: %q", h.v.check.problem.Text)
	}
	h.next(flow.StepSave)
}

func TestWizardWithoutAStoreSaysWhyNothingIsSaved(t *testing.T) {
	h := newHarness(t, harnessOptions{demo: true})
	h.v.deps.Store = nil
	h.v.deps.StoreErr = errors.New("mkdir /home/admin/.config/entra-wizard: permission denied")
	h.startDemo(methodSecretLabel, flow.StepTest)
	h.runTest()
	h.next(flow.StepSave)
	test.Tap(h.v.next)
	if h.v.wz.Step() != flow.StepSave || !strings.Contains(h.v.save.problem.Text, "permission denied") ||
		!strings.Contains(h.v.save.problem.Text, "Nothing was saved") {
		t.Errorf("step %v, problem %q", h.v.wz.Step(), h.v.save.problem.Text)
	}
}

func TestWizardExpiredSecret(t *testing.T) {
	h := newHarness(t, harnessOptions{demo: true})
	var expired string
	for _, app := range h.info.Apps {
		if app.ClientID == h.info.ClientID {
			expired = app.ExpiredSecret
		}
	}
	if expired == "" {
		t.Skip("the demo tenant's main app has no expired secret")
	}
	h.startDemo(methodSecretLabel, flow.StepCredentials)
	h.v.credentials.secret.SetText(expired)
	h.walkTo(flow.StepTest)
	h.runTest()
	if !strings.Contains(h.v.check.problem.Text, "AADSTS7000222") {
		t.Errorf("problem shown: %q", h.v.check.problem.Text)
	}
}

func TestWizardNoBrowserAndNobodySignsIn(t *testing.T) {
	h := newHarness(t, harnessOptions{demo: true, browser: &fakeBrowser{fail: true},
		loginTimeout: time.Second})
	h.startDemo(methodBrowserLabel, flow.StepTest)
	h.runTest()
	if !strings.Contains(h.v.check.problem.Text, "browser could not be opened") || h.v.check.manualBox.Visible() {
		t.Errorf("problem %q, stale address shown %v", h.v.check.problem.Text, h.v.check.manualBox.Visible())
	}
	if h.v.check.start.Disabled() {
		t.Error("Sign in cannot be tried again")
	}
}

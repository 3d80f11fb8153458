package setupwizard

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/entra-wizard/entra-wizard/keystore"
	"github.com/entra-wizard/entra-wizard/ui/setupwizard/flow"
)

// TestWizardSecretMethodEndToEnd types a real app registration's values
// into a wizard without demo mode, with the demo tenant's addresses as a
// custom cloud, tests the connection over HTTP and saves it.
func TestWizardSecretMethodEndToEnd(t *testing.T) {
	h := newHarness(t, harnessOptions{})
	h.next(flow.StepMethod)
	h.v.method.choice.SetSelected(methodSecretLabel)
	h.next(flow.StepCloud)

	h.v.cloud.choice.SetSelected(cloudCustomTitle)
	test.Type(h.v.cloud.authority, h.info.Authority)
	test.Type(h.v.cloud.graph, h.info.Graph)
	h.next(flow.StepRegister)
	h.next(flow.StepCredentials)

	test.Type(h.v.credentials.clientID, h.info.ClientID)
	test.Type(h.v.credentials.tenant, h.info.TenantID)
	test.Type(h.v.credentials.secret, h.info.ClientSecret)
	if h.v.credentials.secretWarning.Visible() {
		t.Errorf("a real secret Value is flagged: %q", h.v.credentials.secretWarning.Text)
	}
	h.next(flow.StepConsent)
	if !strings.Contains(h.v.consent.consentURL.Text, "/"+h.info.TenantID+"/v2.0/adminconsent?") ||
		!strings.Contains(h.v.consent.consentURL.Text, "client_id="+h.info.ClientID) {
		t.Errorf("consent link %q is not this app's admin consent page", h.v.consent.consentURL.Text)
	}
	h.next(flow.StepTest)
	if h.v.next.Disabled() {
		t.Fatal("Next is disabled before the test; it should explain instead")
	}
	test.Tap(h.v.next)
	if h.v.wz.Step() != flow.StepTest || !strings.Contains(h.v.problems.Text, "Test the connection") {
		t.Fatalf("Next before testing: step %v, message %q", h.v.wz.Step(), h.v.problems.Text)
	}

	h.runTest()
	if !strings.Contains(h.v.check.summary.Text, "Northwind Traders") || !strings.Contains(h.v.check.summary.Text, "Everything works") {
		t.Fatalf("test summary %q, problem %q", h.v.check.summary.Text, h.v.check.problem.Text)
	}
	if len(h.v.check.features.Objects) == 0 {
		t.Error("no feature checklist shown")
	}
	h.next(flow.StepSave)
	if h.v.save.name.Text != "Northwind Traders (demo)" {
		t.Errorf("suggested name %q, want the organization's", h.v.save.name.Text)
	}
	h.v.save.name.SetText("")
	test.Type(h.v.save.name, "Northwind")
	test.Tap(h.v.next)
	h.q.until(t, "saving", func() bool { return h.v.wz.Step() == flow.StepDone })

	p, err := h.store.Get("Northwind")
	if err != nil {
		t.Fatalf("the connection was not saved: %v", err)
	}
	want := keystore.Profile{Name: "Northwind", Cloud: keystore.CloudCustom, Authority: h.info.Authority,
		Graph: h.info.Graph, Tenant: h.info.TenantID, ClientID: h.info.ClientID, Method: keystore.MethodClientSecret}
	if p.Name != want.Name || p.Cloud != want.Cloud || p.Authority != want.Authority || p.Graph != want.Graph ||
		p.Tenant != want.Tenant || p.ClientID != want.ClientID || p.Method != want.Method {
		t.Errorf("saved %+v, want %+v", p, want)
	}
	if sec, err := h.store.Secrets("Northwind"); err != nil || sec.ClientSecret != h.info.ClientSecret {
		t.Errorf("the keychain does not hold the typed secret (err %v)", err)
	}
	if !strings.Contains(h.v.done.where.Text, h.store.SettingsFile()) {
		t.Errorf("done page %q does not say where the settings went", h.v.done.where.Text)
	}
	if h.v.back.Disabled() == false {
		t.Error("Back is enabled after saving")
	}
	test.Tap(h.v.next)
	if h.finished != "Northwind" {
		t.Errorf("the panel was opened for %q, want Northwind", h.finished)
	}
}

// TestWizardBrowserMethodDemo walks the demo mode with browser sign-in:
// values pre-filled, the sign-in page opened in the "browser", which the
// demo tenant signs in at once.
func TestWizardBrowserMethodDemo(t *testing.T) {
	h := newHarness(t, harnessOptions{demo: true})
	h.next(flow.StepMethod)
	h.v.method.choice.SetSelected(methodBrowserLabel)
	h.walkTo(flow.StepCredentials)
	if h.v.credentials.clientID.Text != h.info.PublicClientID || h.v.credentials.tenant.Text != h.info.TenantDomain {
		t.Fatalf("demo values not filled in: client %q tenant %q", h.v.credentials.clientID.Text, h.v.credentials.tenant.Text)
	}
	if h.v.credentials.secretBox.Visible() {
		t.Error("the secret field shows for browser sign-in")
	}
	h.walkTo(flow.StepTest)
	if h.v.check.start.Text != "Sign in" {
		t.Errorf("test button says %q", h.v.check.start.Text)
	}
	h.runTest()
	if h.v.check.problem.Visible() {
		t.Fatalf("sign-in failed: %s", h.v.check.problem.Text)
	}
	urls := h.browser.urls()
	if len(urls) != 1 || !strings.HasPrefix(urls[0], h.info.Authority+"/") || !strings.Contains(urls[0], "code_challenge_method=S256") {
		t.Errorf("the browser opened %q, want the demo tenant's sign-in page", urls)
	}
	h.next(flow.StepSave)
	test.Tap(h.v.next)
	h.q.until(t, "saving", func() bool { return h.v.wz.Step() == flow.StepDone })

	p, err := h.store.Get("Northwind Traders (demo)")
	if err != nil {
		t.Fatalf("not saved: %v", err)
	}
	if p.Cloud != keystore.CloudDemo || p.Method != keystore.MethodBrowser || p.ClientID != h.info.PublicClientID {
		t.Errorf("saved %+v", p)
	}
	if sec, err := h.store.Secrets(p.Name); err != nil || sec.RefreshToken == "" || sec.ClientSecret != "" {
		t.Errorf("keychain: want the refresh token only (err %v)", err)
	}
}

// TestWizardKeysAndBackKeepValues moves with Enter and Escape and checks
// every typed value survives going back and forth.
func TestWizardKeysAndBackKeepValues(t *testing.T) {
	h := newHarness(t, harnessOptions{})
	enter := &fyne.KeyEvent{Name: fyne.KeyReturn}
	escape := &fyne.KeyEvent{Name: fyne.KeyEscape}
	h.v.welcome.choice.SetSelected(choiceManual)
	h.win.Canvas().OnTypedKey()(enter)
	if h.v.wz.Step() != flow.StepMethod {
		t.Fatalf("Enter on welcome: step %v", h.v.wz.Step())
	}
	h.win.Canvas().OnTypedKey()(enter)
	if h.v.wz.Step() != flow.StepMethod || !h.v.method.problem.Visible() {
		t.Fatalf("Enter without a method: step %v, field message %q", h.v.wz.Step(), h.v.method.problem.Text)
	}
	h.v.method.choice.SetSelected(methodSecretLabel)
	h.walkTo(flow.StepCredentials)
	test.Type(h.v.credentials.clientID, "not-a-guid")
	test.Type(h.v.credentials.tenant, "contoso.onmicrosoft.com")
	test.Type(h.v.credentials.secret, "3c9d1f7e-0000-4000-8000-1234567890ab")
	if !h.v.credentials.clientIDErr.Visible() || !strings.Contains(h.v.credentials.clientIDErr.Text, "00000000-0000") {
		t.Errorf("client ID message while typing: %q", h.v.credentials.clientIDErr.Text)
	}
	if !h.v.credentials.secretWarning.Visible() || !strings.Contains(h.v.credentials.secretWarning.Text, "ID") {
		t.Errorf("no warning for a secret ID: %q", h.v.credentials.secretWarning.Text)
	}
	h.v.credentials.clientID.TypedKey(enter) // Enter in a field submits it
	if h.v.wz.Step() != flow.StepCredentials {
		t.Fatal("moved on with an invalid client ID")
	}

	if !h.v.credentials.secret.Password {
		t.Error("the secret is shown as it is typed")
	}
	test.Tap(h.v.credentials.reveal)
	if h.v.credentials.secret.Password {
		t.Error("the eye button does not show the secret")
	}
	test.Tap(h.v.credentials.reveal)
	if !h.v.credentials.secret.Password {
		t.Error("the eye button does not hide the secret again")
	}

	h.win.Canvas().Focus(h.v.credentials.secret)
	h.v.credentials.secret.TypedKey(escape) // Escape in a field goes back too
	h.win.Canvas().OnTypedKey()(escape)
	h.win.Canvas().OnTypedKey()(escape)
	if h.v.wz.Step() != flow.StepMethod || h.v.method.choice.Selected != methodSecretLabel {
		t.Fatalf("after three Escapes: step %v, method %q", h.v.wz.Step(), h.v.method.choice.Selected)
	}
	h.walkTo(flow.StepCredentials)
	c := h.v.credentials
	if c.clientID.Text != "not-a-guid" || c.tenant.Text != "contoso.onmicrosoft.com" || c.secret.Text != "3c9d1f7e-0000-4000-8000-1234567890ab" {
		t.Errorf("values after Back and Next: %q %q (secret kept: %v)", c.clientID.Text, c.tenant.Text,
			c.secret.Text == "3c9d1f7e-0000-4000-8000-1234567890ab")
	}
}

// TestWizardRegisterAndConsentPages checks the portal and consent buttons
// open the right pages and the copy buttons copy what the portal needs.
func TestWizardRegisterAndConsentPages(t *testing.T) {
	h := newHarness(t, harnessOptions{demo: true})
	h.startDemo(methodBrowserLabel, flow.StepRegister)
	clip := h.v.deps.App.Clipboard()
	test.Tap(h.v.register.copyName)
	if clip.Content() != appName {
		t.Errorf("copied %q, want the app name", clip.Content())
	}
	test.Tap(h.v.register.copyRedirect)
	if clip.Content() != "http://localhost" {
		t.Errorf("copied %q, want the redirect URI", clip.Content())
	}
	test.Tap(h.v.register.openPortal)
	if urls := h.browser.urls(); len(urls) != 1 || !strings.Contains(urls[0], "CreateApplicationBlade") {
		t.Errorf("the portal button opened %q", urls)
	}

	h.walkTo(flow.StepConsent)
	test.Tap(h.v.consent.openConsent)
	urls := h.browser.urls()
	consent := urls[len(urls)-1]
	if !strings.HasPrefix(consent, h.info.Authority+"/"+h.info.TenantDomain+"/v2.0/adminconsent?") ||
		!strings.Contains(consent, "client_id="+h.info.PublicClientID) {
		t.Errorf("the consent button opened %q", consent)
	}
	test.Tap(h.v.consent.openPortal)
	if urls := h.browser.urls(); !strings.Contains(urls[len(urls)-1], "/appId/"+h.info.PublicClientID+"/") {
		t.Errorf("the API permissions button opened %q", urls[len(urls)-1])
	}
}

func TestWizardWarnsBeforeReplacingASavedConnection(t *testing.T) {
	h := newHarness(t, harnessOptions{demo: true})
	p, s := secretProfile(h.info, "Northwind Traders (demo)")
	if _, err := h.store.Save(p, s); err != nil {
		t.Fatal(err)
	}
	h.startDemo(methodSecretLabel, flow.StepTest)
	h.runTest()
	h.next(flow.StepSave)
	if !h.v.save.replaces.Visible() || !strings.Contains(h.v.save.replaces.Text, "replaces") {
		t.Errorf("no warning before replacing: %q", h.v.save.replaces.Text)
	}
	test.Type(h.v.save.name, " 2")
	if h.v.save.replaces.Visible() {
		t.Errorf("warning for a new name: %q", h.v.save.replaces.Text)
	}
}

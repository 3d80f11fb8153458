package setupwizard

import (
	"slices"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"

	"github.com/entra-wizard/entra-wizard/keystore"
)

// openAutoSetup picks "Set it up for me" on the first page.
func openAutoSetup(h *harness) *autoSetupStep {
	h.v.welcome.choice.SetSelected(choiceAutoSetup)
	test.Tap(h.v.next)
	if !h.v.inAutoSetup {
		h.t.Fatal("the setup page did not open")
	}
	return h.v.autoSetup
}

// TestSetItUpForMeCreatesTestsAndSaves runs setup with what the page
// offers: a certificate, as recommended, valid for a year. Its key ends
// up in the keychain and nowhere in the settings or home folders.
func TestSetItUpForMeCreatesTestsAndSaves(t *testing.T) {
	h := newHarness(t, harnessOptions{demo: true})
	t.Setenv("HOME", h.home)
	s := openAutoSetup(h)
	if s.method.Selected != methodCertificateLabel || s.days.Text != "365" {
		t.Fatalf("the page offers %q for %s days; want a certificate for a year", s.method.Selected, s.days.Text)
	}
	s.appName.SetText("Wizard from the window")
	s.features.SetSelected([]string{"Read users", "Read groups"})
	test.Tap(s.start)
	h.q.until(t, "setup", func() bool { return !s.running })
	if s.failed != nil {
		t.Fatalf("setup failed: %s", s.problem.Text)
	}
	apps := h.tenant.AppsNamed("Wizard from the window")
	if len(apps) != 1 || !slices.Equal(apps[0].Roles, []string{"User.Read.All", "Group.Read.All", "Organization.Read.All"}) {
		t.Fatalf("registered %+v", apps)
	}
	test.Tap(s.openPanel)
	p, err := h.store.Get(s.name.Text)
	if err != nil || p.Method != keystore.MethodCertificate || p.Certificate == nil || h.finished != s.name.Text {
		t.Fatalf("saved %+v (%v), panel opened on %q", p, err, h.finished)
	}
	if days := time.Until(p.Certificate.Expires).Hours() / 24; days < 364 || days > 366 {
		t.Errorf("the certificate is valid for %.1f days, want 365", days)
	}
	sec, err := h.store.Secrets(s.name.Text)
	if err != nil || sec.CertificateKey == "" || sec.ClientSecret != "" {
		t.Fatalf("the keychain holds %v; want the certificate's key only", err)
	}
	h.assertKeyNowhere(sec.CertificateKey)
}

// TestSetItUpForMeSecretWithItsLifetime chooses a client secret on the
// page: its lifetime follows (180 days) until the admin types another,
// which must lie between 1 and 730 days; the secret then expires when
// asked.
func TestSetItUpForMeSecretWithItsLifetime(t *testing.T) {
	h := newHarness(t, harnessOptions{demo: true})
	s := openAutoSetup(h)
	s.method.SetSelected(methodSecretLabel)
	if s.days.Text != "180" || s.days.Disabled() {
		t.Fatalf("a secret is offered for %q days", s.days.Text)
	}
	s.appName.SetText("Secret from the window")
	s.features.SetSelected([]string{"Read users"})
	for _, bad := range []string{"0", "731", "two years", ""} {
		s.days.SetText(bad)
		test.Tap(s.start)
		if s.running || !strings.Contains(s.problem.Text, "from 1 to 730") {
			t.Fatalf("lifetime %q: running %v, %q", bad, s.running, s.problem.Text)
		}
	}
	if n := len(h.tenant.AppsNamed("Secret from the window")); n != 0 {
		t.Fatalf("%d apps were created with a bad lifetime", n)
	}
	s.days.SetText("")
	test.Type(s.days, "20")
	s.method.SetSelected(methodBrowserLabel)
	s.method.SetSelected(methodSecretLabel)
	if s.days.Text != "20" {
		t.Errorf("switching methods replaced the typed lifetime with %q", s.days.Text)
	}
	test.Tap(s.start)
	h.q.until(t, "setup", func() bool { return !s.running })
	p, err := h.store.Get(s.name.Text)
	if err != nil || p.Method != keystore.MethodClientSecret || p.SecretExpires == nil {
		t.Fatalf("saved %+v (%v): %s", p, err, s.problem.Text)
	}
	if days := time.Until(*p.SecretExpires).Hours() / 24; days < 19 || days > 21 {
		t.Errorf("the secret is valid for %.1f days, want 20", days)
	}
}

func TestSetItUpForMeRefusalOffersRemoveAndTheGuidedPath(t *testing.T) {
	h := newHarness(t, harnessOptions{demo: true})
	h.browser.hint = "appadmin@" + h.info.TenantDomain
	s := openAutoSetup(h)
	s.appName.SetText("Refused in the window")
	test.Tap(s.start)
	h.q.until(t, "setup", func() bool { return !s.running })
	if s.failed == nil || !strings.Contains(s.problem.Text, "Privileged Role Administrator") ||
		!strings.Contains(s.consent.url.Text, "adminconsent") || !strings.Contains(labelsUnder(s.createdLinks), "App registration") {
		t.Fatalf("problem %q, consent link %q, created %q", s.problem.Text, s.consent.url.Text, labelsUnder(s.createdLinks))
	}
	// The demo has no admin center: what was created is named, with no
	// link to the real one.
	for _, l := range s.failed.Links() {
		if !strings.Contains(labelsUnder(s.createdLinks), l.Title) || strings.Contains(labelsUnder(s.createdLinks), l.URL) {
			t.Errorf("the created %q is not named, or links the real admin center", l.Title)
		}
	}
	if !strings.Contains(s.created.Text, "no Entra admin center") {
		t.Errorf("the page says %q", s.created.Text)
	}
	if !s.consentBox.Visible() {
		t.Error("the consent link is not shown")
	}
	test.Tap(s.consent.copy)
	if got := h.v.deps.App.Clipboard().Content(); got != s.failed.ConsentURL {
		t.Errorf("the clipboard holds %q, want the consent link", got)
	}
	if !s.remove.Visible() || !s.guided.Visible() || s.start.Visible() {
		t.Error("the failure's choices are not offered")
	}
	test.Tap(s.remove)
	h.q.until(t, "removing", func() bool { return !s.running })
	if n := len(h.tenant.AppsNamed("Refused in the window")); n != 0 || !strings.Contains(s.created.Text, "removed") {
		t.Errorf("%d apps left; %q", n, s.created.Text)
	}
	test.Tap(s.guided)
	if h.v.inAutoSetup || h.v.wz.Step().Title() == "" {
		t.Error("the guided path did not open")
	}
}

package setupwizard

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
)

// TestSetItUpForMeContinuesAfterAnAdministratorConsents is an
// Application Administrator, who may register the app but not grant it
// Microsoft Graph's application permissions: a Global Administrator opens
// the offered consent link and approves, and "Continue from this step"
// then sees the permissions granted instead of asking again for them.
func TestSetItUpForMeContinuesAfterAnAdministratorConsents(t *testing.T) {
	h := newHarness(t, harnessOptions{demo: true})
	h.browser.hint = "appadmin@" + h.info.TenantDomain
	s := openAutoSetup(h)
	s.appName.SetText("Consented by the admin")
	test.Tap(s.start)
	h.q.until(t, "setup", func() bool { return !s.running })
	if s.failed == nil || s.consent.url.Text == "" {
		t.Fatalf("no consent link offered: %q", s.problem.Text)
	}
	visit(s.consent.url.Text) // the Global Administrator approves in their browser
	test.Tap(s.resume)
	h.q.until(t, "continuing", func() bool { return !s.running })
	if s.failed != nil {
		t.Fatalf("continuing after consent failed: %s", s.problem.Text)
	}
	if _, err := h.store.Get(s.name.Text); err != nil || !strings.Contains(s.summary.Text, "tested and saved") {
		t.Fatalf("not saved (%v): %q", err, s.summary.Text)
	}
}

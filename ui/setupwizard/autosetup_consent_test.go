package setupwizard

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"github.com/entra-wizard/entra-wizard/demotenant/demotest"
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
	demotest.Visit(s.consent.url.Text) // the Global Administrator approves in their browser
	test.Tap(s.resume)
	h.q.until(t, "continuing", func() bool { return !s.running })
	if s.failed != nil {
		t.Fatalf("continuing after consent failed: %s", s.problem.Text)
	}
	if _, err := h.store.Get(s.name.Text); err != nil || !strings.Contains(s.summary.Text, "tested and saved") {
		t.Fatalf("not saved (%v): %q", err, s.summary.Text)
	}
}

// TestSetItUpForMeHandsTheAppToTheGuidedSteps leaves a run refused at
// consent for the guided steps: keeping the app carries its client ID and
// tenant over and removes the certificate nobody saw, and removing
// instead leaves nothing in the tenant.
func TestSetItUpForMeHandsTheAppToTheGuidedSteps(t *testing.T) {
	for _, keep := range []bool{true, false} {
		h := newHarness(t, harnessOptions{demo: true})
		h.browser.hint = "appadmin@" + h.info.TenantDomain
		s := openAutoSetup(h)
		s.appName.SetText("Handed over")
		test.Tap(s.start)
		h.q.until(t, "setup", func() bool { return !s.running })
		if s.failed == nil {
			t.Fatal("setup did not stop at consent")
		}
		appID := s.failed.State.Created.AppID
		test.Tap(s.guided)
		if !h.v.inAutoSetup || !s.hand.box.Visible() {
			t.Fatal("left for the guided steps without settling what setup created")
		}
		if keep {
			test.Tap(s.hand.keep)
		} else {
			test.Tap(s.hand.erase)
		}
		h.q.until(t, "the hand-over", func() bool { return !h.v.inAutoSetup })
		apps := h.tenant.AppsNamed("Handed over")
		if !keep {
			if len(apps) != 0 {
				t.Errorf("%d apps left after removing", len(apps))
			}
			continue
		}
		if len(apps) != 1 || len(apps[0].Keys) != 0 || len(apps[0].Secrets) != 0 {
			t.Fatalf("in the tenant: %+v; want the app without the unseen credential", apps)
		}
		st := h.v.wz.State
		if st.ClientID != appID || st.Tenant != h.info.TenantID || st.Secret != "" {
			t.Errorf("carried client ID %q tenant %q (secret set: %v); want %q in %q", st.ClientID, st.Tenant, st.Secret != "", appID, h.info.TenantID)
		}
	}
}

package setupwizard

import (
	"strings"
	"testing"

	"github.com/entra-wizard/entra-wizard/keystore"
	"github.com/entra-wizard/entra-wizard/ui/setupwizard/flow"
)

// TestConsentPageNamesWhoMayApprovePerMethod checks the consent page
// follows Microsoft's rule: Application and Cloud Application
// Administrators may grant delegated permissions (browser sign-in) but
// not application permissions on Microsoft Graph (an app secret).
func TestConsentPageNamesWhoMayApprovePerMethod(t *testing.T) {
	for _, c := range []struct {
		label    string
		may      []string
		mayNot   string // a sentence the page must carry, or ""
		mustLack string
	}{
		{methodSecretLabel, []string{"Privileged Role Administrator", "Global Administrator"},
			"Application Administrator or Cloud Application Administrator can register but cannot approve", ""},
		{methodBrowserLabel, []string{"Application Administrator", "Cloud Application Administrator",
			"Privileged Role Administrator", "Global Administrator"}, "", "cannot approve"},
	} {
		t.Run(c.label, func(t *testing.T) {
			h := newHarness(t, harnessOptions{demo: true})
			h.startDemo(c.label, flow.StepConsent)
			text := h.v.consent.who.String()
			for _, role := range c.may {
				if !strings.Contains(text, role) {
					t.Errorf("the consent page does not name %s:\n%s", role, text)
				}
			}
			if c.mayNot != "" && !strings.Contains(text, c.mayNot) {
				t.Errorf("the consent page does not say who cannot approve:\n%s", text)
			}
			if c.mustLack != "" && strings.Contains(text, c.mustLack) {
				t.Errorf("the consent page says %q for delegated permissions:\n%s", c.mustLack, text)
			}
		})
	}
}

// TestMissingConsentNamesTheApproversOfTheMethod checks the test page's
// consent help for a secret names only the roles that may grant
// application permissions.
func TestMissingConsentNamesTheApproversOfTheMethod(t *testing.T) {
	h := newHarness(t, harnessOptions{demo: true, scenario: "noconsent", browser: &fakeBrowser{idle: true}})
	h.startDemo(methodSecretLabel, flow.StepTest)
	h.runTest()
	help := h.v.check.consentHelp.Text
	if !h.v.check.consentBox.Visible() || !strings.Contains(help, "Privileged Role Administrator or Global Administrator") ||
		strings.Contains(help, "Application Administrator") {
		t.Errorf("consent help for a secret: %q", help)
	}
	if got := consentHelp(keystore.MethodBrowser); !strings.Contains(got, "Cloud Application Administrator") {
		t.Errorf("consent help for browser sign-in: %q", got)
	}
}

package setupwizard

import (
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
)

// TestSetItUpForMeSaysHowOftenItSignsIn reads the page's words: once for
// a certificate, twice for a browser sign-in, whose second sign-in is
// announced when it comes.
func TestSetItUpForMeSaysHowOftenItSignsIn(t *testing.T) {
	h := newHarness(t, harnessOptions{demo: true})
	s := openAutoSetup(h)
	if !strings.Contains(s.intro.Text, "Sign in once") {
		t.Errorf("with a certificate the page says %q", s.intro.Text)
	}
	s.method.SetSelected(methodBrowserLabel)
	if strings.Contains(s.intro.Text, "once in") || !strings.Contains(s.intro.Text, "twice") {
		t.Errorf("with a browser sign-in the page says %q", s.intro.Text)
	}
	s.appName.SetText("Signed in twice")
	var said []string
	test.Tap(s.start)
	h.q.until(t, "setup", func() bool { said = append(said, s.status.Text); return !s.running })
	if s.failed != nil {
		t.Fatalf("setup failed: %s", s.problem.Text)
	}
	all := strings.Join(said, "\n")
	if !strings.Contains(all, "sign in again, this time to the new app") {
		t.Errorf("the second sign-in was not announced: %q", all)
	}
}

// TestSetItUpForMeWaitingHelpFitsMicrosoftsOwnApp checks the help shown
// while the setup sign-in waits: it signs in with Microsoft's own app, so
// advice about the app's Authentication page (AADSTS50011) does not
// apply; and when the browser cannot be opened, the page says so.
func TestSetItUpForMeWaitingHelpFitsMicrosoftsOwnApp(t *testing.T) {
	h := newHarness(t, harnessOptions{demo: true, browser: &fakeBrowser{fail: true}})
	s := openAutoSetup(h)
	test.Tap(s.start)
	h.q.until(t, "the sign-in address", func() bool { return s.signInBox.Visible() && strings.Contains(s.signInWhy.Text, "could not be opened") })
	if strings.Contains(s.status.Text, "AADSTS50011") || strings.Contains(s.status.Text, "Authentication page") {
		t.Errorf("the waiting help speaks of the app's redirect: %q", s.status.Text)
	}
	if !strings.Contains(s.status.Text, "Command Line Tools") {
		t.Errorf("the waiting help does not name the app signed in to: %q", s.status.Text)
	}
	test.Tap(s.cancel)
	h.q.until(t, "cancelling", func() bool { return !s.running })
}

// TestSetItUpForMeOffersFeaturesByTheTestPagesNames: "Use it for" lists
// what the connection test calls each feature, not command-line names.
func TestSetItUpForMeOffersFeaturesByTheTestPagesNames(t *testing.T) {
	h := newHarness(t, harnessOptions{demo: true})
	s := openAutoSetup(h)
	for _, o := range s.features.Options {
		if strings.Contains(o, "-") || o == "" {
			t.Errorf("offered %q", o)
		}
	}
	if !slices.Contains(s.features.Options, "Read users") {
		t.Errorf("offered %q", s.features.Options)
	}
}

package ldap

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/entra-wizard/entra-wizard/ldapconn"
	"github.com/entra-wizard/entra-wizard/ldapconn/slapdtest"
	"github.com/entra-wizard/entra-wizard/ui/kit"
)

// TestSetupPlaceholdersDoNotLookFilledIn: each example in an empty field
// says it is one.
func TestSetupPlaceholdersDoNotLookFilledIn(t *testing.T) {
	h := newHarness(t)
	s := NewSetup(h.deps, nil, nil)
	for _, e := range []string{s.name.PlaceHolder, s.server.PlaceHolder, s.bind.PlaceHolder, s.baseDN.PlaceHolder} {
		if !strings.HasPrefix(e, "for example") {
			t.Errorf("placeholder %q reads as a value", e)
		}
	}
}

// TestSetupTestBringsTheChecklistIntoView tests on a laptop-sized window:
// the checklist, below the fields, scrolls into sight, so Test visibly
// does something.
func TestSetupTestBringsTheChecklistIntoView(t *testing.T) {
	h := newHarness(t)
	s := NewSetup(h.deps, nil, nil)
	w := test.NewTempWindow(t, s.View())
	w.Resize(kit.FirstWindowSize())
	typeSettings(s, h.srv, slapdtest.BindPassword)
	test.Tap(s.test)
	h.waitFor(t, "the test", func() bool { return !s.test.Disabled() })
	s.View().Refresh() // lay the page out as the window draws it
	d := fyne.CurrentApp().Driver()
	top := d.AbsolutePositionForObject(s.checklist.box).Y - d.AbsolutePositionForObject(s.scroll.Content).Y
	if top < s.scroll.Offset.Y || top >= s.scroll.Offset.Y+s.scroll.Size().Height {
		t.Errorf("the checklist starts at %.0f; the page shows %.0f to %.0f", top, s.scroll.Offset.Y, s.scroll.Offset.Y+s.scroll.Size().Height)
	}
}

// TestSetupDNSHintAgreesWithTheGuide: a name that does not resolve is
// answered with a DNS record (or the hosts file), never "type the IP
// address", which the certificate check would then refuse (the guide's
// step 5).
func TestSetupDNSHintAgreesWithTheGuide(t *testing.T) {
	h := newHarness(t)
	s := NewSetup(h.deps, nil, nil)
	test.NewTempWindow(t, s.View())
	typeSettings(s, h.srv, slapdtest.BindPassword)
	s.server.SetText("ldaps.unknown-domain.example")
	test.Tap(s.test)
	h.waitFor(t, "the test", func() bool { return !s.test.Disabled() })
	hint := s.checklist.hint.Text
	if !strings.Contains(hint, "DNS record") || strings.Contains(hint, "type that IP address") {
		t.Errorf("the hint says %q", hint)
	}
	if got := s.checklist.rows[ldapconn.StepDNS].Text; got == "" {
		t.Error("no DNS line in the checklist")
	}
}

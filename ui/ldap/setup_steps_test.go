package ldap

import (
	"strconv"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/entra-wizard/entra-wizard/ldapconn"
	"github.com/entra-wizard/entra-wizard/ldapconn/slapdtest"
	"github.com/entra-wizard/entra-wizard/ui/kit"
)

// contains reports whether o is root or shown somewhere under it.
func contains(root, o fyne.CanvasObject) bool {
	if root == o {
		return true
	}
	switch c := root.(type) {
	case *fyne.Container:
		for _, child := range c.Objects {
			if contains(child, o) {
				return true
			}
		}
	case *container.Scroll:
		return contains(c.Content, o)
	case *widget.Form:
		for _, it := range c.Items {
			if contains(it.Widget, o) {
				return true
			}
		}
	}
	return false
}

// TestSetupDomainFieldFillsWhatFollowsFromIt: the managed domain typed in
// step 1 names the server, the bind account's example, the base DN and the
// guide's values, until the admin types a server of their own.
func TestSetupDomainFieldFillsWhatFollowsFromIt(t *testing.T) {
	h := newHarness(t)
	s := NewSetup(h.deps, nil, nil)
	test.NewTempWindow(t, s.View())
	if !contains(s.guide.body.Objects[0], s.domain) {
		t.Fatal("the managed domain's field is not in step 1")
	}
	test.Type(s.domain, "corp.fabrikam.com")
	if s.server.Text != "ldaps.corp.fabrikam.com" || s.baseDN.Text != "DC=corp,DC=fabrikam,DC=com" {
		t.Errorf("server %q, base DN %q", s.server.Text, s.baseDN.Text)
	}
	if s.bind.PlaceHolder != "for example: admin@corp.fabrikam.com" {
		t.Errorf("bind example %q", s.bind.PlaceHolder)
	}
	test.Tap(s.guide.copyButtons["5.DNS name"])
	if got := h.deps.Clipboard.Content(); got != "ldaps.corp.fabrikam.com" {
		t.Errorf("step 5 copies %q", got)
	}

	// A server of the admin's own stays when the domain changes.
	s.server.SetText("dc1.corp.fabrikam.com")
	s.domain.SetText("fabrikam.com")
	if s.server.Text != "dc1.corp.fabrikam.com" {
		t.Errorf("the typed server became %q", s.server.Text)
	}
	if s.baseDN.Text != "DC=fabrikam,DC=com" || s.bind.PlaceHolder != "for example: admin@fabrikam.com" {
		t.Errorf("base DN %q, bind example %q", s.baseDN.Text, s.bind.PlaceHolder)
	}
}

// TestSetupFromTheDomainSavesTheSameSettings: a connection set up from the
// domain field tests and saves the server name it filled in, as if typed.
func TestSetupFromTheDomainSavesTheSameSettings(t *testing.T) {
	h := newHarness(t)
	s := NewSetup(h.deps, nil, func(string) {})
	test.NewTempWindow(t, s.View())
	test.Type(s.name, "From the domain")
	test.Type(s.domain, slapdtest.Domain)
	s.port.SetText(strconv.Itoa(h.srv.Port))
	test.Type(s.bind, slapdtest.BindDN)
	test.Type(s.password, slapdtest.BindPassword)
	s.pinned = ldapconn.Fingerprint(h.srv.CertificateDER())
	test.Tap(s.test)
	h.waitFor(t, "the test", func() bool { return !s.test.Disabled() })
	test.Tap(s.save)
	p, err := h.store.Get("From the domain")
	if err != nil || p.LDAP == nil {
		t.Fatalf("not saved: %v %s", err, s.checklist.problem.Text)
	}
	if p.LDAP.Server != slapdtest.ServerName || p.LDAP.BaseDN != slapdtest.BaseDN || p.LDAP.BindAccount != slapdtest.BindDN {
		t.Errorf("saved %+v", *p.LDAP)
	}
}

// TestSetupCountsTheGuideSteps: the page says which of the guide's steps
// shows, above the scrolled part so it is always in sight, and Next step
// and Previous step move through them.
func TestSetupCountsTheGuideSteps(t *testing.T) {
	s := NewSetup(Deps{}, nil, nil)
	w := test.NewTempWindow(t, s.View())
	w.Resize(kit.FirstWindowSize())
	s.scroll.ScrollToBottom()
	if got := s.guide.position.Text; got != "Step 1 of 6" {
		t.Errorf("the counter says %q", got)
	}
	if contains(s.scroll, s.guide.position) || !contains(s.View(), s.guide.position) {
		t.Error("the step counter is not on the page above the scrolled part")
	}
	test.Tap(s.guide.next)
	if got := s.guide.position.Text; got != "Step 2 of 6" || s.guide.title.Text != guideSteps[1].title ||
		!s.guide.body.Objects[1].Visible() || s.guide.body.Objects[0].Visible() {
		t.Errorf("after Next step: %q, %q", got, s.guide.title.Text)
	}
	for range guideSteps {
		test.Tap(s.guide.next)
	}
	if got := s.guide.position.Text; got != "Step 6 of 6" || !s.guide.next.Disabled() {
		t.Errorf("at the end: %q, Next step disabled=%v", got, s.guide.next.Disabled())
	}
	test.Tap(s.guide.prev)
	if got := s.guide.position.Text; got != "Step 5 of 6" {
		t.Errorf("after Previous step: %q", got)
	}
	// The counter keeps its place when the domain rebuilds the steps.
	test.Type(s.domain, "fabrikam.com")
	if got := s.guide.position.Text; got != "Step 5 of 6" || !strings.Contains(s.guide.title.Text, "5.") {
		t.Errorf("after typing the domain: %q, %q", got, s.guide.title.Text)
	}
}

// TestSetupCancelLeavesWithoutSaving: Cancel shows only when there is
// somewhere to go, and Escape in a field does the same as Cancel.
func TestSetupCancelLeavesWithoutSaving(t *testing.T) {
	h := newHarness(t)
	s := NewSetup(h.deps, nil, nil)
	w := test.NewTempWindow(t, s.View())
	if s.cancelBtn.Visible() {
		t.Error("Cancel shows with nowhere to go")
	}
	cancelled := 0
	s.SetOnCancel(func() { cancelled++ })
	w.Canvas().SetOnTypedKey(s.OnKey)
	test.Type(s.name, "Not saved")
	test.Tap(s.cancelBtn)
	w.Canvas().Focus(s.server)
	s.server.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if cancelled != 2 {
		t.Errorf("Cancel and Escape left %d times", cancelled)
	}
	if list, err := h.store.List(); err != nil || len(list) != 0 {
		t.Errorf("saved %v, %v", list, err)
	}
}

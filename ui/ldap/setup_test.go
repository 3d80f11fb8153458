package ldap

import (
	"strconv"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"github.com/entra-wizard/entra-wizard/ldapconn"
	"github.com/entra-wizard/entra-wizard/ldapconn/slapdtest"
)

func typeSettings(s *Setup, srv *slapdtest.Server, password string) {
	test.Type(s.name, "Managed domain")
	test.Type(s.server, slapdtest.ServerName)
	s.port.SetText(strconv.Itoa(srv.Port))
	test.Type(s.bind, slapdtest.BindDN)
	test.Type(s.password, password)
}

func TestSetupTrustsTheCertificateTestsAndSaves(t *testing.T) {
	h := newHarness(t)
	var savedName string
	s := NewSetup(h.deps, nil, func(n string) { savedName = n })
	w := test.NewTempWindow(t, s.View())
	_ = w
	typeSettings(s, h.srv, slapdtest.BindPassword)
	if s.baseDN.Text != slapdtest.BaseDN {
		t.Errorf("base DN suggestion = %q, want %q", s.baseDN.Text, slapdtest.BaseDN)
	}
	if !s.save.Disabled() {
		t.Fatal("Save is enabled before any test")
	}

	test.Tap(s.test)
	h.waitFor(t, "the first test", func() bool { return !s.test.Disabled() })
	fp := ldapconn.Fingerprint(h.srv.CertificateDER())
	if s.trust.Hidden || !s.save.Disabled() {
		t.Fatalf("an untrusted certificate: trust hidden=%v, save disabled=%v", s.trust.Hidden, s.save.Disabled())
	}
	cert := s.checklist.certificate.Text
	for _, want := range []string{"CN=*.aaddscontoso.com", "Throwaway Test Authority", "SHA-256 fingerprint: " + fp, "Not trusted yet", "Expires:"} {
		if !strings.Contains(cert, want) {
			t.Errorf("certificate text lacks %q:\n%s", want, cert)
		}
	}
	if !strings.Contains(s.checklist.problem.Text, "not from an authority this computer trusts") {
		t.Errorf("problem = %q", s.checklist.problem.Text)
	}
	if got := s.checklist.rows[ldapconn.StepBind].Text; !strings.Contains(got, "not tested") {
		t.Errorf("the bind ran with an untrusted certificate: %q", got)
	}

	test.Tap(s.trust)
	h.waitFor(t, "the test after trusting", func() bool { return !s.test.Disabled() })
	if s.save.Disabled() {
		t.Fatalf("the pinned test did not pass: %s %s", s.checklist.problem.Text, s.checklist.hint.Text)
	}
	if !strings.Contains(s.checklist.summary.Text, "5 users and 3 groups") || !strings.Contains(s.trusted.Text, fp) {
		t.Errorf("summary %q, trusted %q", s.checklist.summary.Text, s.trusted.Text)
	}

	test.Tap(s.save)
	if savedName != "Managed domain" {
		t.Fatalf("onSaved heard %q", savedName)
	}
	p, err := h.store.Get("Managed domain")
	if err != nil || p.LDAP == nil || p.LDAP.Fingerprint != fp || p.LDAP.Port != h.srv.Port {
		t.Fatalf("saved %+v, %v", p, err)
	}
	if sec, err := h.store.Secrets("Managed domain"); err != nil || sec.LDAPPassword != slapdtest.BindPassword {
		t.Errorf("password not in the keychain: %v", err)
	}
}

func TestSetupExplainsAWrongPasswordAndKeepsTheValues(t *testing.T) {
	h := newHarness(t)
	s := NewSetup(h.deps, nil, nil)
	test.NewTempWindow(t, s.View())
	typeSettings(s, h.srv, "Wrong-pass-1")
	s.pinned = ldapconn.Fingerprint(h.srv.CertificateDER())
	test.Tap(s.test)
	h.waitFor(t, "the test", func() bool { return !s.test.Disabled() })
	if !strings.Contains(s.checklist.problem.Text, "refused") || !strings.Contains(s.checklist.hint.Text, "password hash") {
		t.Errorf("problem %q, hint %q", s.checklist.problem.Text, s.checklist.hint.Text)
	}
	if !s.save.Disabled() || s.server.Text != slapdtest.ServerName || s.password.Text != "Wrong-pass-1" {
		t.Error("a failed test must keep the values and not allow saving")
	}

	// Retry after fixing the password: it passes.
	s.password.SetText(slapdtest.BindPassword)
	test.Tap(s.test)
	h.waitFor(t, "the retry", func() bool { return !s.test.Disabled() })
	if s.save.Disabled() {
		t.Errorf("the retry did not pass: %s", s.checklist.problem.Text)
	}
	// Changing a value after the test asks for a new test before saving.
	test.Type(s.baseDN, "x")
	if !s.save.Disabled() {
		t.Error("Save stays enabled after the base DN changed")
	}
}

func TestSetupValidatesAsTyped(t *testing.T) {
	s := NewSetup(Deps{}, nil, nil)
	test.NewTempWindow(t, s.View())
	test.Type(s.server, "ldaps://ldaps.aaddscontoso.com")
	if err := s.server.Validate(); err == nil || !strings.Contains(err.Error(), "without ldaps://") {
		t.Errorf("server validation = %v", err)
	}
	s.port.SetText("389")
	if err := s.port.Validate(); err == nil || !strings.Contains(err.Error(), "in the clear") {
		t.Errorf("port validation = %v", err)
	}
	test.Type(s.name, "x")
	test.Tap(s.test)
	if !strings.Contains(s.problem.Text, "without ldaps://") {
		t.Errorf("Test with bad values says %q", s.problem.Text)
	}
}

func TestGuideCopiesValuesForTheTypedDomainAndOpensPortalPages(t *testing.T) {
	h := newHarness(t)
	s := NewSetup(h.deps, nil, nil)
	test.NewTempWindow(t, s.View())
	test.Type(s.server, "ldaps.corp.fabrikam.com")
	test.Tap(s.guide.copyButtons["2.PowerShell"])
	if got := h.deps.Clipboard.Content(); !strings.Contains(got, `-Subject "*.corp.fabrikam.com"`) {
		t.Errorf("copied %q", got)
	}
	test.Tap(s.guide.copyButtons["5.DNS name"])
	if got := h.deps.Clipboard.Content(); got != "ldaps.corp.fabrikam.com" {
		t.Errorf("copied %q", got)
	}
	test.Tap(s.guide.linkButtons["4.Open network security groups"])
	if len(h.opened) != 1 || !strings.Contains(h.opened[0], "NetworkSecurityGroups") {
		t.Errorf("opened %v", h.opened)
	}
}

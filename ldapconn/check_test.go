package ldapconn_test

import (
	"context"
	"net"
	"strings"
	"testing"
	"time"

	"github.com/entra-wizard/entra-wizard/ldapconn"
	"github.com/entra-wizard/entra-wizard/ldapconn/slapdtest"
)

// settingsFor connects to srv by its DNS name, the way an admin would.
func settingsFor(srv *slapdtest.Server) ldapconn.Settings {
	return ldapconn.Settings{
		Server: slapdtest.ServerName, Port: srv.Port,
		BindAccount: slapdtest.BindDN, BaseDN: slapdtest.BaseDN,
	}
}

// trusting trusts the server's throwaway authority, as if it were a public
// one.
func trusting(srv *slapdtest.Server) ldapconn.Config {
	return ldapconn.Config{RootCAs: srv.Pool(), Resolver: slapdtest.Resolver{}, Timeout: 10 * time.Second}
}

// untrusting trusts only the system's authorities, which never issued the
// test certificate.
func untrusting() ldapconn.Config {
	return ldapconn.Config{Resolver: slapdtest.Resolver{}, Timeout: 10 * time.Second}
}

func wantFailure(t *testing.T, rep ldapconn.Report, step ldapconn.StepID, code string, inMessage ...string) *ldapconn.Error {
	t.Helper()
	if rep.OK() {
		t.Fatalf("the test passed; want %s to fail with %s", step, code)
	}
	e := rep.Err
	if e.Step != step || e.Code != code {
		t.Fatalf("failed at %s with %s (%s); want %s with %s", e.Step, e.Code, e.Message, step, code)
	}
	for _, s := range inMessage {
		if !strings.Contains(e.Message+" "+e.Hint, s) {
			t.Errorf("message %q / hint %q does not mention %q", e.Message, e.Hint, s)
		}
	}
	for _, st := range rep.Steps {
		if st.ID == step && (st.OK || !st.Ran) {
			t.Errorf("step %s is marked ran=%v ok=%v", step, st.Ran, st.OK)
		}
	}
	return e
}

func TestConnectionSucceedsWithATrustedCertificate(t *testing.T) {
	srv := slapdtest.Start(t)
	rep := ldapconn.Test(context.Background(), trusting(srv), settingsFor(srv), slapdtest.BindPassword)
	if !rep.OK() {
		t.Fatalf("test failed: %s: %s", rep.Err.Message, rep.Err.Hint)
	}
	for _, st := range rep.Steps {
		if !st.Ran || !st.OK {
			t.Errorf("step %s: ran=%v ok=%v %s", st.ID, st.Ran, st.OK, st.Detail)
		}
	}
	if rep.Users != slapdtest.Users || rep.Groups != slapdtest.Groups {
		t.Errorf("counted %d users and %d groups, want %d and %d", rep.Users, rep.Groups, slapdtest.Users, slapdtest.Groups)
	}
	c := rep.Certificate
	if c == nil || !c.Trusted || c.Pinned || c.Subject != "CN=*."+slapdtest.Domain || !strings.Contains(c.Issuer, "Throwaway Test Authority") {
		t.Errorf("certificate = %+v", c)
	}
	if c.Fingerprint != ldapconn.Fingerprint(srv.CertificateDER()) {
		t.Errorf("fingerprint %s is not the served certificate's", c.Fingerprint)
	}
}

func TestUntrustedCertificateIsRefusedThenAcceptedOncePinned(t *testing.T) {
	srv := slapdtest.Start(t)
	s := settingsFor(srv)
	rep := ldapconn.Test(context.Background(), untrusting(), s, slapdtest.BindPassword)
	e := wantFailure(t, rep, ldapconn.StepTLS, ldapconn.CodeUntrustedCertificate, "not from an authority this computer trusts", "Trust this certificate")
	if !e.CanTrust() || e.Certificate == nil {
		t.Fatalf("the failure offers no certificate to trust: %+v", e)
	}
	for _, st := range rep.Steps[3:] {
		if st.Ran {
			t.Errorf("step %s ran after the certificate was refused; the password must not be sent", st.ID)
		}
	}
	want := ldapconn.Fingerprint(srv.CertificateDER())
	if e.Certificate.Fingerprint != want {
		t.Fatalf("offered fingerprint %s, served %s", e.Certificate.Fingerprint, want)
	}

	s.Fingerprint = e.Certificate.Fingerprint
	rep = ldapconn.Test(context.Background(), untrusting(), s, slapdtest.BindPassword)
	if !rep.OK() {
		t.Fatalf("pinned test failed: %s", rep.Err.Message)
	}
	if !rep.Certificate.Pinned || rep.Users != slapdtest.Users {
		t.Errorf("certificate %+v, users %d", rep.Certificate, rep.Users)
	}
}

func TestChangedCertificateAfterPinningIsRefusedClearly(t *testing.T) {
	srv := slapdtest.Start(t)
	s := settingsFor(srv)
	s.Fingerprint = ldapconn.Fingerprint(srv.CertificateDER())
	if rep := ldapconn.Test(context.Background(), untrusting(), s, slapdtest.BindPassword); !rep.OK() {
		t.Fatalf("pinned test failed before the change: %s", rep.Err.Message)
	}
	srv.RenewCertificate(t)
	// Even an authority the computer trusts does not override a pin.
	rep := ldapconn.Test(context.Background(), trusting(srv), s, slapdtest.BindPassword)
	now := ldapconn.Fingerprint(srv.CertificateDER())
	e := wantFailure(t, rep, ldapconn.StepTLS, ldapconn.CodeFingerprintChanged,
		"not the one you trusted", now, s.Fingerprint, "intercepting")
	if e.CanTrust() {
		t.Error("a changed certificate is offered for trust straight away")
	}
	if rep.Steps[3].Ran {
		t.Error("the bind ran with a changed certificate")
	}
}

func TestWrongPasswordPointsAtTheAccountAndPasswordHashSync(t *testing.T) {
	srv := slapdtest.Start(t)
	const wrong = "Not-the-password-9"
	rep := ldapconn.Test(context.Background(), trusting(srv), settingsFor(srv), wrong)
	e := wantFailure(t, rep, ldapconn.StepBind, ldapconn.CodeInvalidCredentials,
		"refused", "password hash", slapdtest.BindDN)
	if strings.Contains(e.Message+e.Hint+e.Error(), wrong) {
		t.Error("the password appears in the error")
	}
	if !rep.Steps[2].OK {
		t.Error("the TLS step should have passed")
	}
}

func TestServerDownIsRefusedConnection(t *testing.T) {
	srv := slapdtest.Start(t)
	srv.Stop()
	rep := ldapconn.Test(context.Background(), trusting(srv), settingsFor(srv), slapdtest.BindPassword)
	wantFailure(t, rep, ldapconn.StepTCP, ldapconn.CodeRefused, "refused the connection", "secure LDAP is enabled")
}

func TestMissingBaseDNNamesTheClosestEntry(t *testing.T) {
	srv := slapdtest.Start(t)
	s := settingsFor(srv)
	s.BaseDN = "OU=Staff,DC=aaddscontoso,DC=com"
	rep := ldapconn.Test(context.Background(), trusting(srv), s, slapdtest.BindPassword)
	e := wantFailure(t, rep, ldapconn.StepSearch, ldapconn.CodeNoSuchObject,
		"base DN does not exist", "closest entry that exists is", "OU=AADDC Users")
	if !strings.Contains(strings.ToLower(e.Message), strings.ToLower(slapdtest.BaseDN)) {
		t.Errorf("message %q does not name the closest entry %s", e.Message, slapdtest.BaseDN)
	}
}

func TestAddressInsteadOfTheCertificateNameIsANameMismatch(t *testing.T) {
	srv := slapdtest.Start(t)
	s := settingsFor(srv)
	s.Server = "127.0.0.1"
	rep := ldapconn.Test(context.Background(), trusting(srv), s, slapdtest.BindPassword)
	e := wantFailure(t, rep, ldapconn.StepTLS, ldapconn.CodeNameMismatch, "*."+slapdtest.Domain, "not for 127.0.0.1", "wildcard")
	if !e.CanTrust() {
		t.Error("a name mismatch should still offer the certificate to trust")
	}
}

func TestUnknownNameAsksForTheDNSRecord(t *testing.T) {
	rep := ldapconn.Test(context.Background(), untrusting(), ldapconn.Settings{
		Server: "ldaps.fabrikam.example", Port: 636, BindAccount: "admin@fabrikam.example", BaseDN: "DC=fabrikam,DC=example",
	}, "x")
	wantFailure(t, rep, ldapconn.StepDNS, ldapconn.CodeNameNotFound, "does not resolve", "DNS record", "external IP address")
}

func TestSilentServerTimesOutDuringTheHandshake(t *testing.T) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	go func() {
		for {
			c, err := l.Accept()
			if err != nil {
				return
			}
			defer c.Close() // hold it open and say nothing
		}
	}()
	cfg := untrusting()
	cfg.Timeout = 300 * time.Millisecond
	rep := ldapconn.Test(context.Background(), cfg, ldapconn.Settings{
		Server: "127.0.0.1", Port: l.Addr().(*net.TCPAddr).Port, BindAccount: slapdtest.BindDN, BaseDN: slapdtest.BaseDN,
	}, "x")
	wantFailure(t, rep, ldapconn.StepTLS, ldapconn.CodeTimeout, "was not set up within")
}

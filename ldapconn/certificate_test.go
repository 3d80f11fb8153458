package ldapconn_test

import (
	"context"
	"strings"
	"testing"

	"github.com/entra-wizard/entra-wizard/ldapconn"
	"github.com/entra-wizard/entra-wizard/ldapconn/slapdtest"
)

// A certificate with a negative serial number fails inside Go's TLS
// handshake, before any trust decision: the admin still learns which
// certificate it is, what is wrong with it and what to do, and is not told
// to look at the port.
func TestCertificateWithANegativeSerialNumberIsDescribedAndExplained(t *testing.T) {
	srv := slapdtest.StartWith(t, slapdtest.Options{NegativeSerial: true})
	fp := ldapconn.Fingerprint(srv.CertificateDER())
	for _, pinned := range []string{"", fp} {
		s := settingsFor(srv)
		s.Fingerprint = pinned
		rep := ldapconn.Test(context.Background(), trusting(srv), s, slapdtest.BindPassword)
		e := wantFailure(t, rep, ldapconn.StepTLS, ldapconn.CodeCertificateInvalid, "negative serial number", "new certificate")
		if strings.Contains(e.Message+e.Hint, "plain LDAP") {
			t.Errorf("pinned %q: the explanation points at the port: %s / %s", pinned, e.Message, e.Hint)
		}
		c := rep.Certificate
		if c == nil || c.Fingerprint != fp || c.Subject != "CN=*."+slapdtest.Domain || !strings.Contains(c.Issuer, "Throwaway Test Authority") || c.NotAfter.IsZero() {
			t.Fatalf("pinned %q: certificate shown %+v; want the server's, fingerprint %s", pinned, c, fp)
		}
		if e.CanTrust() || e.Certificate == nil {
			t.Errorf("pinned %q: CanTrust %v, certificate %v; it cannot be used, so it is not offered for trust", pinned, e.CanTrust(), e.Certificate)
		}
	}
}

// Go matches the server's name only against the Subject Alternative Name;
// a certificate that names it only in its common name is explained as
// missing that, and can still be trusted by its fingerprint.
func TestCertificateWithoutASubjectAlternativeNameSaysSo(t *testing.T) {
	srv := slapdtest.StartWith(t, slapdtest.Options{NoSAN: true})
	rep := ldapconn.Test(context.Background(), trusting(srv), settingsFor(srv), slapdtest.BindPassword)
	e := wantFailure(t, rep, ldapconn.StepTLS, ldapconn.CodeNameMismatch, "no Subject Alternative Name", "-DnsName")
	if strings.Contains(e.Message, "is for CN=") {
		t.Errorf("message %q reads as if the name were wrong", e.Message)
	}
	if !e.CanTrust() {
		t.Fatal("the certificate is not offered for trust")
	}
	s := settingsFor(srv)
	s.Fingerprint = e.Certificate.Fingerprint
	if rep := ldapconn.Test(context.Background(), trusting(srv), s, slapdtest.BindPassword); !rep.OK() {
		t.Fatalf("trusted by its fingerprint, the test failed: %s", rep.Err.Message)
	}
}

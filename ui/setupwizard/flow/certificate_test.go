package flow

import (
	"strings"
	"testing"
	"time"

	"github.com/entra-wizard/entra-wizard/keystore"
)

// TestCertificateMethodNeedsACertificateAndSavesItsKey walks the
// certificate method: the details page wants a certificate, the test
// counts only for the certificate it ran with, and the connection keeps
// the certificate in its settings and the key as its only secret.
func TestCertificateMethodNeedsACertificateAndSavesItsKey(t *testing.T) {
	w := at(StepCredentials, valid(keystore.MethodCertificate))
	err := w.Next()
	if err == nil || w.Step() != StepCredentials || !strings.Contains(err.Error(), "Make a new certificate") {
		t.Fatalf("Next without a certificate: %v on %v", err, w.Step())
	}
	if err := w.MakeCertificate("Entra Setup Wizard", time.Now()); err != nil {
		t.Fatal(err)
	}
	first := w.State.Certificate
	if err := w.Next(); err != nil {
		t.Fatalf("Next with a certificate: %v", err)
	}
	w.step = StepTest
	w.RecordTest(outcome(true), "")
	if err := w.Next(); err != nil {
		t.Fatalf("Next after a passed test: %v", err)
	}
	p, s, err := w.Connection(time.Now())
	if err != nil {
		t.Fatal(err)
	}
	if p.Method != keystore.MethodCertificate || p.Certificate == nil || string(p.Certificate.DER) != string(first.DER) ||
		p.Certificate.Thumbprint != first.Thumbprint() || !p.Certificate.Expires.Equal(first.NotAfter()) {
		t.Errorf("profile %+v does not describe the certificate", p.Certificate)
	}
	if s != (keystore.Secrets{CertificateKey: first.KeyText()}) {
		t.Error("the certificate's key should be the connection's only secret")
	}

	// Another certificate needs a test of its own.
	if err := w.MakeCertificate("Entra Setup Wizard", time.Now()); err != nil {
		t.Fatal(err)
	}
	second := w.State.Certificate
	if _, ok := w.Tested(); ok {
		t.Error("the test of the first certificate still counts for the second")
	}
	if err := w.ImportCertificate([]byte("not a certificate"), "", time.Now()); err == nil || w.State.Certificate != second {
		t.Errorf("a bad file: %v; it should be refused and keep the certificate in use", err)
	}
}

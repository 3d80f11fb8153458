package setupwizard

import (
	"crypto/rand"
	"crypto/rsa"
	"crypto/x509"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"

	"github.com/entra-wizard/entra-wizard/internal/keyscan"
	"github.com/entra-wizard/entra-wizard/internal/testcert"
	"github.com/entra-wizard/entra-wizard/keystore"
	"github.com/entra-wizard/entra-wizard/ui/setupwizard/flow"
)

// assertKeyNowhere fails if the saved connection's key is in a file of the
// settings folder or the home folder.
func (h *harness) assertKeyNowhere(key string) {
	h.t.Helper()
	found, err := keyscan.Find(key, h.configDir, h.home)
	if err != nil || len(found) != 0 {
		h.t.Errorf("the private key is in %v (%v); it belongs in the keychain only", found, err)
	}
}

// saveConnection saves the tested connection under name and waits for it.
func (h *harness) saveConnection(name string) {
	h.t.Helper()
	h.next(flow.StepSave)
	h.v.save.name.SetText(name)
	test.Tap(h.v.next)
	h.q.until(h.t, "saving", func() bool { return !h.v.save.running() })
}

// savedKey returns the keychain's key of connection name, checking the
// settings describe the certificate in use.
func (h *harness) savedKey(name string) string {
	h.t.Helper()
	p, err := h.store.Get(name)
	if err != nil {
		h.t.Fatalf("not saved: %v (%s)", err, h.v.save.problem.Text)
	}
	sec, err := h.store.Secrets(name)
	c := h.v.wz.State.Certificate
	if err != nil || p.Method != keystore.MethodCertificate || p.Certificate == nil ||
		p.Certificate.Thumbprint != c.Thumbprint() || sec.CertificateKey != c.KeyText() || sec.ClientSecret != "" {
		h.t.Fatalf("saved %+v, %v: not the certificate connection tested", p, err)
	}
	return sec.CertificateKey
}

// TestWizardNewCertificateUploadTestAndSave makes a certificate on the
// details page, saves its public part where the admin chose, shows the
// thumbprint the portal will list, opens the app's Certificates & secrets
// page, and tests: refused until the certificate is uploaded, then works.
// The key reaches the keychain only with the saved connection.
func TestWizardNewCertificateUploadTestAndSave(t *testing.T) {
	h := newHarness(t, harnessOptions{demo: true})
	t.Setenv("HOME", h.home)
	h.startDemo(methodCertificateLabel, flow.StepCredentials)
	box := h.v.credentials.certificate
	if !box.view.Visible() || h.v.credentials.secretBox.Visible() {
		t.Fatal("the certificate method should show the certificate, not the secret")
	}
	test.Tap(h.v.next)
	if h.v.wz.Step() != flow.StepCredentials || !strings.Contains(box.problem.Text, "Make a new certificate") {
		t.Fatalf("Next without a certificate: step %v, %q", h.v.wz.Step(), box.problem.Text)
	}

	test.Tap(box.makeNew)
	h.q.until(t, "the certificate file", func() bool { return box.written.Text != "" || box.problem.Visible() })
	file := filepath.Join(h.home, certificateFileName)
	der, err := os.ReadFile(file)
	if err != nil {
		t.Fatalf("the certificate file: %v (%s)", err, box.problem.Text)
	}
	if _, err := x509.ParseCertificate(der); err != nil {
		t.Fatalf("the .cer file is not a DER certificate: %v", err)
	}
	if box.thumbprint.Text != testcert.PortalThumbprint(der) || !strings.Contains(box.written.Text, file) {
		t.Errorf("thumbprint %q, want %q; %q", box.thumbprint.Text, testcert.PortalThumbprint(der), box.written.Text)
	}
	test.Tap(box.copyThumb)
	if got := h.v.deps.App.Clipboard().Content(); got != testcert.PortalThumbprint(der) {
		t.Errorf("copied %q", got)
	}
	test.Tap(box.openPortal)
	if urls := h.browser.urls(); len(urls) == 0 || !strings.Contains(urls[len(urls)-1], "/Credentials/appId/"+h.info.ClientID) {
		t.Errorf("opened %v, want the app's Certificates & secrets page", urls)
	}

	h.walkTo(flow.StepTest)
	h.runTest()
	if !strings.Contains(h.v.check.problem.Text, "AADSTS700027") {
		t.Fatalf("before the upload: %q, want the certificate refused", h.v.check.problem.Text)
	}
	if profiles, _ := h.store.List(); len(profiles) != 0 {
		t.Fatalf("saved %v before the test passed", profiles)
	}
	if _, err := h.tenant.UploadCertificate(h.info.ClientID, der); err != nil {
		t.Fatal(err)
	}
	h.runTest()
	if !strings.Contains(h.v.check.summary.Text, "Everything works") {
		t.Fatalf("after the upload: %q, %q", h.v.check.summary.Text, h.v.check.problem.Text)
	}
	h.saveConnection("With a certificate")
	if h.v.wz.Step() != flow.StepDone {
		t.Fatalf("not saved: %q", h.v.save.problem.Text)
	}
	h.assertKeyNowhere(h.savedKey("With a certificate"))
}

// TestWizardDemoUploadAndPEMFile saves the public part as .pem when the
// admin names it so, and in demo mode uploads it to the demo tenant with
// the page's own button.
func TestWizardDemoUploadAndPEMFile(t *testing.T) {
	h := newHarness(t, harnessOptions{demo: true})
	h.saveAs = "wizard.pem"
	h.startDemo(methodCertificateLabel, flow.StepCredentials)
	box := h.v.credentials.certificate
	test.Tap(box.makeNew)
	h.q.until(t, "the certificate file", func() bool { return box.written.Text != "" || box.problem.Visible() })
	data, err := os.ReadFile(filepath.Join(h.home, "wizard.pem"))
	if err != nil || !strings.HasPrefix(string(data), "-----BEGIN CERTIFICATE-----") {
		t.Fatalf("the .pem file: %q, %v", data, err)
	}
	test.Tap(box.uploadDemo)
	h.walkTo(flow.StepTest)
	h.runTest()
	if !strings.Contains(h.v.check.summary.Text, "Everything works") {
		t.Fatalf("after the demo upload: %q, %q", h.v.check.summary.Text, h.v.check.problem.Text)
	}
}

// importCert is a certificate made elsewhere, as a .pfx file in dir,
// with its DER; keyOf, when set, is the key put in the file instead of
// the certificate's own.
func importCert(t *testing.T, dir, name string, bits int, from, until time.Time, password string, keyOf *rsa.PrivateKey) (string, []byte) {
	t.Helper()
	m := testcert.New(t, bits, from, until)
	path := filepath.Join(dir, name)
	if err := os.WriteFile(path, m.PFX(t, keyOf, password), 0o600); err != nil {
		t.Fatal(err)
	}
	return path, m.Cert.Raw
}

// TestWizardImportsAPFXWithItsPassword imports a .pfx: the page asks for
// its password, refuses a wrong one, and with the right one shows the
// thumbprint; after the upload (the demo tenant's Upload certificate)
// the test passes and the key is saved to the keychain only. The
// file is left as it was.
func TestWizardImportsAPFXWithItsPassword(t *testing.T) {
	h := newHarness(t, harnessOptions{demo: true})
	t.Setenv("HOME", h.home)
	now := time.Now()
	path, der := importCert(t, h.home, "app.pfx", 2048, now.Add(-time.Hour), now.Add(90*24*time.Hour), "correct horse", nil)
	before, _ := os.ReadFile(path)
	h.pick = path
	h.startDemo(methodCertificateLabel, flow.StepCredentials)
	box := h.v.credentials.certificate
	test.Tap(box.importFile)
	h.q.until(t, "the file", func() bool { return box.passwordBox.Visible() })
	if box.problem.Visible() {
		t.Errorf("asking for the password shows a problem: %q", box.problem.Text)
	}
	test.Type(box.password, "wrong horse")
	test.Tap(box.retry)
	if h.v.wz.State.Certificate != nil || !strings.Contains(box.problem.Text, "password does not open") ||
		strings.Contains(box.problem.Text, "wrong horse") {
		t.Fatalf("a wrong password: %q", box.problem.Text)
	}
	box.password.SetText("")
	test.Type(box.password, "correct horse")
	test.Tap(box.retry)
	if h.v.wz.State.Certificate == nil || box.thumbprint.Text != testcert.PortalThumbprint(der) || box.passwordBox.Visible() {
		t.Fatalf("imported: %q, thumbprint %q", box.problem.Text, box.thumbprint.Text)
	}
	if _, err := h.tenant.UploadCertificate(h.info.ClientID, der); err != nil {
		t.Fatal(err)
	}
	h.walkTo(flow.StepTest)
	h.runTest()
	if !strings.Contains(h.v.check.summary.Text, "Everything works") {
		t.Fatalf("%q, %q", h.v.check.summary.Text, h.v.check.problem.Text)
	}
	h.saveConnection("Imported")
	key := h.savedKey("Imported")
	if after, _ := os.ReadFile(path); string(after) != string(before) {
		t.Error("the imported file was changed")
	}
	h.assertKeyNowhere(key) // the .pfx in the home folder holds the key encrypted only
}

// TestWizardRefusesBadCertificateFiles imports files Entra would refuse:
// each gets a plain message, and nothing is used or saved.
func TestWizardRefusesBadCertificateFiles(t *testing.T) {
	h := newHarness(t, harnessOptions{demo: true})
	now := time.Now()
	other, _ := rsa.GenerateKey(rand.Reader, 2048)
	junk := filepath.Join(h.home, "notes.pfx")
	if err := os.WriteFile(junk, []byte("not a certificate at all"), 0o600); err != nil {
		t.Fatal(err)
	}
	expired, _ := importCert(t, h.home, "expired.pfx", 2048, now.Add(-48*time.Hour), now.Add(-time.Hour), "", nil)
	later, _ := importCert(t, h.home, "later.pfx", 2048, now.Add(time.Hour), now.Add(48*time.Hour), "", nil)
	mismatch, _ := importCert(t, h.home, "mismatch.pfx", 2048, now.Add(-time.Hour), now.Add(48*time.Hour), "", other)
	weak, _ := importCert(t, h.home, "weak.pfx", 1024, now.Add(-time.Hour), now.Add(48*time.Hour), "", nil)
	h.startDemo(methodCertificateLabel, flow.StepCredentials)
	box := h.v.credentials.certificate
	for _, tc := range []struct{ path, want string }{
		{junk, "not a certificate with its private key"},
		{expired, "expired on"},
		{later, "valid only from"},
		{mismatch, "does not belong to this certificate"},
		{weak, "needs at least 2048"},
	} {
		h.pick = tc.path
		test.Tap(box.importFile)
		h.q.until(t, "the file", func() bool { return box.problem.Visible() })
		if !strings.Contains(box.problem.Text, tc.want) || h.v.wz.State.Certificate != nil || box.details.Visible() {
			t.Errorf("%s: %q, want %q and no certificate in use", filepath.Base(tc.path), box.problem.Text, tc.want)
		}
		setWizardMessage(box.problem, "")
	}
	if profiles, _ := h.store.List(); len(profiles) != 0 {
		t.Errorf("saved %v", profiles)
	}
}

// refusingKeyring is a keychain that will not take a certificate's key
// (a policy, or a value over its size limit): the fault cannot be caused
// on a working keychain, so it is stood in for.
type refusingKeyring struct {
	keystore.Keyring
	mu      sync.Mutex
	written []string
}

func (k *refusingKeyring) Set(account, secret string) error {
	if strings.Contains(account, "/certificate-key") {
		return errors.New("the keychain refused the value")
	}
	k.mu.Lock()
	k.written = append(k.written, account)
	k.mu.Unlock()
	return k.Keyring.Set(account, secret)
}

// TestWizardKeychainRefusingTheKeySavesNothing tests a working
// certificate connection whose key the keychain refuses: the save fails
// in plain words and leaves neither the settings nor any secret behind.
func TestWizardKeychainRefusingTheKeySavesNothing(t *testing.T) {
	kr := &refusingKeyring{Keyring: keystore.MemoryKeyring()}
	h := newHarness(t, harnessOptions{demo: true, keyring: kr})
	h.startDemo(methodCertificateLabel, flow.StepCredentials)
	box := h.v.credentials.certificate
	test.Tap(box.makeNew)
	h.q.until(t, "the certificate file", func() bool { return box.written.Text != "" })
	test.Tap(box.uploadDemo)
	h.walkTo(flow.StepTest)
	h.runTest()
	h.saveConnection("Refused")
	if h.v.wz.Step() != flow.StepSave || !strings.Contains(h.v.save.problem.Text, "nothing was saved") ||
		!strings.Contains(h.v.save.problem.Text, "keychain is unlocked") {
		t.Fatalf("step %v, %q", h.v.wz.Step(), h.v.save.problem.Text)
	}
	if profiles, _ := h.store.List(); len(profiles) != 0 {
		t.Errorf("saved %v without its key", profiles)
	}
	for _, acc := range kr.written {
		if _, err := kr.Keyring.Get(acc); err == nil {
			t.Errorf("%s stayed in the keychain", acc)
		}
	}
	h.assertKeyNowhere(h.v.wz.State.Certificate.KeyText())
}

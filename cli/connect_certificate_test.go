package cli

import (
	"crypto/x509"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/entra-wizard/entra-wizard/demotenant"
	"github.com/entra-wizard/entra-wizard/internal/keyscan"
	"github.com/entra-wizard/entra-wizard/internal/testcert"
	"github.com/entra-wizard/entra-wizard/keystore"
)

// certArgs are connect's arguments for the demo app with extra.
func (f *connectFixture) certArgs(name string, extra ...string) []string {
	return append(append([]string{"--name", name, "--tenant", f.info.TenantID, "--client-id", f.info.ClientID}, f.endpointArgs()...), extra...)
}

// certificateFiles is a certificate made elsewhere (valid from..until) as
// the files an admin brings: a .pfx (AES, PBES2) with password, and PEM
// with a PKCS #1 key. They live in a folder of their own, outside the
// home folder the key must not reach.
type certificateFiles struct {
	pfx, pem string
	der      []byte
}

func newCertificateFiles(t *testing.T, bits int, from, until time.Time, password string) certificateFiles {
	t.Helper()
	m := testcert.New(t, bits, from, until)
	dir := t.TempDir()
	files := certificateFiles{pfx: filepath.Join(dir, "app.pfx"), pem: filepath.Join(dir, "app.pem"), der: m.Cert.Raw}
	if err := os.WriteFile(files.pfx, m.PFX(t, nil, password), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(files.pem, m.PEM(), 0o600); err != nil {
		t.Fatal(err)
	}
	return files
}

// homeFolder makes a home folder of the test's own.
func homeFolder(t *testing.T) string {
	home := t.TempDir()
	t.Setenv("HOME", home)
	return home
}

// savedCertificateKey checks name is saved as a certificate connection
// with the certificate der and returns the key the keychain holds.
func (f *connectFixture) savedCertificateKey(t *testing.T, name string, der []byte) string {
	t.Helper()
	store := f.store(t)
	p, err := store.Get(name)
	if err != nil {
		t.Fatalf("not saved: %v", err)
	}
	sec, err := store.Secrets(name)
	if err != nil || p.Method != keystore.MethodCertificate || p.Certificate == nil || string(p.Certificate.DER) != string(der) ||
		sec.CertificateKey == "" || sec.ClientSecret != "" {
		t.Fatalf("saved %+v (%v); want the certificate and its key only", p.Certificate, err)
	}
	return sec.CertificateKey
}

func (f *connectFixture) assertKeyNowhere(t *testing.T, key string, dirs ...string) {
	t.Helper()
	found, err := keyscan.Find(key, append([]string{f.dir}, dirs...)...)
	if err != nil || len(found) != 0 {
		t.Errorf("the private key is in %v (%v); it belongs in the keychain only", found, err)
	}
}

// TestConnectImportsACertificate imports a .pfx with its password from
// standard input, and a PEM file: each is tested against the demo app
// that has the certificate uploaded, and saved with the key in the
// keychain only. The password appears nowhere in the output, and the
// files are left as they were.
func TestConnectImportsACertificate(t *testing.T) {
	home := homeFolder(t)
	f := newConnectFixture(t, demotenant.Options{})
	now := time.Now()
	files := newCertificateFiles(t, 2048, now.Add(-time.Hour), now.Add(200*24*time.Hour), "p@ss word")
	if _, err := f.srv.UploadCertificate(f.info.ClientID, files.der); err != nil {
		t.Fatal(err)
	}
	before, _ := os.ReadFile(files.pfx)
	r := f.run(t, runConnect, "p@ss word\n", f.certArgs("From pfx", "--certificate", files.pfx, "--certificate-password-stdin", "--json")...)
	if r.code != 0 {
		t.Fatalf("exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	res := decodeResult(t, []byte(r.stdout))
	if res.Credential != "certificate" || res.CertificateThumbprint != testcert.PortalThumbprint(files.der) || res.CredentialExpires == nil {
		t.Errorf("result %+v", res)
	}
	if strings.Contains(r.stdout+r.stderr, "p@ss") {
		t.Error("the password appears in the output")
	}
	if after, _ := os.ReadFile(files.pfx); string(after) != string(before) {
		t.Error("the .pfx file was changed")
	}
	key := f.savedCertificateKey(t, "From pfx", files.der)
	f.assertKeyNowhere(t, key, home)

	r = f.run(t, runConnect, "", f.certArgs("From PEM", "--certificate", files.pem)...)
	if r.code != 0 || !strings.Contains(r.stdout, "Saved \"From PEM\"") {
		t.Fatalf("exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	if got := f.savedCertificateKey(t, "From PEM", files.der); got != key {
		t.Error("the PEM file's key differs from the .pfx file's")
	}
	f.assertKeyNowhere(t, key, home)
}

// TestConnectRefusesBadCertificates gives connect certificate files Entra
// or the admin's keychain would refuse: each exits with a plain message
// and saves nothing.
func TestConnectRefusesBadCertificates(t *testing.T) {
	f := newConnectFixture(t, demotenant.Options{})
	now := time.Now()
	good := newCertificateFiles(t, 2048, now.Add(-time.Hour), now.Add(48*time.Hour), "secret-pw")
	expired := newCertificateFiles(t, 2048, now.Add(-48*time.Hour), now.Add(-time.Hour), "")
	weak := newCertificateFiles(t, 1024, now.Add(-time.Hour), now.Add(48*time.Hour), "")
	junk := filepath.Join(t.TempDir(), "notes.pfx")
	if err := os.WriteFile(junk, []byte("not a certificate"), 0o600); err != nil {
		t.Fatal(err)
	}
	for name, tc := range map[string]struct {
		stdin string
		args  []string
		want  string
	}{
		"wrong password":      {"wrong-pw\n", []string{"--certificate", good.pfx, "--certificate-password-stdin"}, "password does not open"},
		"password not given":  {"", []string{"--certificate", good.pfx}, "pipe it in with --certificate-password-stdin"},
		"malformed":           {"", []string{"--certificate", junk}, "not a certificate with its private key"},
		"expired":             {"", []string{"--certificate", expired.pem}, "expired on"},
		"short RSA key":       {"", []string{"--certificate", weak.pem}, "needs at least 2048"},
		"missing file":        {"", []string{"--certificate", junk + ".gone"}, "no such file"},
		"password in argv":    {"", []string{"--certificate", good.pfx, "--certificate-password=secret-pw"}, "not defined"},
		"password, no import": {"secret-pw\n", []string{"--client-secret-stdin", "--certificate-password-stdin"}, "goes with --certificate"},
	} {
		t.Run(name, func(t *testing.T) {
			r := f.run(t, runConnect, tc.stdin, f.certArgs("Bad", tc.args...)...)
			if r.code != 2 || !strings.Contains(r.stderr, tc.want) {
				t.Fatalf("exit %d, stderr %q; want 2 and %q", r.code, r.stderr, tc.want)
			}
			if strings.Contains(r.stdout+r.stderr, "secret-pw") || strings.Contains(r.stderr, "pkcs12") {
				t.Errorf("the output quotes the password or the library: %q", r.stderr)
			}
			if profiles, _ := f.store(t).List(); len(profiles) != 0 {
				t.Errorf("saved %v", profiles)
			}
		})
	}
}

// refusingKeyring will not take a certificate's key, as a keychain with a
// policy against it would: the fault cannot be caused on a working one.
type refusingKeyring struct{ keystore.Keyring }

func (k refusingKeyring) Set(account, secret string) error {
	if strings.Contains(account, "/certificate-key") {
		return errors.New("the keychain refused the value")
	}
	return k.Keyring.Set(account, secret)
}

func TestConnectKeychainRefusingTheKeySavesNothing(t *testing.T) {
	f := newConnectFixture(t, demotenant.Options{})
	f.keyring = refusingKeyring{keystore.MemoryKeyring()}
	now := time.Now()
	files := newCertificateFiles(t, 2048, now.Add(-time.Hour), now.Add(48*time.Hour), "")
	if _, err := f.srv.UploadCertificate(f.info.ClientID, files.der); err != nil {
		t.Fatal(err)
	}
	r := f.run(t, runConnect, "", f.certArgs("Refused", "--certificate", files.pem)...)
	if r.code != 1 || !strings.Contains(r.stdout, "nothing was saved") {
		t.Fatalf("exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	if profiles, _ := f.store(t).List(); len(profiles) != 0 {
		t.Errorf("saved %v without its key", profiles)
	}
}

// TestConnectNewCertificateWaitsForTheUpload makes a certificate with
// connect --new-certificate: it writes the public part, prints the
// thumbprint and the portal page, and waits; once the file is uploaded
// (the demo tenant's Upload certificate) it tests and saves. The key is
// in the keychain only.
func TestConnectNewCertificateWaitsForTheUpload(t *testing.T) {
	home := homeFolder(t)
	f := newConnectFixture(t, demotenant.Options{})
	file := filepath.Join(home, "wizard.cer")
	done := make(chan cmdResult, 1)
	go func() { done <- f.run(t, runConnect, "", f.certArgs("New", "--new-certificate", file, "--json")...) }()
	// The file is read until it holds a whole DER certificate: connect
	// may still be writing it.
	var der []byte
	for deadline := time.Now().Add(30 * time.Second); ; time.Sleep(50 * time.Millisecond) {
		der, _ = os.ReadFile(file)
		_, err := x509.ParseCertificate(der)
		if err == nil {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("no DER certificate was written (%v)", err)
		}
	}
	if _, err := f.srv.UploadCertificate(f.info.ClientID, der); err != nil {
		t.Fatal(err)
	}
	r := <-done
	if r.code != 0 {
		t.Fatalf("exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	thumb := testcert.PortalThumbprint(der)
	if !strings.Contains(r.stderr, "Thumbprint: "+thumb) || !strings.Contains(r.stderr, "/Credentials/appId/"+f.info.ClientID) ||
		!strings.Contains(r.stderr, "Upload certificate") {
		t.Errorf("stderr does not say what to upload where:\n%s", r.stderr)
	}
	if res := decodeResult(t, []byte(r.stdout)); !res.OK || res.CertificateThumbprint != thumb {
		t.Errorf("result %+v", res)
	}
	f.assertKeyNowhere(t, f.savedCertificateKey(t, "New", der), home)

	// Not uploaded in time: nothing is saved, and the file is not replaced.
	r = f.run(t, runConnect, "", f.certArgs("Never uploaded", "--new-certificate", filepath.Join(home, "other.cer"), "--wait", "2s")...)
	if r.code != 1 || !strings.Contains(r.stdout, "AADSTS700027") || !strings.Contains(r.stdout, "Nothing was saved") ||
		!strings.Contains(r.stdout, "did not accept the certificate within 2s") {
		t.Errorf("exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	if r := f.run(t, runConnect, "", f.certArgs("Again", "--new-certificate", file)...); r.code != 2 || !strings.Contains(r.stderr, "does not exist yet") {
		t.Errorf("an existing file: exit %d, %q", r.code, r.stderr)
	}
	if _, err := f.store(t).Get("Never uploaded"); err == nil {
		t.Error("a connection was saved without its certificate uploaded")
	}
}

package keystore

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestCertificateKeyGoesToTheKeychainInChunks saves a certificate
// connection whose key is as long as a 4096-bit PKCS #8 key in base64,
// longer than one keychain entry may hold: the key comes back whole from
// the keychain, and the settings file holds only the public part.
func TestCertificateKeyGoesToTheKeychainInChunks(t *testing.T) {
	store, dir, service := openTestStore(t)
	key := strings.Repeat("MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQ", 65)
	p := testProfile("cert")
	p.Method = MethodCertificate
	p.Certificate = &CertificateSettings{DER: []byte("public certificate"), Thumbprint: "0123456789ABCDEF0123456789ABCDEF01234567",
		KeyID: "key-1", Expires: time.Date(2027, 6, 1, 0, 0, 0, 0, time.UTC)}
	if _, err := store.Save(p, Secrets{CertificateKey: key}); err != nil {
		t.Fatalf("Save: %v", err)
	}
	sec, err := store.Secrets("cert")
	if err != nil || sec.CertificateKey != key {
		t.Fatalf("Secrets did not return the saved key (err %v)", err)
	}
	got, err := store.Get("cert")
	if err != nil || got.Certificate == nil || got.Certificate.Thumbprint != p.Certificate.Thumbprint || !bytes.Equal(got.Certificate.DER, p.Certificate.DER) {
		t.Fatalf("Get = %+v, %v", got.Certificate, err)
	}
	if n := len(accountsIn(t, service)); n < 2 {
		t.Errorf("the key is in %d keychain entries, want it in chunks", n)
	}
	data, err := os.ReadFile(filepath.Join(dir, SettingsFileName))
	if err != nil {
		t.Fatal(err)
	}
	if bytes.Contains(data, []byte(key[:64])) {
		t.Fatal("the settings file contains the private key")
	}
	if err := store.Delete("cert"); err != nil {
		t.Fatal(err)
	}
	if left := accountsIn(t, service); len(left) != 0 {
		t.Errorf("deleting left keychain entries %q", left)
	}
}

package oauth

import (
	"crypto/rsa"
	"crypto/x509"
	"encoding/pem"
	"errors"
	"strings"
	"testing"
	"time"

	"software.sslmate.com/src/go-pkcs12"

	"github.com/entra-wizard/entra-wizard/internal/testcert"
)

// testCert is a certificate made the way other tools make them, with its
// key, valid from notBefore to notAfter.
func testCert(t *testing.T, bits int, notBefore, notAfter time.Time) (*rsa.PrivateKey, *x509.Certificate) {
	m := testcert.New(t, bits, notBefore, notAfter)
	return m.Key, m.Cert
}

func pemOf(blocks ...*pem.Block) []byte {
	var out []byte
	for _, b := range blocks {
		out = append(out, pem.EncodeToMemory(b)...)
	}
	return out
}

func TestImportCertificateReadsPFXAndPEM(t *testing.T) {
	now := time.Now()
	key, cert := testCert(t, 2048, now.Add(-time.Hour), now.Add(24*time.Hour))
	pkcs8, _ := x509.MarshalPKCS8PrivateKey(key)
	certPEM := &pem.Block{Type: "CERTIFICATE", Bytes: cert.Raw}
	modern, err := pkcs12.Modern.Encode(key, cert, nil, "s3cret pass")
	if err != nil {
		t.Fatal(err)
	}
	legacy, err := pkcs12.LegacyRC2.Encode(key, cert, nil, "s3cret pass")
	if err != nil {
		t.Fatal(err)
	}
	for name, tc := range map[string]struct {
		data     []byte
		password string
	}{
		"pfx (AES, PBES2)":  {modern, "s3cret pass"},
		"pfx (legacy RC2)":  {legacy, "s3cret pass"},
		"PEM with PKCS #8":  {pemOf(certPEM, &pem.Block{Type: "PRIVATE KEY", Bytes: pkcs8}), ""},
		"PEM with PKCS #1":  {pemOf(&pem.Block{Type: "RSA PRIVATE KEY", Bytes: x509.MarshalPKCS1PrivateKey(key)}, certPEM), ""},
		"PEM, key in front": {pemOf(&pem.Block{Type: "PRIVATE KEY", Bytes: pkcs8}, certPEM), ""},
	} {
		t.Run(name, func(t *testing.T) {
			c, err := ImportCertificate(tc.data, tc.password, now)
			if err != nil {
				t.Fatal(err)
			}
			if string(c.DER) != string(cert.Raw) || !c.key.Equal(key) {
				t.Error("the imported certificate or key differs from the file's")
			}
		})
	}
}

func TestImportCertificateRefusesBadFiles(t *testing.T) {
	now := time.Now()
	key, cert := testCert(t, 2048, now.Add(-time.Hour), now.Add(24*time.Hour))
	other, _ := testCert(t, 2048, now.Add(-time.Hour), now.Add(24*time.Hour))
	expiredKey, expired := testCert(t, 2048, now.Add(-48*time.Hour), now.Add(-time.Hour))
	laterKey, later := testCert(t, 2048, now.Add(time.Hour), now.Add(48*time.Hour))
	weakKey, weak := testCert(t, 1024, now.Add(-time.Hour), now.Add(24*time.Hour))
	pfx := func(k *rsa.PrivateKey, c *x509.Certificate) []byte {
		data, err := pkcs12.Modern.Encode(k, c, nil, "right")
		if err != nil {
			t.Fatal(err)
		}
		return data
	}
	certPEM := &pem.Block{Type: "CERTIFICATE", Bytes: cert.Raw}
	for name, tc := range map[string]struct {
		data     []byte
		password string
		want     string
	}{
		"not a certificate":     {[]byte("hello, this is a text file"), "", "not a certificate with its private key"},
		"truncated pfx":         {pfx(key, cert)[:200], "right", "not a certificate with its private key"},
		"the .cer only":         {cert.Raw, "", "only the certificate"},
		"PEM without key":       {pemOf(certPEM), "", "only the certificate"},
		"PEM without cert":      {pemOf(&pem.Block{Type: "RSA PRIVATE KEY", Bytes: x509.MarshalPKCS1PrivateKey(key)}), "", "no certificate"},
		"PEM, broken key":       {pemOf(certPEM, &pem.Block{Type: "PRIVATE KEY", Bytes: []byte("junk")}), "", "key could not be read"},
		"PEM, encrypted key":    {pemOf(certPEM, &pem.Block{Type: "ENCRYPTED PRIVATE KEY", Bytes: []byte("x")}), "", "protected by a password"},
		"wrong pfx password":    {pfx(key, cert), "wrong", "password does not open"},
		"no pfx password":       {pfx(key, cert), "", "password does not open"},
		"expired":               {pfx(expiredKey, expired), "right", "expired on"},
		"not valid yet":         {pfx(laterKey, later), "right", "valid only from"},
		"key of another":        {pfx(other, cert), "right", "does not belong"},
		"RSA key of 1024 bits":  {pfx(weakKey, weak), "right", "1024 bits"},
		"PEM, key of another":   {pemOf(certPEM, &pem.Block{Type: "RSA PRIVATE KEY", Bytes: x509.MarshalPKCS1PrivateKey(other)}), "", "does not belong"},
		"PEM, expired":          {pemOf(&pem.Block{Type: "CERTIFICATE", Bytes: expired.Raw}, &pem.Block{Type: "RSA PRIVATE KEY", Bytes: x509.MarshalPKCS1PrivateKey(expiredKey)}), "", "expired on"},
		"PEM, 1024-bit RSA key": {pemOf(&pem.Block{Type: "CERTIFICATE", Bytes: weak.Raw}, &pem.Block{Type: "RSA PRIVATE KEY", Bytes: x509.MarshalPKCS1PrivateKey(weakKey)}), "", "needs at least 2048"},
	} {
		t.Run(name, func(t *testing.T) {
			c, err := ImportCertificate(tc.data, tc.password, now)
			if err == nil || c != nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("got a certificate: %v, error %v; want an error saying %q", c != nil, err, tc.want)
			}
			if strings.Contains(err.Error(), "pkcs12") || strings.Contains(err.Error(), "right") {
				t.Errorf("the message %q is not in an admin's words, or quotes the password", err)
			}
		})
	}
	if _, err := ImportCertificate(pfx(key, cert), "wrong", now); !errors.Is(err, ErrCertificatePassword) {
		t.Errorf("a wrong password: %v, want ErrCertificatePassword", err)
	}
}

func TestPublicFileIsDEROrPEMByName(t *testing.T) {
	c, err := NewCertificate("app", "pc", time.Now(), 0)
	if err != nil {
		t.Fatal(err)
	}
	if string(c.PublicFile("app.cer")) != string(c.DER) || string(c.PublicFile("APP.CRT")) != string(c.DER) {
		t.Error(".cer and .crt files should hold the DER certificate")
	}
	b, rest := pem.Decode(c.PublicFile("app.pem"))
	if b == nil || b.Type != "CERTIFICATE" || string(b.Bytes) != string(c.DER) || len(rest) != 0 {
		t.Error("a .pem file should hold the certificate as PEM, and nothing else")
	}
}

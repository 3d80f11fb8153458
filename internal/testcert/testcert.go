// Package testcert makes certificates the way other tools do (an
// organization's PKI, OpenSSL, a Windows export), for tests that import
// them.
package testcert

import (
	"crypto/rand"
	"crypto/rsa"
	"crypto/sha1" //nolint:gosec // the portal's thumbprint is SHA-1
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/hex"
	"encoding/pem"
	"math/big"
	"strings"
	"testing"
	"time"

	"software.sslmate.com/src/go-pkcs12"
)

// Made is a self-signed certificate and its key.
type Made struct {
	Key  *rsa.PrivateKey
	Cert *x509.Certificate
}

// New makes an RSA key of bits and a self-signed certificate for it,
// valid from notBefore to notAfter.
func New(t testing.TB, bits int, notBefore, notAfter time.Time) Made {
	t.Helper()
	key, err := rsa.GenerateKey(rand.Reader, bits)
	if err != nil {
		t.Fatal(err)
	}
	tmpl := &x509.Certificate{SerialNumber: big.NewInt(7), Subject: pkix.Name{CommonName: "From the PKI"},
		NotBefore: notBefore, NotAfter: notAfter}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, &key.PublicKey, key)
	if err != nil {
		t.Fatal(err)
	}
	cert, err := x509.ParseCertificate(der)
	if err != nil {
		t.Fatal(err)
	}
	return Made{Key: key, Cert: cert}
}

// PFX is the certificate with key (its own when nil) as a .pfx file
// protected by password, with AES and PBES2 as current tools write it.
func (m Made) PFX(t testing.TB, key *rsa.PrivateKey, password string) []byte {
	t.Helper()
	if key == nil {
		key = m.Key
	}
	data, err := pkcs12.Modern.Encode(key, m.Cert, nil, password)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// PEM is the certificate followed by its key in PKCS #1, as OpenSSL
// writes "RSA PRIVATE KEY".
func (m Made) PEM() []byte {
	return append(pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: m.Cert.Raw}),
		pem.EncodeToMemory(&pem.Block{Type: "RSA PRIVATE KEY", Bytes: x509.MarshalPKCS1PrivateKey(m.Key)})...)
}

// PortalThumbprint is the thumbprint the portal lists for a certificate
// (DER) under Certificates & secrets: its SHA-1 in upper-case hexadecimal,
// worked out here apart from the program's own code.
func PortalThumbprint(der []byte) string {
	sum := sha1.Sum(der) //nolint:gosec // see the import
	return strings.ToUpper(hex.EncodeToString(sum[:]))
}

package oauth

import (
	"crypto/rand"
	"crypto/rsa"
	"crypto/sha1" //nolint:gosec // the portal's thumbprint is SHA-1; it identifies, it does not protect
	"crypto/sha256"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/base64"
	"encoding/hex"
	"errors"
	"fmt"
	"math/big"
	"strings"
	"time"
)

// MinKeyBits is the smallest RSA key a certificate credential may have:
// Microsoft Entra refuses weaker keys (AADSTS50032 WeakRsaKey).
const MinKeyBits = 2048

// DefaultCertificateLifetime is how long a new certificate is valid when
// nothing caps it: a year, so a lost computer's key stops working on its own.
const DefaultCertificateLifetime = 365 * 24 * time.Hour

// Certificate is a certificate credential: an RSA key and the self-signed
// X.509 certificate of its public half. Only the certificate is shown or
// uploaded; the key leaves this program only for the keychain (KeyText).
type Certificate struct {
	key *rsa.PrivateKey
	// DER is the certificate, as the portal uploads and Graph's keyCredentials carry it.
	DER  []byte
	cert *x509.Certificate
}

// NewCertificate makes a new key pair and a certificate for it, valid
// from now for lifetime (DefaultCertificateLifetime when 0), whose subject
// names the app and this computer so an admin can tell in the portal whose
// it is.
func NewCertificate(app, computer string, now time.Time, lifetime time.Duration) (*Certificate, error) {
	if lifetime <= 0 {
		lifetime = DefaultCertificateLifetime
	}
	key, err := rsa.GenerateKey(rand.Reader, MinKeyBits)
	if err != nil {
		return nil, fmt.Errorf("making the certificate's key: %w", err)
	}
	serial, err := rand.Int(rand.Reader, new(big.Int).Lsh(big.NewInt(1), 127))
	if err != nil {
		return nil, fmt.Errorf("making the certificate: %w", err)
	}
	subject := app
	if computer != "" {
		subject += " on " + computer
	}
	tmpl := &x509.Certificate{
		SerialNumber: serial,
		Subject:      pkix.Name{CommonName: subject},
		// A minute back, so a clock a little behind Entra's still accepts it.
		NotBefore:             now.Add(-time.Minute).UTC(),
		NotAfter:              now.Add(lifetime).UTC(),
		KeyUsage:              x509.KeyUsageDigitalSignature,
		ExtKeyUsage:           []x509.ExtKeyUsage{x509.ExtKeyUsageClientAuth},
		BasicConstraintsValid: true,
	}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, &key.PublicKey, key)
	if err != nil {
		return nil, fmt.Errorf("making the certificate: %w", err)
	}
	return ParseCertificate(der, keyText(key))
}

// ParseCertificate rebuilds a certificate credential from its certificate
// (DER) and its key as KeyText wrote it. It refuses a key that does not
// belong to the certificate, and one weaker than MinKeyBits.
func ParseCertificate(der []byte, key string) (*Certificate, error) {
	cert, err := x509.ParseCertificate(der)
	if err != nil {
		return nil, errors.New("the certificate could not be read")
	}
	raw, err := base64.StdEncoding.DecodeString(key)
	if err != nil {
		return nil, errCertificateKey
	}
	parsed, err := x509.ParsePKCS8PrivateKey(raw)
	if err != nil {
		return nil, errCertificateKey
	}
	rk, ok := parsed.(*rsa.PrivateKey)
	if !ok {
		return nil, errors.New("the certificate's key is not an RSA key; Microsoft Entra needs RSA")
	}
	if rk.N.BitLen() < MinKeyBits {
		return nil, fmt.Errorf("the certificate's key has %d bits; Microsoft Entra needs at least %d", rk.N.BitLen(), MinKeyBits)
	}
	pub, ok := cert.PublicKey.(*rsa.PublicKey)
	if !ok || !pub.Equal(&rk.PublicKey) {
		return nil, errors.New("the key does not belong to this certificate")
	}
	return &Certificate{key: rk, DER: der, cert: cert}, nil
}

// errCertificateKey is a key that cannot be read; the message never
// quotes it.
var errCertificateKey = errors.New("the certificate's key could not be read")

// KeyText is the private key as the keychain keeps it (PKCS #8, base64).
// Nothing else may be given it.
func (c *Certificate) KeyText() string { return keyText(c.key) }

func keyText(k *rsa.PrivateKey) string {
	raw, _ := x509.MarshalPKCS8PrivateKey(k) // never fails for an RSA key
	return base64.StdEncoding.EncodeToString(raw)
}

// Thumbprint is the certificate's SHA-1 thumbprint in hexadecimal, as the
// Entra admin center shows it under Certificates & secrets.
func (c *Certificate) Thumbprint() string {
	sum := sha1.Sum(c.DER) //nolint:gosec // see the import
	return strings.ToUpper(hex.EncodeToString(sum[:]))
}

// thumbprintSHA1 is the x5t header of an assertion: the base64url SHA-1
// thumbprint, which Microsoft also accepts.
func (c *Certificate) thumbprintSHA1() string {
	sum := sha1.Sum(c.DER) //nolint:gosec // see the import
	return base64.RawURLEncoding.EncodeToString(sum[:])
}

// thumbprintS256 is the x5t#S256 header of an assertion: the base64url
// SHA-256 thumbprint of the certificate.
func (c *Certificate) thumbprintS256() string {
	sum := sha256.Sum256(c.DER)
	return base64.RawURLEncoding.EncodeToString(sum[:])
}

// NotBefore and NotAfter are when the certificate is valid.
func (c *Certificate) NotBefore() time.Time { return c.cert.NotBefore }

// NotAfter is when the certificate, and so the credential, expires.
func (c *Certificate) NotAfter() time.Time { return c.cert.NotAfter }

// Subject is the certificate's subject name.
func (c *Certificate) Subject() string { return c.cert.Subject.CommonName }

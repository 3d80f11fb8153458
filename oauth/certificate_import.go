package oauth

import (
	"bytes"
	"crypto/rsa"
	"crypto/x509"
	"encoding/pem"
	"errors"
	"fmt"
	"path/filepath"
	"strings"
	"time"

	"software.sslmate.com/src/go-pkcs12"
)

// ErrCertificatePassword is a .pfx or .p12 file that the password given
// (or no password) does not open.
var ErrCertificatePassword = errors.New("the password does not open this certificate file: check it and try again")

// errNotCertificateFile is a file that is neither PKCS #12 nor PEM.
var errNotCertificateFile = errors.New("the file is not a certificate with its private key: choose a .pfx or .p12 file, " +
	"or a PEM file that holds the certificate and its private key")

// ImportCertificate reads a certificate credential from a file an admin
// already has: PKCS #12 (.pfx, .p12) opened with password, or PEM text
// holding the certificate and its private key (PKCS #1 or PKCS #8). It
// refuses a certificate that is not valid at now, a key that does not
// belong to it, and one weaker than MinKeyBits. Its messages never quote
// the key or the password.
func ImportCertificate(data []byte, password string, now time.Time) (*Certificate, error) {
	var (
		der []byte
		key any
		err error
	)
	if bytes.Contains(data, []byte("-----BEGIN")) {
		der, key, err = readPEM(data)
	} else {
		der, key, err = readPKCS12(data, password)
	}
	if err != nil {
		return nil, err
	}
	rk, ok := key.(*rsa.PrivateKey)
	if !ok {
		return nil, errors.New("the certificate's key is not an RSA key; Microsoft Entra needs RSA")
	}
	c, err := ParseCertificate(der, keyText(rk))
	if err != nil {
		return nil, err
	}
	if err := c.checkValidAt(now); err != nil {
		return nil, err
	}
	return c, nil
}

// checkValidAt refuses a certificate Entra would refuse at now.
func (c *Certificate) checkValidAt(now time.Time) error {
	const day = "2 January 2006, 15:04 MST"
	switch {
	case now.After(c.NotAfter()):
		return fmt.Errorf("the certificate expired on %s: make a new certificate, or import a current one", c.NotAfter().UTC().Format(day))
	case now.Before(c.NotBefore()):
		return fmt.Errorf("the certificate is valid only from %s: check this computer's date, or import another certificate", c.NotBefore().UTC().Format(day))
	}
	return nil
}

// readPKCS12 opens a .pfx or .p12 file: its first certificate and key.
func readPKCS12(data []byte, password string) ([]byte, any, error) {
	key, cert, _, err := pkcs12.DecodeChain(data, password)
	switch {
	case errors.Is(err, pkcs12.ErrIncorrectPassword), errors.Is(err, pkcs12.ErrDecryption):
		return nil, nil, ErrCertificatePassword
	case err != nil && isBareCertificate(data):
		return nil, nil, errPublicPartOnly
	case err != nil:
		return nil, nil, errNotCertificateFile
	}
	return cert.Raw, key, nil
}

// errPublicPartOnly is a certificate file without its key, such as the
// .cer file uploaded to the portal.
var errPublicPartOnly = errors.New("the file holds only the certificate, not its private key: choose the .pfx or .p12 file " +
	"exported with the private key, or a PEM file with both")

// isBareCertificate reports whether data is one certificate in DER.
func isBareCertificate(data []byte) bool {
	_, err := x509.ParseCertificate(data)
	return err == nil
}

// readPEM reads the first certificate and the private key of PEM text.
func readPEM(data []byte) ([]byte, any, error) {
	var (
		der []byte
		key any
	)
	for rest := data; ; {
		var b *pem.Block
		if b, rest = pem.Decode(rest); b == nil {
			break
		}
		switch b.Type {
		case "CERTIFICATE":
			if der == nil {
				der = b.Bytes
			}
		case "PRIVATE KEY", "RSA PRIVATE KEY":
			k, err := parsePrivateKey(b)
			if err != nil {
				return nil, nil, err
			}
			key = k
		case "ENCRYPTED PRIVATE KEY":
			return nil, nil, errEncryptedKey
		}
	}
	switch {
	case der == nil && key == nil:
		return nil, nil, errNotCertificateFile
	case key == nil:
		return nil, nil, errPublicPartOnly
	case der == nil:
		return nil, nil, errors.New("the file holds a private key but no certificate: add the certificate to the file, or choose a .pfx file")
	}
	return der, key, nil
}

// errEncryptedKey is a PEM key protected by a password, which only a
// .pfx file may carry here.
var errEncryptedKey = errors.New("the private key in the file is protected by a password: export it without one, or as a .pfx file")

// parsePrivateKey reads a PKCS #8 or PKCS #1 key. A key encrypted the old
// OpenSSL way (a DEK-Info header) is refused like an encrypted PKCS #8 one.
func parsePrivateKey(b *pem.Block) (any, error) {
	if _, encrypted := b.Headers["DEK-Info"]; encrypted {
		return nil, errEncryptedKey
	}
	if b.Type == "RSA PRIVATE KEY" {
		if k, err := x509.ParsePKCS1PrivateKey(b.Bytes); err == nil {
			return k, nil
		}
		return nil, errCertificateKey
	}
	k, err := x509.ParsePKCS8PrivateKey(b.Bytes)
	if err != nil {
		return nil, errCertificateKey
	}
	return k, nil
}

// PublicFile is the certificate without its key, as a file named name
// holds it for upload under Certificates & secrets > Certificates: PEM
// text for a .pem file, DER (what Windows writes to a .cer) otherwise.
func (c *Certificate) PublicFile(name string) []byte {
	if strings.EqualFold(filepath.Ext(name), ".pem") {
		return pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: c.DER})
	}
	return append([]byte(nil), c.DER...)
}

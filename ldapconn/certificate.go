package ldapconn

import (
	"crypto/sha256"
	"crypto/x509"
	"encoding/hex"
	"errors"
	"strings"
	"time"
)

// Certificate describes the certificate a server presented, so the admin
// can judge it before trusting it.
type Certificate struct {
	Subject  string
	Issuer   string
	DNSNames []string
	NotAfter time.Time
	// Fingerprint is the SHA-256 of the certificate, as Fingerprint formats
	// it.
	Fingerprint string
	// Trusted is true when the certificate chains to a trusted authority
	// and covers the server's name, or when its fingerprint was pinned.
	Trusted bool
	// Pinned is true when it was trusted because its fingerprint matched the
	// one saved with the connection.
	Pinned bool
}

// Expired reports whether the certificate has expired at now.
func (c Certificate) Expired(now time.Time) bool { return now.After(c.NotAfter) }

// describeCertificate summarizes cert.
func describeCertificate(cert *x509.Certificate) Certificate {
	return Certificate{
		Subject:     cert.Subject.String(),
		Issuer:      cert.Issuer.String(),
		DNSNames:    append([]string(nil), cert.DNSNames...),
		NotAfter:    cert.NotAfter,
		Fingerprint: Fingerprint(cert.Raw),
	}
}

// Fingerprint formats the SHA-256 of a DER certificate as upper-case hex
// pairs separated by colons, the way certificate viewers show it.
func Fingerprint(der []byte) string {
	sum := sha256.Sum256(der)
	h := strings.ToUpper(hex.EncodeToString(sum[:]))
	pairs := make([]string, 0, len(sum))
	for i := 0; i < len(h); i += 2 {
		pairs = append(pairs, h[i:i+2])
	}
	return strings.Join(pairs, ":")
}

// ParseFingerprint reads a SHA-256 fingerprint as people copy it: hex with
// or without colons or spaces, in either case, optionally after "SHA256:",
// and returns it in the form Fingerprint uses.
func ParseFingerprint(text string) (string, error) {
	s := strings.TrimSpace(text)
	for _, prefix := range []string{"sha256:", "sha-256:", "sha256 ", "sha256="} {
		if len(s) >= len(prefix) && strings.EqualFold(s[:len(prefix)], prefix) {
			s = s[len(prefix):]
			break
		}
	}
	s = strings.NewReplacer(":", "", " ", "", "-", "").Replace(strings.TrimSpace(s))
	raw, err := hex.DecodeString(s)
	if err != nil || len(raw) != sha256.Size {
		return "", errors.New("a SHA-256 fingerprint is 64 hexadecimal digits (pairs may be separated by colons)")
	}
	h := strings.ToUpper(s)
	pairs := make([]string, 0, sha256.Size)
	for i := 0; i < len(h); i += 2 {
		pairs = append(pairs, h[i:i+2])
	}
	return strings.Join(pairs, ":"), nil
}

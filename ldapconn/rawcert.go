package ldapconn

import (
	"context"
	"crypto/tls"
	"crypto/x509/pkix"
	"encoding/asn1"
	"io"
	"math/big"
	"net"
	"strings"
	"time"
)

// unparsedPrefix starts the error of a handshake that stopped because Go
// could not parse the server's certificate (crypto/tls,
// verifyServerCertificate); it is not a type of its own.
const unparsedPrefix = "tls: failed to parse certificate from server: "

// unreadableCertificate explains a handshake that failed because Go could
// not parse the server's certificate, which happens before any trust code
// runs. It shakes hands once more, TLS 1.2 only so that the Certificate
// message travels in the clear, and reads the certificate from the bytes
// the server sent, so the admin sees which certificate it is.
//
// Such a certificate is never offered for trust by its fingerprint: Go's
// TLS client cannot finish a handshake with it. The one such certificate
// that admins meet, a negative serial number (made by old tools, forbidden
// by RFC 5280 4.1.2.2), Go parses again only under the GODEBUG setting
// x509negativeserial=1, which Go documents as a way back for old programs
// and removes in a later release; the program does not set it, since the
// fix on the admin's side (a new certificate) is quick and lasting.
func unreadableCertificate(ctx context.Context, cfg Config, addr, serverName string, cause error) (*Certificate, *Error) {
	why, _ := strings.CutPrefix(cause.Error(), unparsedPrefix)
	var cert *Certificate
	if der, err := serverCertificate(ctx, cfg, addr, serverName); err == nil {
		c := describeRaw(der)
		cert = &c
	}
	hint := "Create a new certificate (the PowerShell command in step 2 of the guide makes a valid one), export it with its " +
		"private key as a .pfx file, upload it on the managed domain's Secure LDAP page, and test again. Nothing was sent to the server."
	msg := "the server's certificate cannot be read: " + strings.TrimPrefix(why, "x509: ")
	if strings.Contains(why, "negative serial number") {
		msg = "the server's certificate has a negative serial number, which certificates may not have; " +
			"this computer refuses it, so no secure connection is possible with it"
	}
	e := newError(StepTLS, CodeCertificateInvalid, cause, hint, "%s", msg)
	e.Certificate = cert
	return cert, e
}

// serverCertificate returns the DER of the certificate the server at addr
// presents, without parsing it.
func serverCertificate(ctx context.Context, cfg Config, addr, serverName string) ([]byte, error) {
	ctx, cancel := context.WithTimeout(ctx, cfg.timeout())
	defer cancel()
	raw, err := (&net.Dialer{}).DialContext(ctx, "tcp", addr)
	if err != nil {
		return nil, err
	}
	rec := &recorder{Conn: raw}
	tlsConn := tls.Client(rec, &tls.Config{
		InsecureSkipVerify: true, //nolint:gosec // nothing is sent; the handshake only reads the certificate
		ServerName:         serverName, MinVersion: tls.VersionTLS12, MaxVersion: tls.VersionTLS12,
	})
	_ = tlsConn.HandshakeContext(ctx)
	tlsConn.Close()
	return firstCertificate(rec.read)
}

// recorder keeps what the server sent during the handshake, up to a limit
// far above any certificate chain.
type recorder struct {
	net.Conn
	read []byte
}

func (r *recorder) Read(b []byte) (int, error) {
	n, err := r.Conn.Read(b)
	if len(r.read) < 1<<20 {
		r.read = append(r.read, b[:n]...)
	}
	return n, err
}

// firstCertificate finds the leaf certificate in the server's side of a
// TLS 1.2 handshake: records of type handshake (22, RFC 5246 6.2.1) carry
// handshake messages, and the Certificate message (type 11, 7.4.2) holds a
// 3-byte length of the list, then each certificate's 3-byte length and DER.
func firstCertificate(stream []byte) ([]byte, error) {
	var hs []byte
	for len(stream) >= 5 && stream[0] == 22 {
		n := int(stream[3])<<8 | int(stream[4])
		if len(stream) < 5+n {
			break
		}
		hs, stream = append(hs, stream[5:5+n]...), stream[5+n:]
	}
	for len(hs) >= 4 {
		typ, n := hs[0], int(hs[1])<<16|int(hs[2])<<8|int(hs[3])
		if len(hs) < 4+n {
			break
		}
		body := hs[4 : 4+n]
		if typ == 11 && len(body) >= 6 {
			m := int(body[3])<<16 | int(body[4])<<8 | int(body[5])
			if len(body) >= 6+m {
				return body[6 : 6+m], nil
			}
		}
		hs = hs[4+n:]
	}
	return nil, io.ErrUnexpectedEOF
}

// describeRaw describes a certificate Go's parser refuses, reading with
// encoding/asn1 only what an admin compares: subject, issuer, expiry, and
// the fingerprint, which needs no parsing at all (RFC 5280 4.1).
func describeRaw(der []byte) Certificate {
	c := Certificate{Fingerprint: Fingerprint(der)}
	var cert struct {
		TBS struct {
			Version   int `asn1:"optional,explicit,default:0,tag:0"`
			Serial    *big.Int
			Algorithm asn1.RawValue
			Issuer    asn1.RawValue
			Validity  struct{ NotBefore, NotAfter time.Time }
			Subject   asn1.RawValue
		}
	}
	if _, err := asn1.Unmarshal(der, &cert); err != nil {
		return c
	}
	c.Subject, c.Issuer, c.NotAfter = rawName(cert.TBS.Subject.FullBytes), rawName(cert.TBS.Issuer.FullBytes), cert.TBS.Validity.NotAfter
	return c
}

func rawName(der []byte) string {
	var rdn pkix.RDNSequence
	if _, err := asn1.Unmarshal(der, &rdn); err != nil {
		return ""
	}
	var n pkix.Name
	n.FillFromRDNSequence(&rdn)
	return n.String()
}

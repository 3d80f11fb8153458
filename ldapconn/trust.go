package ldapconn

import (
	"cmp"
	"crypto/x509"
	"encoding/asn1"
	"errors"
	"net"
	"strings"
)

// trustCertificate decides whether the chain the server presented may carry
// the password. A pinned fingerprint is an exact promise: the same
// certificate is accepted, any other refused. Without one, the chain must
// lead to a trusted authority and name the server.
func trustCertificate(cfg Config, s Settings, chain []*x509.Certificate) (*Certificate, error) {
	leaf := chain[0]
	cert := describeCertificate(leaf)
	if s.Fingerprint != "" {
		pinned, err := ParseFingerprint(s.Fingerprint)
		if err != nil {
			return &cert, newError(StepTLS, CodeInvalidSettings, err, "Correct or remove the trusted fingerprint.", "the trusted fingerprint is not valid: %v", err)
		}
		if cert.Fingerprint != pinned {
			e := newError(StepTLS, CodeFingerprintChanged, nil,
				"Nothing was sent to the server. If the managed domain's certificate was renewed or replaced, compare the new "+
					"fingerprint with the certificate that was uploaded, then trust it again. If nobody changed it, someone may be "+
					"intercepting the connection: do not trust it.",
				"the server's certificate is not the one you trusted: its SHA-256 fingerprint is %s, but the connection trusts %s",
				cert.Fingerprint, pinned)
			e.Certificate = &cert
			return &cert, e
		}
		cert.Trusted, cert.Pinned = true, true
		return &cert, nil
	}
	opts := x509.VerifyOptions{Roots: cfg.RootCAs, Intermediates: x509.NewCertPool(), CurrentTime: cfg.now()}
	for _, c := range chain[1:] {
		opts.Intermediates.AddCert(c)
	}
	if net.ParseIP(s.Server) == nil {
		opts.DNSName = s.Server
	}
	_, err := leaf.Verify(opts)
	if err == nil && net.ParseIP(s.Server) != nil {
		err = leaf.VerifyHostname(s.Server)
	}
	if err == nil {
		cert.Trusted = true
		return &cert, nil
	}
	e := certificateError(err, s, cert)
	e.Certificate = &cert
	return &cert, e
}

func certificateError(err error, s Settings, cert Certificate) *Error {
	var (
		hostErr      x509.HostnameError
		authorityErr x509.UnknownAuthorityError
		invalidErr   x509.CertificateInvalidError
	)
	trustHint := "Nothing was sent to the server. If this is the certificate you uploaded to the managed domain, compare its " +
		"fingerprint with the one of your certificate file and choose Trust this certificate (or use --trust-fingerprint). " +
		"A certificate from a public or company authority is trusted without this step."
	switch {
	case errors.As(err, &hostErr) && hostErr.Certificate != nil && !hasSAN(hostErr.Certificate):
		domain := cmp.Or(ManagedDomainOf(s.Server, s.BindAccount), "aaddscontoso.com")
		return newError(StepTLS, CodeNameMismatch, err,
			"Go, like current browsers, matches the server's name only against the certificate's Subject Alternative Name and "+
				"ignores the subject's common name. Create the certificate again with the names in its Subject Alternative Name "+
				"(New-SelfSignedCertificate -DnsName \"*."+domain+"\", as in step 2 of the guide), upload it, and test again; "+
				"or, if this is the certificate you uploaded, trust it by its fingerprint.",
			"the certificate has no Subject Alternative Name, so it names no server (its subject is %s)", cert.Subject)
	case errors.As(err, &hostErr):
		names := strings.Join(cert.DNSNames, ", ")
		if names == "" {
			names = cert.Subject
		}
		return newError(StepTLS, CodeNameMismatch, err,
			"The certificate's subject must be a wildcard of the managed domain (such as *.aaddscontoso.com), and the server "+
				"must be typed as a name it covers (such as ldaps.aaddscontoso.com, with a DNS record), not as an IP address. "+
				"Create the certificate again with that subject, or type the name it covers.",
			"the certificate is for %s, not for %s", names, s.Server)
	case errors.As(err, &invalidErr) && invalidErr.Reason == x509.Expired:
		return newError(StepTLS, CodeCertificateExpired, err,
			"Create a new certificate, upload it on the managed domain's Secure LDAP page, and test again.",
			"the server's certificate expired on %s", cert.NotAfter.UTC().Format("2 January 2006"))
	case errors.As(err, &authorityErr):
		return newError(StepTLS, CodeUntrustedCertificate, err, trustHint,
			"the server's certificate (issued by %s) is not from an authority this computer trusts", cert.Issuer)
	}
	return newError(StepTLS, CodeUntrustedCertificate, err, trustHint, "the server's certificate is not trusted: %v", err)
}

// hasSAN reports whether c carries the Subject Alternative Name extension
// (RFC 5280 4.2.1.6), whatever names it holds.
func hasSAN(c *x509.Certificate) bool {
	for _, ext := range c.Extensions {
		if ext.Id.Equal(asn1.ObjectIdentifier{2, 5, 29, 17}) {
			return true
		}
	}
	return false
}

func tlsDetail(c Certificate) string {
	how := "trusted authority"
	if c.Pinned {
		how = "trusted by its fingerprint"
	}
	return c.Subject + ", " + how + ", expires " + c.NotAfter.UTC().Format("2006-01-02")
}

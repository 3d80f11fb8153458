package ldapconn

import (
	"errors"
	"fmt"
)

// Codes of the failures the connection test tells apart. They appear in the
// command line's JSON output, so they do not change.
const (
	CodeInvalidSettings      = "invalid_settings"
	CodeNameNotFound         = "dns_not_found"
	CodeDNS                  = "dns_failed"
	CodeTimeout              = "timeout"
	CodeRefused              = "connection_refused"
	CodeUnreachable          = "unreachable"
	CodeTLSHandshake         = "tls_handshake_failed"
	CodeUntrustedCertificate = "untrusted_certificate"
	CodeNameMismatch         = "certificate_name_mismatch"
	CodeCertificateExpired   = "certificate_expired"
	CodeCertificateInvalid   = "certificate_invalid"
	CodeFingerprintChanged   = "fingerprint_changed"
	CodeInvalidCredentials   = "invalid_credentials"
	CodeInvalidBindAccount   = "invalid_bind_account"
	CodeNoSuchObject         = "no_such_object"
	CodeBaseDNOutside        = "base_dn_outside_domain"
	CodeInsufficientAccess   = "insufficient_access"
	CodeServerClosed         = "connection_closed"
	CodeLDAP                 = "ldap_error"
)

// Error is a failed step of connecting, in words an admin can act on.
type Error struct {
	// Step is the checklist step that failed.
	Step StepID
	// Code is one of the Code constants.
	Code string
	// Message says what happened; Hint says what to do about it.
	Message string
	Hint    string
	// Certificate is the certificate the server presented when the failure
	// is about it, so the admin can inspect and trust it.
	Certificate *Certificate
	err         error
}

func (e *Error) Error() string { return e.Message }

// Unwrap returns the underlying network, TLS or LDAP error.
func (e *Error) Unwrap() error { return e.err }

// AsError finds an *Error in err's chain.
func AsError(err error) (*Error, bool) {
	var e *Error
	ok := errors.As(err, &e)
	return e, ok
}

// CanTrust reports whether the failure is a certificate the admin may
// choose to trust by its fingerprint. A changed fingerprint is not offered
// here: the admin should find out why it changed first.
func (e *Error) CanTrust() bool {
	switch e.Code {
	case CodeUntrustedCertificate, CodeNameMismatch, CodeCertificateExpired:
		return e.Certificate != nil
	}
	return false
}

func newError(step StepID, code string, err error, hint string, format string, args ...any) *Error {
	return &Error{Step: step, Code: code, Message: fmt.Sprintf(format, args...), Hint: hint, err: err}
}

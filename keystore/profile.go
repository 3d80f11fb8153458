package keystore

import (
	"errors"
	"fmt"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// Sign-in methods a Profile can use.
const (
	// MethodClientSecret is app-only access with a client secret
	// (client-credentials flow).
	MethodClientSecret = "client_secret"
	// MethodBrowser is delegated access through a browser sign-in; the
	// refresh token is kept.
	MethodBrowser = "browser"
	// MethodCertificate is app-only access with a certificate: sign-ins
	// are client assertions signed with its key, which only the keychain
	// keeps.
	MethodCertificate = "certificate"
	// MethodLDAP is a secure LDAP bind to an Entra Domain Services managed
	// domain; the bind password is kept.
	MethodLDAP = "ldap"
)

// Special values of Profile.Cloud besides the names of national clouds.
const (
	// CloudCustom means Authority and Graph hold the endpoints.
	CloudCustom = "custom"
	// CloudDemo is the embedded demo tenant, whose endpoints are only known
	// at run time.
	CloudDemo = "demo"
)

// MaxNameLength is the longest connection name accepted, in characters.
const MaxNameLength = 64

// Profile is the non-secret part of a saved connection.
type Profile struct {
	Name string `json:"name"`
	// Cloud is a cloud name ("global", "usgov", ...), CloudCustom or CloudDemo.
	Cloud string `json:"cloud"`
	// Authority and Graph are the endpoints without a trailing slash.
	Authority string `json:"authority,omitempty"`
	Graph     string `json:"graph,omitempty"`
	Tenant    string `json:"tenant"`
	ClientID  string `json:"clientId"`
	// Method is MethodClientSecret or MethodBrowser.
	Method string `json:"method"`
	// SecretExpires is when the client secret expires, when known.
	SecretExpires *time.Time `json:"secretExpires,omitempty"`
	// SecretKeyID is the key id of the client secret, when known: renewing
	// removes that secret once its successor works.
	SecretKeyID string `json:"secretKeyId,omitempty"`
	// Certificate describes the certificate of a MethodCertificate
	// connection: its public part only.
	Certificate *CertificateSettings `json:"certificate,omitempty"`
	// AppObjectID is the app registration's object id, when this program
	// created or renewed it.
	AppObjectID string `json:"appObjectId,omitempty"`
	// Permissions are the Microsoft Graph permissions a MethodBrowser
	// connection's sign-ins ask for: those granted when setup made its app.
	// Empty means the recommended set, for connections made by hand and
	// those saved before this was kept.
	Permissions []string `json:"permissions,omitempty"`
	// LDAP holds the settings of a MethodLDAP connection, which has no
	// cloud, tenant or client ID.
	LDAP    *LDAPSettings `json:"ldap,omitempty"`
	Created time.Time     `json:"created"`

	// unknown holds, as a JSON object, the fields of the settings file this
	// version does not know, so saving never drops them.
	unknown string
}

// IsLDAP reports whether p is a secure LDAP connection rather than one to
// Microsoft Graph: the one test of a saved connection's kind, which the
// window and the command line ask before choosing how to open it.
func (p Profile) IsLDAP() bool { return p.Method == MethodLDAP }

// LDAPSettings are the non-secret settings of a secure LDAP connection.
type LDAPSettings struct {
	Server      string `json:"server"`
	Port        int    `json:"port"`
	BindAccount string `json:"bindAccount"`
	BaseDN      string `json:"baseDN"`
	// Fingerprint is the SHA-256 fingerprint of the server certificate the
	// admin chose to trust; empty when the certificate chains to a trusted
	// authority. It is not secret: it identifies a public certificate.
	Fingerprint string `json:"fingerprint,omitempty"`
}

// CertificateSettings are the public part of a certificate credential,
// which may be kept in the settings file and shown: what the portal shows
// under Certificates & secrets > Certificates.
type CertificateSettings struct {
	// DER is the certificate itself, without its key.
	DER []byte `json:"der"`
	// Thumbprint is its SHA-1 thumbprint in hexadecimal, as the portal shows it.
	Thumbprint string `json:"thumbprint"`
	// KeyID is the key id of its keyCredential on the app, when known:
	// renewing removes that one once its successor works.
	KeyID   string    `json:"keyId,omitempty"`
	Expires time.Time `json:"expires"`
}

// Secrets are the parts of a connection kept only in the keychain.
type Secrets struct {
	ClientSecret string
	RefreshToken string
	// CertificateKey is the private key of a MethodCertificate
	// connection's certificate.
	CertificateKey string
	// LDAPPassword is the bind account's password of a MethodLDAP
	// connection.
	LDAPPassword string
}

// ValidateName checks a connection name: not empty, at most MaxNameLength
// characters, printable, no spaces at either end. The message says what to
// change.
func ValidateName(name string) error {
	switch {
	case strings.TrimSpace(name) == "":
		return errors.New("give the connection a name")
	case !utf8.ValidString(name):
		return errors.New("the name contains bytes that are not text")
	case utf8.RuneCountInString(name) > MaxNameLength:
		return fmt.Errorf("the name is too long: use at most %d characters", MaxNameLength)
	case strings.TrimSpace(name) != name:
		return errors.New("the name starts or ends with a space: remove it")
	}
	for _, r := range name {
		if !unicode.IsPrint(r) {
			return fmt.Errorf("the name contains a character that cannot be used (%U): use letters, digits, spaces and punctuation", r)
		}
	}
	return nil
}

// validate checks what Save needs before anything is written.
func (p Profile) validate(s Secrets) error {
	if err := ValidateName(p.Name); err != nil {
		return err
	}
	if p.Method == MethodLDAP {
		return p.validateLDAP(s)
	}
	if p.Tenant == "" || p.ClientID == "" {
		return errors.New("the connection needs a tenant and a client ID")
	}
	switch p.Method {
	case MethodClientSecret:
		if s.ClientSecret == "" {
			return errors.New("a client-secret connection needs its client secret")
		}
	case MethodBrowser:
		if s.RefreshToken == "" {
			return errors.New("a browser connection needs the refresh token from its sign-in")
		}
	case MethodCertificate:
		if s.CertificateKey == "" || p.Certificate == nil || len(p.Certificate.DER) == 0 {
			return errors.New("a certificate connection needs its certificate and the certificate's key")
		}
	default:
		return fmt.Errorf("unknown sign-in method %q: use %q, %q, %q or %q", p.Method, MethodClientSecret, MethodCertificate, MethodBrowser, MethodLDAP)
	}
	return nil
}

// validateLDAP checks a secure LDAP connection: its settings are complete
// and the only secret is the bind password.
func (p Profile) validateLDAP(s Secrets) error {
	l := p.LDAP
	switch {
	case l == nil || l.Server == "" || l.BindAccount == "" || l.BaseDN == "":
		return errors.New("a secure LDAP connection needs its server, bind account and base DN")
	case l.Port < 1 || l.Port > 65535:
		return fmt.Errorf("the secure LDAP port %d is not a port number", l.Port)
	case s.LDAPPassword == "":
		return errors.New("a secure LDAP connection needs the bind account's password")
	case s.ClientSecret != "" || s.RefreshToken != "" || s.CertificateKey != "":
		return errors.New("a secure LDAP connection keeps only the bind password")
	}
	return nil
}

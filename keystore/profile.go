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
	Created       time.Time  `json:"created"`

	// unknown holds, as a JSON object, the fields of the settings file this
	// version does not know, so saving never drops them.
	unknown string
}

// Secrets are the parts of a connection kept only in the keychain.
type Secrets struct {
	ClientSecret string
	RefreshToken string
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
	default:
		return fmt.Errorf("unknown sign-in method %q: use %q or %q", p.Method, MethodClientSecret, MethodBrowser)
	}
	return nil
}

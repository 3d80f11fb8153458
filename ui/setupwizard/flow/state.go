package flow

import (
	"time"

	"github.com/entra-wizard/entra-wizard/keystore"
	"github.com/entra-wizard/entra-wizard/oauth"
)

// State holds every value the admin has typed or chosen. The screens write
// it directly; nothing in it is ever cleared by moving between steps.
type State struct {
	// Method is how the connection signs in, in keystore's words
	// (keystore.MethodClientSecret, MethodCertificate, MethodBrowser).
	Method string
	// Cloud is an oauth cloud name, keystore.CloudCustom or keystore.CloudDemo.
	Cloud string
	// Authority and Graph are the sign-in and Graph base addresses of a
	// custom cloud (and of the demo tenant).
	Authority string
	Graph     string
	// TrustedHosts are the custom hosts (as CustomHosts names them) the
	// admin chose to trust with the secret and tokens.
	TrustedHosts string

	ClientID string
	Tenant   string
	// Secret is the client secret's Value; used by keystore.MethodClientSecret only.
	Secret string
	// SecretExpires is when that secret expires, as the admin center's
	// Certificates & secrets page lists it; zero when not known.
	SecretExpires time.Time
	// Certificate is the certificate of keystore.MethodCertificate and its key,
	// made here or imported; the key is kept in memory until the
	// connection is saved, and then only in the keychain.
	Certificate *oauth.Certificate

	// Name is what the connection is saved as.
	Name string
}

// connectionKey identifies the values a connection test depends on, so a
// result stops counting as soon as one of them changes.
func (s State) connectionKey() string {
	key := s.Method + "\x00" + s.Cloud + "\x00" + s.Authority + "\x00" +
		s.Graph + "\x00" + s.ClientID + "\x00" + s.Tenant
	switch {
	case s.Method == keystore.MethodClientSecret:
		key += "\x00" + s.Secret
	case s.Method == keystore.MethodCertificate && s.Certificate != nil:
		key += "\x00" + s.Certificate.Thumbprint()
	}
	return key
}

package provision

import (
	"errors"
	"fmt"
	"os"
	"slices"
	"time"

	"github.com/entra-wizard/entra-wizard/graph"
	"github.com/entra-wizard/entra-wizard/keystore"
	"github.com/entra-wizard/entra-wizard/oauth"
)

// CommandLineToolsClientID is Microsoft Graph Command Line Tools, the
// first-party public client Connect-MgGraph signs in with (redirect
// http://localhost). Setup signs in with it; its tokens are never saved.
const CommandLineToolsClientID = "14d82eec-204b-4c2f-b7e8-296a70dab67e"

// RedirectURI is the new app's redirect: under Mobile and desktop
// applications for the browser method's sign-ins, under Web for the secret
// method. Either way the admin-consent link returns to it, as Microsoft
// requires a registered redirect_uri there.
const RedirectURI = "http://localhost"

// Ways the new connection signs in.
const (
	// MethodCertificate: app-only access with a certificate whose key
	// only the keychain keeps; what Microsoft recommends, and what tenants
	// that block client secrets allow.
	MethodCertificate = "certificate"
	// MethodSecret: app-only access with a client secret.
	MethodSecret = "secret"
	// MethodBrowser: delegated access through a browser sign-in.
	MethodBrowser = "browser"
)

// Defaults of a Request.
const (
	DefaultAppName    = "Entra Setup Wizard"
	DefaultSecretDays = 180
	// DefaultCertificateDays is a new certificate's lifetime: a year.
	DefaultCertificateDays = 365
	// MaxSecretDays is the longest lifetime Entra recommends for a secret,
	// and the longest setup gives a certificate.
	MaxSecretDays = 730
)

// Request is what the admin chose.
type Request struct {
	// Name is the connection's name in this program.
	Name      string
	Endpoints oauth.Endpoints
	// Tenant is the tenant ID or a verified domain.
	Tenant string
	// AppName is the app registration's display name; "" means DefaultAppName.
	AppName string
	// Method is MethodCertificate, MethodSecret or MethodBrowser; ""
	// means MethodCertificate.
	Method string
	// Features are what the connection will be used for; nil means all.
	Features []graph.Feature
	// SecretDays is the secret's or the certificate's lifetime; 0 means
	// DefaultSecretDays for a secret, DefaultCertificateDays for a
	// certificate.
	SecretDays int
	// Computer names this computer in the secret's description; "" means
	// the host name.
	Computer string
	// Reuse allows adding a secret to an existing registration of the same
	// name instead of stopping with ErrAppExists.
	Reuse bool
	// AllowCustom sends the admin's sign-in, the new secret and tokens to
	// endpoints that are neither a Microsoft cloud's nor this computer's:
	// the admin trusted them explicitly.
	AllowCustom bool
	// renewal marks a secret renewal, which signs in for less.
	renewal bool
}

// withDefaults fills in the defaults and checks the choices.
func (r Request) withDefaults() (Request, error) {
	if r.AppName == "" {
		r.AppName = DefaultAppName
	}
	if r.Method == "" {
		r.Method = MethodCertificate
	}
	switch {
	case r.Method != MethodCertificate && r.Method != MethodSecret && r.Method != MethodBrowser:
		return r, fmt.Errorf("unknown sign-in method %q: choose %s, %s or %s", r.Method, MethodCertificate, MethodSecret, MethodBrowser)
	case r.SecretDays == 0 && r.Method == MethodCertificate:
		r.SecretDays = DefaultCertificateDays
	case r.SecretDays == 0:
		r.SecretDays = DefaultSecretDays
	}
	if r.SecretDays < 1 || r.SecretDays > MaxSecretDays {
		return r, fmt.Errorf("the %s's lifetime must be between 1 and %d days", r.credentialName(), MaxSecretDays)
	}
	if len(r.Features) == 0 {
		r.Features = graph.Features()
	}
	for _, f := range r.Features {
		if !slices.Contains(graph.Features(), f) {
			return r, fmt.Errorf("unknown feature %q", f)
		}
	}
	if r.Computer == "" {
		r.Computer, _ = os.Hostname()
	}
	if err := keystore.ValidateName(r.Name); err != nil {
		return r, err
	}
	if r.Tenant == "" {
		return r, errors.New("give the tenant ID or a domain of the tenant")
	}
	if err := oauth.CheckEndpoints(r.Endpoints, r.AllowCustom); err != nil {
		return r, err
	}
	return r, nil
}

// credentialName says what the app signs in with, in an admin's words.
func (r Request) credentialName() string {
	if r.Method == MethodCertificate {
		return "certificate"
	}
	return "secret"
}

// secretName is the description of a new secret or certificate: it names this computer and
// the day, so an admin can tell which secret is whose in the portal.
func (r Request) secretName(now time.Time) string {
	name := "Entra Setup Wizard"
	if r.Computer != "" {
		name += " on " + r.Computer
	}
	return name + ", " + now.UTC().Format("2006-01-02")
}

// Permissions are the Microsoft Graph permissions the features need, the
// least privileged of each, in a stable order. Organization.Read.All lets
// the connection show the tenant's name.
func Permissions(features []graph.Feature) []string {
	var out []string
	add := func(p string) {
		if !slices.Contains(out, p) {
			out = append(out, p)
		}
	}
	for _, f := range features {
		needs := graph.FeatureNeeds(f)
		if len(needs) == 0 {
			continue
		}
		if f == graph.EnableDisable {
			add("User.Read.All") // enabling accounts needs reading them too
		}
		add(needs[0])
	}
	add("Organization.Read.All")
	return out
}

// granted are the Microsoft Graph permissions the new app is registered
// with and granted: the features' permissions and, for the browser method,
// the sign-in scopes (openid, profile, offline_access) every sign-in and
// refresh asks for, which are Graph delegated permissions as well.
func (r Request) granted() []string {
	names := Permissions(r.Features)
	if r.Method == MethodBrowser {
		names = append(names, oauth.SignInScopes()...)
	}
	return names
}

// signInScopes are the delegated scopes the setup sign-in asks for: what
// the run's Graph calls need, and no more (Microsoft's reference for each
// call names its least privileged permission). Every run registers or
// reads the app and adds its secret (Application.ReadWrite.All); a setup
// reads the tenant's app management policy (GET
// /policies/defaultAppManagementPolicy: Policy.Read.All) to fit the new
// credential to it; a secret or certificate connection's setup grants app
// roles (AppRoleAssignment.ReadWrite.All), a browser connection's setup a
// delegated grant (DelegatedPermissionGrant.ReadWrite.All); a renewal
// only replaces a secret.
func (r Request) signInScopes() []string {
	names := []string{"Application.ReadWrite.All"}
	switch {
	case r.renewal:
	case r.Method == MethodBrowser:
		names = append(names, "Policy.Read.All", "DelegatedPermissionGrant.ReadWrite.All")
	default:
		names = append(names, "Policy.Read.All", "AppRoleAssignment.ReadWrite.All")
	}
	return r.Endpoints.DelegatedScopes(names...)
}

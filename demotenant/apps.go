package demotenant

import (
	"crypto/rand"
	"crypto/sha256"
	"fmt"
	"slices"
	"time"
)

// Sign-in audiences of an app registration.
const (
	audienceMyOrg     = "AzureADMyOrg"
	audienceMultiOrgs = "AzureADMultipleOrgs"
)

// wizardRoles are the application permissions the program uses.
var wizardRoles = []string{
	"User.Read.All", "User.ReadWrite.All", "User.EnableDisableAccount.All",
	"Group.Read.All", "Group.ReadWrite.All", "GroupMember.Read.All",
	"GroupMember.ReadWrite.All", "LicenseAssignment.ReadWrite.All",
	"Organization.Read.All", "Directory.Read.All",
	"User-PasswordProfile.ReadWrite.All", "User.RevokeSessions.All",
}

// signInScopes are the OpenID Connect scopes a browser sign-in asks for
// with its Graph scopes; a tenant-wide grant holds them like the others.
var signInScopes = []string{"openid", "profile", "offline_access"}

// appSpec describes one seeded app registration and the state of its
// enterprise application in the tenant.
type appSpec struct {
	Name      string
	Public    bool     // redirect registered under Mobile and desktop
	Redirects []string // registered redirect URIs
	Audience  string
	Secret    bool // has a valid client secret
	Expired   bool // has an expired client secret
	// Required are the application permissions the registration asks for;
	// admin consent grants them.
	Required []string
	// Granted are the application permissions already consented.
	Granted []string
	// Delegated are the delegated permissions consented for the whole tenant.
	Delegated   []string
	NoPrincipal bool // no service principal in the tenant
}

// Names of the seeded apps; the scenario picks one of the first three.
const (
	appMain      = "Entra Setup Wizard"
	appReadOnly  = "Entra Setup Wizard (read-only)"
	appNoConsent = "Entra Setup Wizard (awaiting consent)"
	appWeb       = "Northwind Intranet (web)"
	appPublic    = "Entra Setup Wizard (browser sign-in)"
	appOrphan    = "Northwind Reports (no enterprise app)"
	// appLicenseDesk may assign licenses and read users, but not list the
	// organization's subscriptions.
	appLicenseDesk = "Northwind License Desk"
)

// appSpecs are the tenant's app registrations, the same in every scenario.
var appSpecs = []appSpec{
	{Name: appMain, Public: true, Redirects: []string{"http://localhost"}, Audience: audienceMyOrg,
		Secret: true, Expired: true, Required: wizardRoles, Granted: wizardRoles},
	{Name: appReadOnly, Public: true, Redirects: []string{"http://localhost"}, Audience: audienceMyOrg,
		Secret: true, Required: []string{"User.Read.All", "Group.Read.All"},
		Granted: []string{"User.Read.All", "Group.Read.All"}},
	{Name: appNoConsent, Public: true, Redirects: []string{"http://localhost"}, Audience: audienceMyOrg,
		Secret: true, Required: wizardRoles},
	{Name: appWeb, Redirects: []string{"http://localhost"}, Audience: audienceMyOrg, Secret: true,
		Delegated: append([]string{"User.Read", "User.Read.All", "Group.Read.All"}, signInScopes...)},
	{Name: appPublic, Public: true, Redirects: []string{"http://localhost"}, Audience: audienceMultiOrgs,
		Delegated: slices.Concat([]string{"User.Read"}, wizardRoles, signInScopes)},
	{Name: appOrphan, Redirects: []string{"http://localhost"}, Audience: audienceMyOrg, Secret: true, Required: []string{"User.Read.All"},
		NoPrincipal: true},
	{Name: appLicenseDesk, Redirects: []string{"http://localhost"}, Audience: audienceMyOrg, Secret: true,
		Required: []string{"User.Read.All", "LicenseAssignment.ReadWrite.All"},
		Granted:  []string{"User.Read.All", "LicenseAssignment.ReadWrite.All"}},
}

// graphPrincipalID is the object id of Microsoft Graph's service principal.
var graphPrincipalID = stableGUID("service principal: Microsoft Graph")

// seedApps registers the demo apps and their service principals.
func (d *directory) seedApps() {
	d.principals[graphPrincipalID] = &servicePrincipal{
		ID: graphPrincipalID, AppID: graphAppID, DisplayName: "Microsoft Graph",
	}
	created := d.createdAt.AddDate(1, 0, 0)
	for _, spec := range appSpecs {
		a := &app{
			AppID:          appIDOf(spec.Name),
			ID:             stableGUID("application: " + spec.Name),
			DisplayName:    spec.Name,
			Required:       requiredRoles(spec.Required),
			PublicClient:   spec.Public,
			RedirectURIs:   slices.Clone(spec.Redirects),
			SignInAudience: spec.Audience,
		}
		if spec.Secret {
			a.Secrets = append(a.Secrets, newSecret(spec.Name+" valid", time.Date(2099, 12, 31, 0, 0, 0, 0, time.UTC)))
		}
		if spec.Expired {
			a.Secrets = append(a.Secrets, newSecret(spec.Name+" expired", time.Date(2024, 6, 30, 0, 0, 0, 0, time.UTC)))
		}
		d.apps[a.AppID] = a
		if spec.NoPrincipal {
			continue
		}
		sp := &servicePrincipal{
			ID: stableGUID("service principal: " + spec.Name), AppID: a.AppID, DisplayName: spec.Name,
			DelegatedScopes: slices.Clone(spec.Delegated),
		}
		for _, role := range spec.Granted {
			sp.grantRole(role, created)
		}
		d.principals[sp.ID] = sp
	}
	d.mainApp = appIDOf(appMain)
	switch d.scenario {
	case ScenarioReadOnly:
		d.mainApp = appIDOf(appReadOnly)
	case ScenarioNoConsent:
		d.mainApp = appIDOf(appNoConsent)
	}
	d.publicApp = appIDOf(appPublic)
}

// grantRole adds an app role assignment on Microsoft Graph for the
// application permission named role, unless the principal holds it already.
func (sp *servicePrincipal) grantRole(role string, at time.Time) {
	perm, ok := permissionByName(role)
	if !ok || perm.RoleID == "" || slices.Contains(sp.roles(), role) {
		return
	}
	sp.Assignments = append(sp.Assignments, appRoleAssignment{
		ID:         stableGUID("assignment: " + sp.ID + " " + perm.RoleID),
		AppRoleID:  perm.RoleID,
		ResourceID: graphPrincipalID,
		Created:    at,
	})
}

// roles names the Graph application permissions granted to the principal.
func (sp *servicePrincipal) roles() []string {
	var names []string
	for _, as := range sp.Assignments {
		if as.ResourceID != graphPrincipalID {
			continue
		}
		if p, ok := permissionByRoleID(as.AppRoleID); ok {
			names = append(names, p.Name)
		}
	}
	return names
}

// appIDOf returns the client id of the seeded app named name.
func appIDOf(name string) string {
	return stableGUID("app: " + name)
}

// principalOf finds the service principal of the app with client id appID.
func (d *directory) principalOf(appID string) *servicePrincipal {
	for _, sp := range d.principals {
		if sp.AppID == appID {
			return sp
		}
	}
	return nil
}

// newSecret makes a client secret whose Value looks like one the Entra admin
// center shows once: 40 characters with a '~' after the three-character hint.
// The Value comes from crypto/rand, so no two tenants (no two runs) share
// one and knowing the program opens no running demo tenant; the secret's ID
// is derived from seed, so the tenant's objects keep their IDs.
func newSecret(seed string, expires time.Time) clientSecret {
	value := randomText(3) + "8Q~" + randomText(34)
	return clientSecret{
		KeyID:   stableGUID("secret id: " + seed),
		Value:   value,
		Hint:    value[:3],
		Expires: expires,
	}
}

// randomText returns n characters drawn by crypto/rand from the letters,
// digits and "._-" that Entra's secrets use.
func randomText(n int) string {
	const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789._-"
	var raw [64]byte
	out := make([]byte, 0, n)
	for len(out) < n {
		_, _ = rand.Read(raw[:]) // never fails (crypto/rand)
		for _, b := range raw {
			// Bytes past the last whole multiple of the alphabet are
			// dropped, so every character is equally likely.
			if len(out) < n && int(b) < 256/len(alphabet)*len(alphabet) {
				out = append(out, alphabet[int(b)%len(alphabet)])
			}
		}
	}
	return string(out)
}

// stableGUID derives a GUID from seed, so the seeded tenant is the same on
// every run.
func stableGUID(seed string) string {
	b := sha256.Sum256([]byte(seed))
	b[6] = b[6]&0x0f | 0x40
	b[8] = b[8]&0x3f | 0x80
	return fmt.Sprintf("%x-%x-%x-%x-%x", b[0:4], b[4:6], b[6:8], b[8:10], b[10:16])
}

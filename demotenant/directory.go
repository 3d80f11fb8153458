package demotenant

import (
	"fmt"
	"time"

	"github.com/entra-wizard/entra-wizard/demotenant/odata"
)

// directory is the tenant's state. Every field is guarded by Server.mu.
type directory struct {
	scenario string

	tenantID     string
	tenantDomain string // the initial, verified domain: name.onmicrosoft.com
	orgName      string
	domains      []string // verified domains; UPNs must use one of them
	createdAt    time.Time

	users  map[string]*user  // by object id
	groups map[string]*group // by object id
	skus   []*sku

	apps       map[string]*app              // app registrations by appId
	principals map[string]*servicePrincipal // service principals by object id

	deleted map[string]*deletedObject // soft-deleted users and Microsoft 365 groups, by id

	// policyAccounts are the accounts a Conditional Access policy stops, by
	// object id. They sign in like users but Graph does not list them, so
	// the scenarios keep the user counts they document.
	policyAccounts map[string]*user

	// adminPassword and userPassword are the seeded accounts' passwords,
	// new on every run (newPassword).
	adminPassword, userPassword string

	// mainApp is the appId of the app the scenario is about (Info.ClientID).
	mainApp string
	// publicApp is the appId of the public client app (Info.PublicClientID).
	publicApp string

	seq int // for generating ids of new objects deterministically

	// userList and groupList cache the users and groups in id order for
	// Graph's list answers; a change that adds or removes one resets them.
	userList  []odata.Entity
	groupList []odata.Entity

	// changeLog records every change to users and groups, for delta
	// queries; see changes().
	changeLog *changeLog
}

type user struct {
	ID                string
	DisplayName       string
	GivenName         string
	Surname           string
	UserPrincipalName string
	Mail              string
	MailNickname      string
	JobTitle          string
	Department        string
	OfficeLocation    string
	City              string
	Country           string
	MobilePhone       string
	UsageLocation     string
	AccountEnabled    bool
	CreatedDateTime   time.Time
	UserType          string // Member or Guest
	Password          string // demo only; never returned by Graph
	ForceChange       bool
	Licenses          []assignedLicense
	// Admin marks a Global Administrator, who may do anything.
	Admin bool
	// Role is a directory role short of Global Administrator, e.g.
	// roleAppAdmin; "" for none.
	Role string
	// Policy is what Conditional Access asks of the account's sign-ins.
	Policy signInPolicy
	// OnPremisesSync marks a user synchronised from an on-premises
	// Active Directory (onPremisesSyncEnabled).
	OnPremisesSync bool
	// SessionsValidFrom is signInSessionsValidFromDateTime: refresh
	// tokens issued before it are refused.
	SessionsValidFrom time.Time
	// Manager is the ID of the user's manager; "" for none.
	Manager string
}

type assignedLicense struct {
	SkuID         string
	DisabledPlans []string
}

type group struct {
	ID              string
	DisplayName     string
	Description     string
	MailNickname    string
	Mail            string
	MailEnabled     bool
	SecurityEnabled bool
	GroupTypes      []string // "Unified" for Microsoft 365 groups
	Visibility      string
	CreatedDateTime time.Time
	Members         []string // object ids of users and groups, in insertion order
	Owners          []string
}

type sku struct {
	SkuID         string
	SkuPartNumber string
	Enabled       int // prepaid units
	ServicePlans  []servicePlan
}

type servicePlan struct {
	ID   string
	Name string
}

type deletedObject struct {
	DeletedAt time.Time
	User      *user
	Group     *group
	// MemberOf lists the groups the object was a direct member of; a
	// restore puts it back in those that still exist.
	MemberOf []string
}

// app is an app registration.
type app struct {
	AppID        string
	ID           string
	DisplayName  string
	Secrets      []clientSecret
	Keys         []keyCredential // certificates (keyCredentials)
	PublicClient bool            // redirect registered under "Mobile and desktop applications"
	// FallbackPublicClient is "Allow public client flows": only flows
	// without a redirect (device code, ROPC) need it, so the auth code
	// flow with PKCE works without it; it is kept as the client sent it.
	FallbackPublicClient bool
	RedirectURIs         []string // web or public-client redirect URIs
	// SignInAudience is AzureADMyOrg or AzureADMultipleOrgs.
	SignInAudience string
	// Required lists the Graph permissions the registration asks for.
	Required []requiredPermission
	// Created is when Graph created the app; zero for seeded apps. The
	// sign-in service learns of a new app only after a replication delay.
	Created time.Time
	// Owners are the object ids of the users who own the registration (who
	// registered it, signed in) and of service principals made owners.
	Owners []string
}

type clientSecret struct {
	KeyID       string
	Value       string
	Hint        string
	DisplayName string
	Expires     time.Time
	// Added is when addPassword made it; zero for seeded secrets. The
	// sign-in service accepts a new secret only after a replication delay.
	Added time.Time
}

// servicePrincipal is an app's instance in this tenant (an enterprise
// application). Microsoft Graph itself has one, whose app roles are the
// application permissions.
type servicePrincipal struct {
	ID          string
	AppID       string
	DisplayName string
	// AppRoles granted to this principal: appRoleAssignments on the Graph
	// resource, by app role id.
	Assignments []appRoleAssignment
	// DelegatedScopes consented tenant-wide for this client (an
	// oauth2PermissionGrant with consentType AllPrincipals).
	DelegatedScopes []string
}

type appRoleAssignment struct {
	ID         string
	AppRoleID  string
	ResourceID string // object id of the resource's service principal
	Created    time.Time
}

// newDirectory builds the scenario's tenant. Its objects are the same for
// the same scenario on every run; its passwords and client secrets are new.
func newDirectory(scenario string) (*directory, error) {
	switch scenario {
	case ScenarioDefault, ScenarioReadOnly, ScenarioNoConsent, ScenarioLarge:
	default:
		return nil, fmt.Errorf("demotenant: unknown scenario %q (want one of %v)", scenario, Scenarios)
	}
	d := &directory{
		scenario:     scenario,
		tenantID:     "5d3c8a4e-2f1b-4c7a-9e6d-0b8f1a2c3d4e",
		tenantDomain: "northwind-demo.onmicrosoft.com",
		orgName:      "Northwind Traders (demo)",
		createdAt:    time.Date(2023, 3, 14, 9, 0, 0, 0, time.UTC),
		users:        map[string]*user{},
		groups:       map[string]*group{},
		apps:         map[string]*app{},
		principals:   map[string]*servicePrincipal{},
		deleted:      map[string]*deletedObject{},

		policyAccounts: map[string]*user{},
		adminPassword:  newPassword("Admin"),
		userPassword:   newPassword("User"),
	}
	d.domains = []string{d.tenantDomain, "northwind-demo.example"}
	d.seedPeople()
	d.seedPolicyAccounts()
	d.seedApps()
	d.seedSetup()
	return d, nil
}

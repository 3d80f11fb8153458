package demotenant

// graphCLIAppID is Microsoft's first-party public client "Microsoft Graph
// Command Line Tools", the client Connect-MgGraph signs in with. Every
// tenant knows it; an administrator consents to its scopes at sign-in.
const graphCLIAppID = "14d82eec-204b-4c2f-b7e8-296a70dab67e"

// Directory roles short of Global Administrator that the setup flow and
// delegated user and group edits meet.
const (
	roleAppAdmin      = "Application Administrator"
	roleCloudAppAdmin = "Cloud Application Administrator"
	roleUserAdmin     = "User Administrator"
	roleGroupsAdmin   = "Groups Administrator"
)

// roleTemplates are the template ids of directory roles, as tokens carry
// them in the wids claim.
var roleTemplates = map[string]string{
	roleAppAdmin:      "9b895d92-2cd3-44c7-9d02-a6ac2d5ea5c3",
	roleCloudAppAdmin: "158c047a-c907-4556-b7ef-446551a6b5f7",
	roleUserAdmin:     "fe930be7-5e62-47db-91af-98c3a49a38b1",
	roleGroupsAdmin:   "fdd7a751-b60b-444a-984c-02652fe8fa1c",
}

// requiredPermission is one entry of an app's requiredResourceAccess on
// Microsoft Graph: an application permission (Role) or a delegated one
// (Scope), by name.
type requiredPermission struct {
	Name string
	Role bool
}

// requiredRoles lists names as application permissions.
func requiredRoles(names []string) []requiredPermission {
	var out []requiredPermission
	for _, n := range names {
		out = append(out, requiredPermission{Name: n, Role: true})
	}
	return out
}

// seedSetup adds what setting up an app without the portal meets: the
// first-party command-line client, and an Application Administrator, who
// may register apps but not grant Microsoft Graph's application
// permissions. That account sits with the policy accounts, so Graph's user
// lists keep the counts the scenarios document.
func (d *directory) seedSetup() {
	d.apps[graphCLIAppID] = &app{
		AppID:          graphCLIAppID,
		ID:             stableGUID("application: Microsoft Graph Command Line Tools"),
		DisplayName:    "Microsoft Graph Command Line Tools",
		PublicClient:   true,
		RedirectURIs:   []string{"http://localhost"},
		SignInAudience: audienceMultiOrgs,
	}
	id, upn := stableGUID("policy account: appadmin"), "appadmin@"+d.tenantDomain
	d.policyAccounts[id] = &user{
		ID: id, DisplayName: "Adele Vance", GivenName: "Adele", Surname: "Vance",
		UserPrincipalName: upn, Mail: upn, MailNickname: "appadmin", JobTitle: roleAppAdmin,
		AccountEnabled: true, CreatedDateTime: d.createdAt, UserType: "Member",
		Password: d.userPassword, Role: roleAppAdmin,
	}
}

// managesApps reports whether u may register apps, create service
// principals and grant delegated permissions for the whole tenant.
func (u *user) managesApps() bool {
	return u.Admin || u.Role == roleAppAdmin || u.Role == roleCloudAppAdmin
}

// managesUsers reports whether u may create, edit, enable, delete and
// restore users and assign their licenses: a User Administrator "can manage
// all aspects of users and groups".
func (u *user) managesUsers() bool { return u.Admin || u.Role == roleUserAdmin }

// managesGroups reports whether u may create, edit and delete groups and
// change their members: a Groups Administrator may, as may a User
// Administrator.
func (u *user) managesGroups() bool { return u.managesUsers() || u.Role == roleGroupsAdmin }

// isMember reports whether u is a member of the tenant, not a guest:
// members have the default user permissions, such as registering apps.
func (u *user) isMember() bool { return u.UserType != "Guest" }

// grantsAppRoles reports whether u may grant Microsoft Graph's application
// permissions: only a Global or Privileged Role Administrator may.
func (u *user) grantsAppRoles() bool { return u.Admin }

// roleIDs are the wids claim of u's delegated tokens.
func (u *user) roleIDs() []string {
	if u.Admin {
		return []string{globalAdminRole}
	}
	if id, ok := roleTemplates[u.Role]; ok {
		return []string{id}
	}
	return nil
}

// consentsForOthers reports whether u may consent to scopes that need an
// administrator: application administrators may, for delegated scopes.
func (u *user) consentsForOthers() bool { return u.managesApps() }

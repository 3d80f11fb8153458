package demotenant

import "slices"

// setupAccess says who may call an endpoint of app registration and
// consent: an app-only caller holding one of roles, or a signed-in user
// holding one of scopes and, for writes, a directory role that allows it.
type setupAccess struct {
	scopes []string
	roles  []string
	// role checks the signed-in user's directory role; nil lets any member.
	role func(*user) bool
}

// The rules, after the permission tables of Microsoft Graph's API
// reference and the directory roles they name.
var (
	readApplications = setupAccess{
		scopes: []string{"Application.Read.All", "Application.ReadWrite.All", "Directory.Read.All", "Directory.ReadWrite.All"},
		roles:  []string{"Application.Read.All", "Application.ReadWrite.All", "Directory.Read.All", "Directory.ReadWrite.All"},
	}
	// getApplication reads one registration: unlike the list, an app-only
	// caller needs an Application permission (Directory.Read.All does not
	// do), or Application.ReadWrite.OwnedBy over a registration it owns
	// (ownsItself).
	getApplication = setupAccess{
		scopes: []string{"Application.Read.All", "Application.ReadWrite.All", "Directory.Read.All"},
		roles:  []string{"Application.Read.All", "Application.ReadWrite.All"},
	}
	// registerApplications creates an app registration: by default every
	// member may ("Users can register applications"), and owns what they
	// register.
	registerApplications = setupAccess{
		scopes: []string{"Application.ReadWrite.All", "Directory.ReadWrite.All"},
		roles:  []string{"Application.ReadWrite.All"},
		role:   (*user).isMember,
	}
	// writeApplications changes any registration or enterprise app; its
	// owner may change their own (ownedApplication).
	writeApplications = setupAccess{
		scopes: registerApplications.scopes,
		roles:  registerApplications.roles,
		role:   (*user).managesApps,
	}
	grantAppRoles = setupAccess{
		scopes: []string{"AppRoleAssignment.ReadWrite.All"},
		roles:  []string{"AppRoleAssignment.ReadWrite.All"},
		role:   (*user).grantsAppRoles,
	}
	readPermissionGrants = setupAccess{
		scopes: []string{"Directory.Read.All", "DelegatedPermissionGrant.ReadWrite.All", "Directory.ReadWrite.All"},
		roles:  []string{"Directory.Read.All", "DelegatedPermissionGrant.ReadWrite.All", "Directory.ReadWrite.All"},
	}
	writePermissionGrants = setupAccess{
		scopes: []string{"DelegatedPermissionGrant.ReadWrite.All", "Directory.ReadWrite.All"},
		roles:  []string{"DelegatedPermissionGrant.ReadWrite.All"},
		role:   (*user).managesApps,
	}
)

// ownedApplication finds the application the {id} path segment names, for
// a caller who may change it: an application administrator, an app-only
// caller with the permission, or the signed-in user who owns it.
func (c *graphCall) ownedApplication() (*app, error) {
	if err := c.allowSetup(registerApplications); err != nil {
		return nil, err
	}
	a, err := c.pathApplication()
	if err != nil {
		return nil, err
	}
	return a, c.allowOwner(a)
}

// allowOwner lets the owner of a change it, and otherwise whoever
// writeApplications allows.
func (c *graphCall) allowOwner(a *app) error {
	if c.p.Delegated() && slices.Contains(a.Owners, c.p.UserID) {
		return nil
	}
	return c.allowSetup(writeApplications)
}

// allowRead lets the caller read a: whoever getApplication allows, and an
// app-only caller holding Application.ReadWrite.OwnedBy whose service
// principal owns a.
func (c *graphCall) allowRead(a *app) error {
	if !c.p.Delegated() && holdsAny(c.p.Roles, anyOf("Application.ReadWrite.OwnedBy")) {
		if sp := c.s.dir.principalOf(c.p.AppID); sp != nil && slices.Contains(a.Owners, sp.ID) {
			return nil
		}
	}
	return c.allowSetup(getApplication)
}

// allowSetup checks the caller against a; a refusal is Graph's 403
// Authorization_RequestDenied.
func (c *graphCall) allowSetup(a setupAccess) error {
	if !c.p.Delegated() {
		if !holdsAny(c.p.Roles, anyOf(a.roles...)) {
			return errInsufficientPrivileges
		}
		return nil
	}
	if !holdsAny(c.p.Scopes, anyOf(a.scopes...)) {
		return errInsufficientPrivileges
	}
	u := c.s.dir.account(c.p.UserID)
	if u == nil || (a.role != nil && !a.role(u)) {
		return errInsufficientPrivileges
	}
	return nil
}

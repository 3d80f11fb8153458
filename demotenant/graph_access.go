package demotenant

import "slices"

// access says which permissions allow an operation: any one of the
// alternatives, each a set of permissions that must all be held. Graph
// checks application permissions (the token's roles) for app-only callers
// and delegated permissions (scp) for signed-in users.
type access struct {
	app       [][]string
	delegated [][]string // nil: the same as app
	// role checks, for a signed-in user, that their directory role allows
	// the operation; nil lets any member (reads).
	role func(*user) bool
}

func anyOf(names ...string) [][]string {
	out := make([][]string, len(names))
	for i, n := range names {
		out[i] = []string{n}
	}
	return out
}

// The permission rules of the endpoints, after the permission tables of
// Microsoft Graph's API reference.
var (
	readOrganization = access{
		app:       anyOf("Organization.Read.All", "Directory.Read.All", "Organization.ReadWrite.All", "Directory.ReadWrite.All"),
		delegated: anyOf("User.Read", "Organization.Read.All", "Directory.Read.All", "Organization.ReadWrite.All", "Directory.ReadWrite.All"),
	}
	readUsers = access{
		app:       anyOf("User.Read.All", "User.ReadWrite.All", "Directory.Read.All", "Directory.ReadWrite.All"),
		delegated: anyOf("User.ReadBasic.All", "User.Read.All", "User.ReadWrite.All", "Directory.Read.All", "Directory.ReadWrite.All"),
	}
	readMe = access{delegated: anyOf("User.Read", "User.ReadWrite", "User.ReadBasic.All", "User.Read.All",
		"User.ReadWrite.All", "Directory.Read.All", "Directory.ReadWrite.All")}
	writeUsers = access{app: anyOf("User.ReadWrite.All", "Directory.ReadWrite.All"), role: (*user).managesUsers}
	// deleteUsers deletes users and restores or purges deleted ones:
	// Directory.ReadWrite.All "does not allow user or group deletion".
	deleteUsers = access{app: anyOf("User.DeleteRestore.All", "User.ReadWrite.All"), role: (*user).managesUsers}
	// resetPasswords sets another user's password through its
	// passwordProfile: Directory.ReadWrite.All does not allow it.
	resetPasswords = access{
		app:       anyOf("User-PasswordProfile.ReadWrite.All", "User.ReadWrite.All"),
		delegated: anyOf("User-PasswordProfile.ReadWrite.All", "User.ReadWrite.All", "Directory.AccessAsUser.All"),
		role:      (*user).managesUsers,
	}
	// enableDisableUsers: accountEnabled alone may be changed with
	// User.EnableDisableAccount.All together with a read permission.
	enableDisableUsers = access{app: append(anyOf("User.ReadWrite.All", "Directory.ReadWrite.All"),
		[]string{"User.EnableDisableAccount.All", "User.Read.All"},
		[]string{"User.EnableDisableAccount.All", "Directory.Read.All"}), role: (*user).managesUsers}
	// revokeSessions signs a user out everywhere (revokeSignInSessions):
	// the API reference's table names User.RevokeSessions.All, then
	// User.ReadWrite.All and Directory.ReadWrite.All, signed in or app-only.
	revokeSessions = access{app: anyOf("User.RevokeSessions.All", "User.ReadWrite.All", "Directory.ReadWrite.All"),
		role: (*user).managesUsers}
	// readUserMemberships lists another user's groups: reading users is not
	// enough, it takes a permission that reads groups or the directory.
	readUserMemberships = access{
		app: anyOf("GroupMember.ReadBasic.All", "Group.ReadBasic.All", "GroupMember.Read.All", "Group.Read.All",
			"GroupMember.ReadWrite.All", "Group.ReadWrite.All", "Directory.Read.All", "Directory.ReadWrite.All"),
		delegated: anyOf("User.Read.All", "GroupMember.Read.All", "Directory.Read.All", "Directory.ReadWrite.All"),
	}
	readLicenses = access{app: anyOf("LicenseAssignment.Read.All", "User.Read.All", "User.ReadWrite.All",
		"Directory.Read.All", "Directory.ReadWrite.All")}
	assignLicenses = access{app: anyOf("LicenseAssignment.ReadWrite.All", "User.ReadWrite.All", "Directory.ReadWrite.All"),
		role: (*user).managesUsers}
	// readSKUs lists the tenant's subscriptions; assigning licenses
	// (LicenseAssignment.ReadWrite.All) does not read them.
	readSKUs = access{app: anyOf("LicenseAssignment.Read.All", "Organization.Read.All", "Directory.Read.All",
		"Organization.ReadWrite.All", "Directory.ReadWrite.All")}
	readGroups = access{app: anyOf("Group.Read.All", "Group.ReadWrite.All", "GroupMember.Read.All",
		"GroupMember.ReadWrite.All", "Directory.Read.All", "Directory.ReadWrite.All")}
	writeGroups = access{app: anyOf("Group.ReadWrite.All", "Directory.ReadWrite.All"), role: (*user).managesGroups}
	// deleteGroups deletes groups and restores or purges deleted ones.
	deleteGroups = access{app: anyOf("Group.ReadWrite.All"), role: (*user).managesGroups}
	readMembers  = readGroups
	writeMembers = access{app: anyOf("GroupMember.ReadWrite.All", "Group.ReadWrite.All", "Directory.ReadWrite.All"),
		role: (*user).managesGroups}
	readApps   = access{app: anyOf("Application.Read.All", "Application.ReadWrite.All", "Directory.Read.All", "Directory.ReadWrite.All")}
	readGrants = access{app: anyOf("Application.Read.All", "Application.ReadWrite.All", "Directory.Read.All",
		"Directory.ReadWrite.All", "AppRoleAssignment.ReadWrite.All")}
)

// allow checks the caller against a; a refusal is Graph's 403.
func (c *graphCall) allow(a access) error {
	held, alternatives := c.p.Roles, a.app
	if c.p.Delegated() {
		held = c.p.Scopes
		if a.delegated != nil {
			alternatives = a.delegated
		}
	}
	if !holdsAny(held, alternatives) {
		return errInsufficientPrivileges
	}
	if a.role != nil && c.p.Delegated() {
		if u := c.s.dir.users[c.p.UserID]; u == nil || !a.role(u) {
			return errInsufficientPrivileges
		}
	}
	return nil
}

func holdsAny(held []string, alternatives [][]string) bool {
	for _, needed := range alternatives {
		all := true
		for _, n := range needed {
			all = all && slices.Contains(held, n)
		}
		if all {
			return true
		}
	}
	return false
}

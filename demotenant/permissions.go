package demotenant

// graphAppID is Microsoft Graph's application ID, the resource of every
// permission below.
const graphAppID = "00000003-0000-0000-c000-000000000000"

// permission is one Microsoft Graph permission with its application role id
// (app-only) and delegated scope id.
type permission struct {
	Name      string
	RoleID    string
	ScopeID   string
	AdminOnly bool // delegated scope requires admin consent
}

// graphPermissions are the Graph permissions the demo tenant knows.
var graphPermissions = []permission{
	{"User.Read.All", "df021288-bdef-4463-88db-98f22de89214", "a154be20-db9c-4678-8ab7-66f6cc099a59", true},
	{"User.ReadWrite.All", "741f803b-c850-494e-b5df-cde7c675a1ca", "204e0828-b5ca-4ad8-b9f3-f32a958e7cc4", true},
	{"User.DeleteRestore.All", "eccc023d-eccf-4e7b-9683-8813ab36cecc", "4bb440cd-2cf2-4f90-8004-aa2acd2537c5", true},
	{"User-PasswordProfile.ReadWrite.All", "cc117bb9-00cf-4eb8-b580-ea2a878fe8f7", "56760768-b641-451f-8906-e1b8ab31bca7", true},
	{"User.RevokeSessions.All", "77f3a031-c388-4f99-b373-dc68676a979e", "fc30e98b-8810-4501-81f5-c20a3196387b", true},
	{"User.EnableDisableAccount.All", "3011c876-62b7-4ada-afa2-506cbbecc68c", "f92e74e7-2563-467f-9dd0-902688cb5863", true},
	{"Group.Read.All", "5b567255-7703-4780-807c-7be8301ae99b", "5f8c59db-677d-491f-a6b8-5f174b11ec1d", true},
	{"Group.ReadWrite.All", "62a82d76-70ea-41e2-9197-370581804d09", "4e46008b-f24c-477d-8fff-7bb4ec7aafe0", true},
	{"GroupMember.Read.All", "98830695-27a2-44f7-8c18-0c3ebc9698f6", "bc024368-1153-4739-b217-4326f2e966d0", true},
	{"GroupMember.ReadWrite.All", "dbaae8cf-10b5-4b86-a4a1-f871c94c6695", "f81125ac-d3b7-4573-a3b2-7099cc39df9e", true},
	{"LicenseAssignment.ReadWrite.All", "5facf0c1-8979-4e95-abcf-ff3d079771c0", "f55016cc-149c-447e-8f21-7cf3ec1d6350", true},
	{"Organization.Read.All", "498476ce-e0fe-48b0-b801-37ba7e2685c6", "4908d5b9-3fb2-4b1e-9336-1888b7937185", true},
	{"Directory.Read.All", "7ab1d382-f21e-4acd-a863-ba3e13f7da61", "06da0dbc-49e2-44d2-8312-53f166ab848a", true},
	{"Directory.ReadWrite.All", "19dbc75e-c2e2-444c-a770-ec69d8559fc7", "c5366453-9fb0-48a5-a156-24f0c49a4b84", true},
	{"Application.ReadWrite.All", "1bfefb4e-e0b5-418b-a88f-73c46d2cc8e9", "bdfbf15f-ee85-4955-8675-146e8e5296b5", true},
	{"Application.Read.All", "9a5d68dd-52b0-4cc2-bd40-abcf44ac3a30", "c79f8feb-a9db-4090-85f9-90d820caa0eb", true},
	{"Application.ReadWrite.OwnedBy", "18a4783c-866b-4cc7-a460-3d5e5662c884", "", false},
	{"AppRoleAssignment.ReadWrite.All", "06b708a9-e830-4db3-a914-8e69da51d44f", "84bccea3-f856-4a8a-967b-dbe0a3d53a64", true},
	{"DelegatedPermissionGrant.ReadWrite.All", "8e8e4742-1d95-4f68-9d56-6ee75648c72a", "41ce6ca6-6826-4807-84f1-1c82854f7ee5", true},
	{"Policy.Read.All", "246dd0d5-5bd0-4def-940b-0421030a5b68", "572fea84-0151-49b2-9301-11cb16974376", true},
	{"User.Read", "", "e1fe6dd8-ba31-4d61-89e7-88639da4683d", false},
	// The OpenID Connect scopes are Microsoft Graph delegated permissions
	// too: a sign-in asking for them needs their consent like any other.
	{"openid", "", "37f7f235-527c-4136-accd-4a02d197296e", false},
	{"profile", "", "14dad69e-099b-42c9-810b-d002981feec1", false},
	{"email", "", "64a6cdd6-aab1-4aaf-94b8-3cc8405e90d0", false},
	{"offline_access", "", "7427e0e9-2fba-42fe-b0c0-848c9e6a8182", false},
}

// permissionByName finds a permission by its name, e.g. "User.Read.All".
func permissionByName(name string) (permission, bool) {
	for _, p := range graphPermissions {
		if p.Name == name {
			return p, true
		}
	}
	return permission{}, false
}

// permissionByRoleID finds a permission by its application role id.
func permissionByRoleID(id string) (permission, bool) {
	for _, p := range graphPermissions {
		if p.RoleID != "" && p.RoleID == id {
			return p, true
		}
	}
	return permission{}, false
}

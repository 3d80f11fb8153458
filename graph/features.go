package graph

import (
	"slices"
	"strings"
)

// Feature is something the program can do in a tenant, given the right
// Microsoft Graph permissions.
type Feature string

// The features the connection test checks.
const (
	ReadUsers     Feature = "read-users"
	ManageUsers   Feature = "manage-users"
	DeleteUsers   Feature = "delete-users"
	EnableDisable Feature = "enable-disable"
	ReadGroups    Feature = "read-groups"
	ManageGroups  Feature = "manage-groups"
	DeleteGroups  Feature = "delete-groups"
	ManageMembers Feature = "manage-members"
	Licenses      Feature = "licenses"
	// ResetPasswords gives a user a new password (passwordProfile).
	ResetPasswords Feature = "reset-passwords"
	// SignOutSessions signs a user out everywhere (revokeSignInSessions).
	SignOutSessions Feature = "sign-out-sessions"
	// Managers sets and clears a user's manager.
	Managers Feature = "managers"
	// GroupOwners adds and removes a group's owners.
	GroupOwners Feature = "group-owners"
)

// featureSpec says what a feature is called and which permissions allow it.
type featureSpec struct {
	Feature Feature
	Title   string
	// Needs lists the permissions that allow the feature, the one to
	// recommend first (least privilege).
	Needs []string
	// Probe names the Graph call of the connection test that proves the
	// feature works; "" when only the token's permissions tell.
	Probe string
}

// Probes of the connection test.
const (
	probeUsers  = "users"
	probeGroups = "groups"
)

// features lists every feature, in the order the connection test shows them.
// Deleting is a feature of its own because Directory.ReadWrite.All, which
// creates and edits users and groups, "does not allow user or group
// deletion" (Microsoft Graph permissions reference). Deleting users lists
// User.ReadWrite.All first, although User.DeleteRestore.All is narrower,
// because creating and editing users needs it anyway. Resetting passwords
// and signing users out have permissions of their own, narrower than
// User.ReadWrite.All, which Microsoft's Graph reference lists first for
// them; Directory.ReadWrite.All does not reset passwords.
var features = []featureSpec{
	{ReadUsers, "Read users", []string{"User.Read.All", "User.ReadWrite.All", "Directory.Read.All", "Directory.ReadWrite.All"}, probeUsers},
	{ManageUsers, "Create and edit users", []string{"User.ReadWrite.All", "Directory.ReadWrite.All"}, ""},
	{DeleteUsers, "Delete and restore users", needDeleteUsers, ""},
	{EnableDisable, "Enable and disable users", []string{"User.EnableDisableAccount.All", "User.ReadWrite.All", "Directory.ReadWrite.All"}, ""},
	{ReadGroups, "Read groups", []string{"Group.Read.All", "Group.ReadWrite.All", "Directory.Read.All", "Directory.ReadWrite.All"}, probeGroups},
	{ManageGroups, "Create and edit groups", []string{"Group.ReadWrite.All", "Directory.ReadWrite.All"}, ""},
	{DeleteGroups, "Delete groups", needDeleteGroups, ""},
	{ManageMembers, "Add and remove group members", []string{"GroupMember.ReadWrite.All", "Group.ReadWrite.All", "Directory.ReadWrite.All"}, ""},
	{Licenses, "Assign licenses", []string{"LicenseAssignment.ReadWrite.All", "User.ReadWrite.All", "Directory.ReadWrite.All"}, ""},
	{ResetPasswords, "Reset passwords", needResetPassword, ""},
	{SignOutSessions, "Sign users out everywhere", needRevokeSessions, ""},
	{Managers, "Set managers", needSetManager, ""},
	{GroupOwners, "Manage group owners", needManageOwners, ""},
}

// alsoNeeds lists, for features with a read they cannot do without,
// permissions of which one is needed as well. Assigning a license means
// choosing one of the organization's subscriptions, and listing them (GET
// /subscribedSkus) takes a permission that assigning does not give.
var alsoNeeds = map[Feature][]string{
	Licenses: append(slices.Clone(needReadSKUs), "Organization.ReadWrite.All", "Directory.ReadWrite.All"),
}

// Features lists every feature the connection test checks, in display
// order.
func Features() []Feature {
	out := make([]Feature, len(features))
	for i, f := range features {
		out[i] = f.Feature
	}
	return out
}

// FeatureNeeds lists the permissions that allow f (any one of them), the
// least privileged first.
func FeatureNeeds(f Feature) []string {
	for _, spec := range features {
		if spec.Feature == f {
			return slices.Clone(spec.Needs)
		}
	}
	return nil
}

// RecommendedPermissions are the application permissions that allow every
// feature with the least privilege, as the setup instructions list them.
func RecommendedPermissions() []string {
	var out []string
	for _, f := range features {
		if !slices.Contains(out, f.Needs[0]) {
			out = append(out, f.Needs[0])
		}
	}
	return append(out, "Organization.Read.All")
}

// lacking is the permissions of which granted holds none although the
// feature needs one of them: Needs, then alsoNeeds; nil when nothing is
// lacking.
func (spec featureSpec) lacking(granted []string) []string {
	for _, needs := range [][]string{spec.Needs, alsoNeeds[spec.Feature]} {
		if len(needs) > 0 && !grantsAny(granted, needs) {
			return needs
		}
	}
	return nil
}

// grantsAny reports whether granted holds any of needs, comparing
// permission names without regard to case.
func grantsAny(granted, needs []string) bool {
	for _, n := range needs {
		for _, g := range granted {
			if strings.EqualFold(g, n) {
				return true
			}
		}
	}
	return false
}

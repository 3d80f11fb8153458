package demotenant

import (
	"net/http"
	"testing"
)

// graphCheck is one request and the status a caller should get for it.
type graphCheck struct {
	method, path string
	body         any
	status       int
}

func runChecks(t *testing.T, g *graphClient, checks []graphCheck) {
	t.Helper()
	for _, c := range checks {
		a := g.do(c.method, c.path, c.body)
		if c.status == http.StatusForbidden {
			msg := a.wantError(t, http.StatusForbidden, "Authorization_RequestDenied")
			if msg != "Insufficient privileges to complete the operation." {
				t.Errorf("%s %s: message %q", c.method, c.path, msg)
			}
			continue
		}
		if a.Status != c.status {
			t.Errorf("%s %s: status %d, want %d: %s", c.method, c.path, a.Status, c.status, a.Body)
		}
	}
}

func TestGraphReadOnlyAppCanOnlyRead(t *testing.T) {
	s := startTenant(t, Options{Scenario: ScenarioReadOnly})
	g := appGraph(t, s)
	admin := "admin@" + s.Info().TenantDomain
	group := groupID(t, g, "Sales")
	runChecks(t, g, []graphCheck{
		{"GET", "/users", nil, 200},
		{"GET", "/users/" + admin, nil, 200},
		{"GET", "/users/" + admin + "/memberOf", nil, 200},
		{"GET", "/groups", nil, 200},
		{"GET", "/groups/" + group + "/members", nil, 200},
		{"GET", "/groups/" + group + "/transitiveMembers", nil, 200},
		{"GET", "/organization", nil, 403},
		{"GET", "/subscribedSkus", nil, 403},
		{"GET", "/servicePrincipals", nil, 403},
		{"POST", "/users", newUserBody("ro@"+s.Info().TenantDomain, "Str0ng-Passw0rd"), 403},
		{"PATCH", "/users/" + admin, map[string]any{"accountEnabled": false}, 403},
		{"PATCH", "/users/" + admin, map[string]any{"jobTitle": "x"}, 403},
		{"DELETE", "/users/" + admin, nil, 403},
		{"POST", "/users/" + admin + "/assignLicense", assignBody(skuEMS), 403},
		{"POST", "/groups", map[string]any{"displayName": "x", "mailEnabled": false, "mailNickname": "x", "securityEnabled": true}, 403},
		{"PATCH", "/groups/" + group, map[string]any{"description": "x"}, 403},
		{"POST", "/groups/" + group + "/members/$ref", map[string]any{"@odata.id": "https://graph.microsoft.com/v1.0/directoryObjects/x"}, 403},
		{"DELETE", "/groups/" + group, nil, 403},
	})
}

func TestGraphAppWithoutConsentIsRefused(t *testing.T) {
	s := startTenant(t, Options{Scenario: ScenarioNoConsent})
	g := appGraph(t, s)
	runChecks(t, g, []graphCheck{
		{"GET", "/users", nil, 403},
		{"GET", "/groups", nil, 403},
		{"GET", "/organization", nil, 403},
	})
}

func TestGraphFullAppReadsTenantAndGrants(t *testing.T) {
	s := startTenant(t, Options{})
	g := appGraph(t, s)
	filter := "/servicePrincipals?$filter=appId%20eq%20'" + s.Info().ClientID + "'"
	sps := g.get(filter).list(t)
	if len(sps) != 1 || sps[0]["appId"] != s.Info().ClientID {
		t.Fatalf("service principal by appId: %v", sps)
	}
	grants := g.get("/servicePrincipals/" + sps[0]["id"].(string) + "/appRoleAssignments").list(t)
	granted := map[string]bool{}
	for _, a := range grants {
		if p, ok := permissionByRoleID(a["appRoleId"].(string)); ok {
			granted[p.Name] = true
		}
	}
	for _, want := range []string{"User.ReadWrite.All", "GroupMember.ReadWrite.All", "LicenseAssignment.ReadWrite.All"} {
		if !granted[want] {
			t.Errorf("app role assignments miss %s: %v", want, granted)
		}
	}
	graphSP := g.get("/servicePrincipals?$filter=appId%20eq%20'" + graphAppID + "'").list(t)
	if len(graphSP) != 1 || len(graphSP[0]["appRoles"].([]any)) == 0 {
		t.Errorf("Microsoft Graph's service principal should publish its app roles: %v", graphSP)
	}
}

func TestGraphDelegatedWritesNeedAnAdministrator(t *testing.T) {
	s := startTenant(t, Options{AutoSignIn: true})
	domain := s.Info().TenantDomain
	scopes := []string{"https://graph.microsoft.com/User.ReadWrite.All", "https://graph.microsoft.com/GroupMember.ReadWrite.All"}
	admin := delegatedGraph(t, s, "admin@"+domain, scopes...)
	member := delegatedGraph(t, s, "megan@"+domain, scopes...)
	if me := member.get("/me").object(t, http.StatusOK); me["userPrincipalName"] != "megan@"+domain {
		t.Errorf("/me: %v", me)
	}
	appGraph(t, s).get("/me").wantError(t, http.StatusBadRequest, "BadRequest")
	runChecks(t, member, []graphCheck{
		{"GET", "/users/admin@" + domain, nil, 200},
		{"POST", "/users", newUserBody("by.member@"+domain, "Str0ng-Passw0rd"), 403},
		{"PATCH", "/users/admin@" + domain, map[string]any{"jobTitle": "x"}, 403},
	})
	runChecks(t, admin, []graphCheck{
		{"POST", "/users", newUserBody("by.admin@"+domain, "Str0ng-Passw0rd"), 201},
		{"PATCH", "/users/megan@" + domain, map[string]any{"jobTitle": "Lead"}, 204},
		{"GET", "/groups", nil, 200},
		{"GET", "/subscribedSkus", nil, 403},
	})
}

func TestGraphEnableDisableNeedsItsPermissionAndRead(t *testing.T) {
	s := startTenant(t, Options{AutoSignIn: true})
	domain := s.Info().TenantDomain
	admin := delegatedGraph(t, s, "admin@"+domain,
		"https://graph.microsoft.com/User.EnableDisableAccount.All", "https://graph.microsoft.com/User.Read.All")
	runChecks(t, admin, []graphCheck{
		{"PATCH", "/users/megan@" + domain, map[string]any{"accountEnabled": false}, 204},
		{"PATCH", "/users/megan@" + domain, map[string]any{"accountEnabled": true, "jobTitle": "x"}, 403},
	})
	onlyEnable := delegatedGraph(t, s, "admin@"+domain, "https://graph.microsoft.com/User.EnableDisableAccount.All")
	runChecks(t, onlyEnable, []graphCheck{
		{"PATCH", "/users/megan@" + domain, map[string]any{"accountEnabled": true}, 403},
	})
}

// Directory.ReadWrite.All "does not allow user or group deletion": it edits
// users and groups, but deleting, restoring and purging them needs
// User.DeleteRestore.All (or User.ReadWrite.All) and Group.ReadWrite.All.
func TestGraphDirectoryReadWriteAllCannotDelete(t *testing.T) {
	s := startTenant(t, Options{AutoSignIn: true})
	app := appGraph(t, s)
	domain := s.Info().TenantDomain
	admin := "admin@" + domain
	megan := app.get("/users/megan@"+domain).object(t, http.StatusOK)["id"].(string)
	sales, marketing := groupID(t, app, "Sales"), groupID(t, app, "Marketing")
	users := app.get("/users?$top=5").list(t)
	other := users[len(users)-1]["id"].(string)
	for _, path := range []string{"/users/" + megan, "/groups/" + marketing} {
		if a := app.do(http.MethodDelete, path, nil); a.Status != http.StatusNoContent {
			t.Fatalf("delete %s: %d %s", path, a.Status, a.Body)
		}
	}
	directory := delegatedGraph(t, s, admin, "https://graph.microsoft.com/Directory.ReadWrite.All")
	runChecks(t, directory, []graphCheck{
		{"PATCH", "/users/" + admin, map[string]any{"jobTitle": "Lead"}, 204},
		{"PATCH", "/groups/" + sales, map[string]any{"description": "x"}, 204},
		{"DELETE", "/users/" + other, nil, 403},
		{"DELETE", "/groups/" + sales, nil, 403},
		{"POST", "/directory/deletedItems/" + megan + "/restore", nil, 403},
		{"POST", "/directory/deletedItems/" + marketing + "/restore", nil, 403},
		{"DELETE", "/directory/deletedItems/" + megan, nil, 403},
		{"PATCH", "/users/" + other, map[string]any{"passwordProfile": map[string]any{"password": "N3w-Passw0rd!x"}}, 403},
	})
	runChecks(t, delegatedGraph(t, s, admin, "https://graph.microsoft.com/User.DeleteRestore.All"), []graphCheck{
		{"POST", "/directory/deletedItems/" + megan + "/restore", nil, 200},
		{"POST", "/directory/deletedItems/" + marketing + "/restore", nil, 403},
	})
	runChecks(t, delegatedGraph(t, s, admin, "https://graph.microsoft.com/Group.ReadWrite.All"), []graphCheck{
		{"POST", "/directory/deletedItems/" + marketing + "/restore", nil, 200},
	})
}

// appGraphWith signs in as the scenario's app once its granted application
// permissions are exactly roles.
func appGraphWith(t *testing.T, s *Server, roles ...string) *graphClient {
	t.Helper()
	clientID := s.Info().ClientID
	s.mu.Lock()
	sp := s.dir.principalOf(clientID)
	sp.Assignments = nil
	for _, r := range roles {
		sp.grantRole(r, s.dir.createdAt)
	}
	s.mu.Unlock()
	return appGraph(t, s)
}

// Reads answer to the permissions Microsoft's API reference lists for them:
// listing the tenant's subscriptions takes reading the organization or the
// directory, not assigning licenses; another user's groups take reading
// groups or the directory, not reading users.
func TestGraphReadsNeedTheirListedPermissions(t *testing.T) {
	s := startTenant(t, Options{})
	megan := "/users/megan@" + s.Info().TenantDomain
	runChecks(t, appGraphWith(t, s, "User.ReadWrite.All", "LicenseAssignment.ReadWrite.All"), []graphCheck{
		{"GET", megan, nil, 200},
		{"GET", megan + "/licenseDetails", nil, 200},
		{"GET", megan + "/memberOf", nil, 403},
		{"GET", "/subscribedSkus", nil, 403},
	})
	runChecks(t, appGraphWith(t, s, "LicenseAssignment.ReadWrite.All"), []graphCheck{
		{"GET", megan + "/licenseDetails", nil, 403},
	})
	runChecks(t, appGraphWith(t, s, "Organization.Read.All", "GroupMember.Read.All"), []graphCheck{
		{"GET", "/subscribedSkus", nil, 200},
		{"GET", megan + "/memberOf", nil, 200},
	})
	runChecks(t, appGraphWith(t, s, "Directory.Read.All"), []graphCheck{
		{"GET", "/subscribedSkus", nil, 200},
		{"GET", megan + "/memberOf", nil, 200},
		{"GET", megan + "/licenseDetails", nil, 200},
	})
}

// giveRole makes the account upn hold the directory role role.
func giveRole(t *testing.T, s *Server, upn, role string) {
	t.Helper()
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, u := range s.dir.users {
		if u.UserPrincipalName == upn {
			u.Role = role
			return
		}
	}
	t.Fatalf("no account %s", upn)
}

// Signed in, a User Administrator manages users and groups and a Groups
// Administrator manages groups (Microsoft Entra built-in roles); neither
// needs to be a Global Administrator.
func TestGraphDelegatedWritesFollowDirectoryRoles(t *testing.T) {
	s := startTenant(t, Options{AutoSignIn: true})
	domain := s.Info().TenantDomain
	megan := "megan@" + domain
	g := delegatedGraph(t, s, megan, "https://graph.microsoft.com/User.ReadWrite.All",
		"https://graph.microsoft.com/Group.ReadWrite.All", "https://graph.microsoft.com/LicenseAssignment.ReadWrite.All")
	sales := groupID(t, g, "Sales")
	newGroup := func(name string) map[string]any {
		return map[string]any{"displayName": name, "mailEnabled": false, "mailNickname": name, "securityEnabled": true}
	}
	runChecks(t, g, []graphCheck{
		{"POST", "/users", newUserBody("by.member@"+domain, "Str0ng-Passw0rd"), 403},
		{"POST", "/groups", newGroup("bymember"), 403},
	})

	giveRole(t, s, megan, roleGroupsAdmin)
	created := g.do("POST", "/groups", newGroup("bygroupsadmin")).object(t, http.StatusCreated)
	runChecks(t, g, []graphCheck{
		{"PATCH", "/groups/" + sales, map[string]any{"description": "Sales team"}, 204},
		{"POST", "/groups/" + sales + "/members/$ref", map[string]any{"@odata.id": "https://graph.microsoft.com/v1.0/directoryObjects/" + created["id"].(string)}, 204},
		{"DELETE", "/groups/" + created["id"].(string), nil, 204},
		{"POST", "/users", newUserBody("by.groupsadmin@"+domain, "Str0ng-Passw0rd"), 403},
		{"PATCH", "/users/admin@" + domain, map[string]any{"jobTitle": "x"}, 403},
	})

	giveRole(t, s, megan, roleUserAdmin)
	user := g.do("POST", "/users", newUserBody("by.useradmin@"+domain, "Str0ng-Passw0rd")).object(t, http.StatusCreated)
	runChecks(t, g, []graphCheck{
		{"PATCH", "/users/" + user["id"].(string), map[string]any{"jobTitle": "Lead", "accountEnabled": false}, 204},
		{"POST", "/users/" + user["id"].(string) + "/assignLicense", assignBody(skuEMS), 200},
		{"POST", "/groups", newGroup("byuseradmin"), 201},
		{"DELETE", "/users/" + user["id"].(string), nil, 204},
	})
}

package demotenant

import (
	"net/http"
	"testing"
)

// Assigning an app role the principal holds already is Graph's 400
// Request_BadRequest, "Permission being assigned already exists on the
// object", not a 409.
func TestGraphDuplicateAppRoleAssignmentIsABadRequest(t *testing.T) {
	s := startTenant(t, Options{AutoSignIn: true})
	g := cliGraph(t, s, "")
	app := g.do("POST", "/applications", map[string]any{"displayName": "Twice granted"}).object(t, http.StatusCreated)
	sp := g.do("POST", "/servicePrincipals", map[string]any{"appId": app["appId"]}).object(t, http.StatusCreated)
	grant := map[string]any{"principalId": sp["id"], "resourceId": graphPrincipalID, "appRoleId": "df021288-bdef-4463-88db-98f22de89214"}
	path := "/servicePrincipals/" + graphPrincipalID + "/appRoleAssignedTo"
	g.do("POST", path, grant).object(t, http.StatusCreated)
	msg := g.do("POST", path, grant).wantError(t, http.StatusBadRequest, "Request_BadRequest")
	if msg != "Permission being assigned already exists on the object." {
		t.Errorf("message %q", msg)
	}
}

// By default every member may register an app ("Users can register
// applications") and then manage it as its owner; changing other apps and
// granting Microsoft Graph's application permissions still take an
// administrator.
func TestGraphMembersRegisterAndOwnApps(t *testing.T) {
	s := startTenant(t, Options{AutoSignIn: true})
	admin := "admin@" + s.Info().TenantDomain
	g := cliGraph(t, s, admin)
	s.mu.Lock()
	s.dir.userByUPN(admin).Admin = false // now a member without a directory role
	s.mu.Unlock()

	app := g.do("POST", "/applications", map[string]any{"displayName": "A member's app"}).object(t, http.StatusCreated)
	appPath := "/applications/" + app["id"].(string)
	sp := g.do("POST", "/servicePrincipals", map[string]any{"appId": app["appId"]}).object(t, http.StatusCreated)
	pw := g.do("POST", appPath+"/addPassword", map[string]any{"passwordCredential": map[string]any{"displayName": "mine"}}).
		object(t, http.StatusOK)
	g.do("POST", appPath+"/removePassword", map[string]any{"keyId": pw["keyId"]}).wantStatus(t, http.StatusNoContent)

	seeded := g.get("/applications(appId='"+s.Info().ClientID+"')").object(t, http.StatusOK)
	runChecks(t, g, []graphCheck{
		{"POST", "/applications/" + seeded["id"].(string) + "/addPassword", map[string]any{"passwordCredential": map[string]any{}}, 403},
		{"DELETE", "/applications/" + seeded["id"].(string), nil, 403},
		{"POST", "/servicePrincipals/" + graphPrincipalID + "/appRoleAssignedTo", map[string]any{
			"principalId": sp["id"], "resourceId": graphPrincipalID, "appRoleId": "df021288-bdef-4463-88db-98f22de89214"}, 403},
		{"DELETE", appPath, nil, 204},
	})
}

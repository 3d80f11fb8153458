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

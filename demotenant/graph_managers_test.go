package demotenant

import (
	"net/http"
	"strings"
	"testing"
)

// The manager reference answers as Graph does: the manager typed as a
// user, 404 Request_ResourceNotFound without one, and 400 for a user as
// their own manager or a group as anyone's.
func TestGraphManagerReference(t *testing.T) {
	s := startTenant(t, Options{})
	g := appGraph(t, s)
	megan := g.get("/users/megan@"+s.Info().TenantDomain+"?$select=id").object(t, http.StatusOK)["id"].(string)
	m := g.get("/users/"+megan+"/manager?$select=id,displayName").object(t, http.StatusOK)
	if m["@odata.type"] != "#microsoft.graph.user" || m["displayName"] != "Tenant Administrator" {
		t.Errorf("Megan's manager: %v", m)
	}
	self := map[string]any{"@odata.id": s.Info().Graph + "/v1.0/directoryObjects/" + megan}
	msg := g.do("PUT", "/users/"+megan+"/manager/$ref", self).wantError(t, http.StatusBadRequest, "Request_BadRequest")
	if !strings.Contains(msg, "manager") {
		t.Errorf("a user as their own manager: %q", msg)
	}
	if a := g.do("DELETE", "/users/"+megan+"/manager/$ref", nil); a.Status != http.StatusNoContent {
		t.Fatalf("clearing the manager: %d %s", a.Status, a.Body)
	}
	g.get("/users/"+megan+"/manager").wantError(t, http.StatusNotFound, "Request_ResourceNotFound")
	g.do("DELETE", "/users/"+megan+"/manager/$ref", nil).wantError(t, http.StatusNotFound, "Request_ResourceNotFound")
	group := g.get("/groups?$select=id&$top=1").list(t)[0]["id"].(string)
	ref := map[string]any{"@odata.id": s.Info().Graph + "/v1.0/groups/" + group}
	g.do("PUT", "/users/"+megan+"/manager/$ref", ref).wantError(t, http.StatusBadRequest, "Request_BadRequest")
}

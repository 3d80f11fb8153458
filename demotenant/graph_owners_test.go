package demotenant

import (
	"net/http"
	"slices"
	"strings"
	"testing"
)

func TestGraphOwnersAsTheAPIReferenceAnswers(t *testing.T) {
	s := startTenant(t, Options{})
	g := appGraph(t, s)
	marketing := groupID(t, g, "Marketing")
	owners := g.get("/groups/" + marketing + "/owners?$select=id,displayName,userPrincipalName").list(t)
	if len(owners) != 1 || owners[0]["@odata.type"] != "#microsoft.graph.user" || owners[0]["userPrincipalName"] == nil {
		t.Fatalf("seeded owners of Marketing: %v", owners)
	}
	only := owners[0]["id"].(string)
	msg := g.do("DELETE", "/groups/"+marketing+"/owners/"+only+"/$ref", nil).wantError(t, http.StatusBadRequest, "Request_BadRequest")
	if !strings.Contains(msg, "at least one owner") {
		t.Errorf("last-owner refusal says %q", msg)
	}

	admin := g.get("/users/admin@"+s.Info().TenantDomain+"?$select=id").object(t, http.StatusOK)["id"].(string)
	ref := map[string]any{"@odata.id": "https://graph.microsoft.com/v1.0/users/" + admin}
	if a := g.do("POST", "/groups/"+marketing+"/owners/$ref", ref); a.Status != http.StatusNoContent {
		t.Fatalf("add owner: %d %s", a.Status, a.Body)
	}
	msg = g.do("POST", "/groups/"+marketing+"/owners/$ref", ref).wantError(t, http.StatusBadRequest, "Request_BadRequest")
	if !strings.Contains(msg, "One or more added object references already exist") {
		t.Errorf("adding an owner twice says %q", msg)
	}
	owned := names(g.get("/users/"+admin+"/ownedObjects/microsoft.graph.group?$select=id").list(t), "id")
	if !slices.Contains(owned, marketing) {
		t.Errorf("the administrator owns %v, not Marketing", owned)
	}
	if a := g.do("DELETE", "/groups/"+marketing+"/owners/"+only+"/$ref", nil); a.Status != http.StatusNoContent {
		t.Errorf("removing one of two owners: %d %s", a.Status, a.Body)
	}
	g.do("DELETE", "/groups/"+marketing+"/owners/"+only+"/$ref", nil).wantError(t, http.StatusNotFound, "Request_ResourceNotFound")
}

func TestGraphOwnersChangedByAnOwnerOrAGroupsManager(t *testing.T) {
	s := startTenant(t, Options{AutoSignIn: true})
	domain := s.Info().TenantDomain
	g := appGraph(t, s)
	marketing, sales := groupID(t, g, "Marketing"), groupID(t, g, "Sales")
	admin := g.get("/users/admin@"+domain+"?$select=id").object(t, http.StatusOK)["id"].(string)
	ref := map[string]any{"@odata.id": "https://graph.microsoft.com/v1.0/users/" + admin}
	// Megan owns Marketing, not Sales, and holds no directory role.
	megan := delegatedGraph(t, s, "megan@"+domain, "https://graph.microsoft.com/Group.ReadWrite.All")
	megan.do("POST", "/groups/"+sales+"/owners/$ref", ref).wantError(t, http.StatusForbidden, "Authorization_RequestDenied")
	if a := megan.do("POST", "/groups/"+marketing+"/owners/$ref", ref); a.Status != http.StatusNoContent {
		t.Errorf("the owner adding an owner: %d %s", a.Status, a.Body)
	}
	readOnly := delegatedGraph(t, s, "admin@"+domain, "https://graph.microsoft.com/Group.Read.All")
	readOnly.do("DELETE", "/groups/"+sales+"/owners/"+admin+"/$ref", nil).wantError(t, http.StatusForbidden, "Authorization_RequestDenied")
}

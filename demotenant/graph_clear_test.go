package demotenant

import (
	"net/http"
	"testing"
)

// Graph refuses empty text for a user's properties and a group's
// description; null clears them. Clients that send "" work here only to
// fail against a real tenant, so the demo refuses it as Graph does.
func TestGraphRefusesEmptyTextAndClearsOnNull(t *testing.T) {
	s := startTenant(t, Options{})
	g := appGraph(t, s)
	megan := "/users/megan@" + s.Info().TenantDomain
	for _, prop := range []string{"jobTitle", "department", "officeLocation", "usageLocation", "givenName", "surname"} {
		msg := g.do(http.MethodPatch, megan, map[string]any{prop: ""}).wantError(t, http.StatusBadRequest, "Request_BadRequest")
		if want := "Invalid value specified for property '" + prop + "' of resource 'User'."; msg != want {
			t.Errorf("%s = \"\": message %q, want %q", prop, msg, want)
		}
	}
	g.do(http.MethodPatch, megan, map[string]any{"displayName": nil}).wantError(t, http.StatusBadRequest, "Request_BadRequest")

	clear := map[string]any{"jobTitle": nil, "department": nil, "officeLocation": nil, "usageLocation": nil}
	if a := g.do(http.MethodPatch, megan, clear); a.Status != http.StatusNoContent {
		t.Fatalf("patch with nulls: %d %s", a.Status, a.Body)
	}
	got := g.get(megan+"?$select=displayName,jobTitle,department,officeLocation,usageLocation").object(t, http.StatusOK)
	for prop := range clear {
		if got[prop] != nil {
			t.Errorf("%s after clearing = %v, want null", prop, got[prop])
		}
	}
	if got["displayName"] == nil || got["displayName"] == "" {
		t.Errorf("clearing other fields lost the display name: %v", got)
	}

	group := "/groups/" + groupID(t, g, "Sales")
	msg := g.do(http.MethodPatch, group, map[string]any{"description": ""}).wantError(t, http.StatusBadRequest, "Request_BadRequest")
	if want := "Invalid value specified for property 'description' of resource 'Group'."; msg != want {
		t.Errorf("description = \"\": message %q, want %q", msg, want)
	}
	if a := g.do(http.MethodPatch, group, map[string]any{"description": nil}); a.Status != http.StatusNoContent {
		t.Fatalf("clear description: %d %s", a.Status, a.Body)
	}
	if got := g.get(group+"?$select=description").object(t, http.StatusOK); got["description"] != nil {
		t.Errorf("description after clearing = %v, want null", got["description"])
	}
}

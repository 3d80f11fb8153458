package demotenant

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"testing"
)

func newUserBody(upn, password string) map[string]any {
	return map[string]any{
		"accountEnabled":    true,
		"displayName":       "Jordan Rivera",
		"mailNickname":      "jordan.rivera",
		"userPrincipalName": upn,
		"usageLocation":     "US",
		"passwordProfile":   map[string]any{"password": password, "forceChangePasswordNextSignIn": true},
	}
}

func TestGraphGetUserByIDAndUPN(t *testing.T) {
	s := startTenant(t, Options{})
	g := appGraph(t, s)
	admin := "admin@" + s.Info().TenantDomain
	byUPN := g.get("/users/"+admin).object(t, http.StatusOK)
	if byUPN["userPrincipalName"] != admin || byUPN["id"] == "" {
		t.Fatalf("by UPN: %v", byUPN)
	}
	if _, ok := byUPN["accountEnabled"]; ok {
		t.Error("accountEnabled is not among Graph's default properties")
	}
	byID := g.get("/users/"+byUPN["id"].(string)+"?$select=id,accountEnabled,usageLocation").object(t, http.StatusOK)
	if byID["accountEnabled"] != true || byID["usageLocation"] != "US" || len(byID) != 4 {
		t.Errorf("selected: %v", byID)
	}
	if ctx := byID["@odata.context"].(string); !strings.HasSuffix(ctx, "#users(id,accountEnabled,usageLocation)/$entity") {
		t.Errorf("context %q", ctx)
	}
	msg := g.get("/users/0b0b0b0b-0000-4000-8000-000000000000").wantError(t, http.StatusNotFound, "Request_ResourceNotFound")
	if msg != "Resource '0b0b0b0b-0000-4000-8000-000000000000' does not exist or one of its queried reference-property objects are not present." {
		t.Errorf("not found message: %s", msg)
	}
	g.get("/users/"+admin+"?$select=id,shoeSize").wantError(t, http.StatusBadRequest, "BadRequest")
}

func TestGraphCreateUser(t *testing.T) {
	s := startTenant(t, Options{})
	g := appGraph(t, s)
	domain := s.Info().TenantDomain
	body := newUserBody("jordan.rivera@"+domain, "Str0ng-Passw0rd")
	body["@odata.type"] = "#microsoft.graph.user" // as Graph's SDKs send it
	created := g.do(http.MethodPost, "/users", body).object(t, http.StatusCreated)
	id, _ := created["id"].(string)
	if !isGUID(id) || created["userPrincipalName"] != "jordan.rivera@"+domain {
		t.Fatalf("created: %v", created)
	}
	if got := g.get("/users/"+id+"?$select=displayName").object(t, http.StatusOK); got["displayName"] != "Jordan Rivera" {
		t.Errorf("read back: %v", got)
	}

	cases := []struct {
		name    string
		body    map[string]any
		message string
	}{
		{"duplicate UPN", newUserBody("JORDAN.rivera@"+domain, "Str0ng-Passw0rd"),
			"Another object with the same value for property userPrincipalName already exists."},
		{"unverified domain", newUserBody("jordan@contoso.example", "Str0ng-Passw0rd"),
			"The domain portion of the userPrincipalName property is invalid. You must use one of the verified domain names in your organization."},
		{"weak password", newUserBody("weak@"+domain, "password"),
			"The specified password does not comply with password complexity requirements. Please provide a different password."},
		{"no password profile", func() map[string]any {
			b := newUserBody("nopw@"+domain, "x")
			delete(b, "passwordProfile")
			return b
		}(), "Invalid value specified for property 'passwordProfile' of resource 'User'."},
		{"bad usage location", func() map[string]any {
			b := newUserBody("loc@"+domain, "Str0ng-Passw0rd")
			b["usageLocation"] = "usa"
			return b
		}(), "Invalid value specified for property 'usageLocation' of resource 'User'."},
		{"usage location that is no country", func() map[string]any {
			b := newUserBody("xx@"+domain, "Str0ng-Passw0rd")
			b["usageLocation"] = "XX"
			return b
		}(), "Invalid value specified for property 'usageLocation' of resource 'User'."},
		{"unknown property", func() map[string]any {
			b := newUserBody("prop@"+domain, "Str0ng-Passw0rd")
			b["shoeSize"] = "44"
			return b
		}(), "Property 'shoeSize' does not exist as a declared property or extension property."},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			msg := g.do(http.MethodPost, "/users", c.body).wantError(t, http.StatusBadRequest, "Request_BadRequest")
			if msg != c.message {
				t.Errorf("message %q, want %q", msg, c.message)
			}
		})
	}
}

func TestGraphUpdateDeleteAndRestoreUser(t *testing.T) {
	s := startTenant(t, Options{})
	g := appGraph(t, s)
	megan := "megan@" + s.Info().TenantDomain
	if a := g.do(http.MethodPatch, "/users/"+megan, map[string]any{"jobTitle": "Head of Marketing", "accountEnabled": false}); a.Status != http.StatusNoContent {
		t.Fatalf("patch: %d %s", a.Status, a.Body)
	}
	got := g.get("/users/"+megan+"?$select=id,jobTitle,accountEnabled").object(t, http.StatusOK)
	if got["jobTitle"] != "Head of Marketing" || got["accountEnabled"] != false {
		t.Fatalf("after patch: %v", got)
	}
	id := got["id"].(string)
	groupsBefore := names(g.get("/users/"+id+"/memberOf").list(t), "id")
	if len(groupsBefore) == 0 {
		t.Fatal("megan belongs to no group")
	}
	g.do(http.MethodPatch, "/users/"+megan, map[string]any{"userPrincipalName": "admin@" + s.Info().TenantDomain}).
		wantError(t, http.StatusBadRequest, "Request_BadRequest")
	g.do(http.MethodPatch, "/users/"+megan, "[1,2").wantError(t, http.StatusBadRequest, "BadRequest")

	if a := g.do(http.MethodDelete, "/users/"+id, nil); a.Status != http.StatusNoContent {
		t.Fatalf("delete: %d %s", a.Status, a.Body)
	}
	g.get("/users/"+id).wantError(t, http.StatusNotFound, "Request_ResourceNotFound")
	deleted := g.get("/directory/deletedItems/microsoft.graph.user").list(t)
	if !slices.Contains(names(deleted, "id"), id) || deleted[0]["@odata.type"] != "#microsoft.graph.user" || deleted[0]["deletedDateTime"] == nil {
		t.Fatalf("deleted items: %v", deleted)
	}
	for _, grp := range g.get("/groups?$top=999").list(t) {
		members := g.get("/groups/" + grp["id"].(string) + "/members?$select=id&$top=999").list(t)
		if slices.Contains(names(members, "id"), id) {
			t.Errorf("deleted user still a member of %s", grp["displayName"])
		}
	}
	restored := g.do(http.MethodPost, "/directory/deletedItems/"+id+"/restore", nil).object(t, http.StatusOK)
	if restored["id"] != id || restored["@odata.type"] != "#microsoft.graph.user" {
		t.Fatalf("restored: %v", restored)
	}
	g.get("/users/"+id).object(t, http.StatusOK)
	groupsAfter := names(g.get("/users/"+id+"/memberOf").list(t), "id")
	slices.Sort(groupsBefore)
	slices.Sort(groupsAfter)
	if !slices.Equal(groupsBefore, groupsAfter) {
		t.Errorf("group memberships after restore %v, before delete %v", groupsAfter, groupsBefore)
	}
	g.do(http.MethodPost, "/directory/deletedItems/"+id+"/restore", nil).wantError(t, http.StatusNotFound, "Request_ResourceNotFound")
}

func TestGraphUserMemberOf(t *testing.T) {
	s := startTenant(t, Options{})
	g := appGraph(t, s)
	admin := "admin@" + s.Info().TenantDomain
	direct := g.get("/users/" + admin + "/memberOf").list(t)
	transitive := g.get("/users/" + admin + "/transitiveMemberOf").list(t)
	if !slices.Contains(names(direct, "displayName"), "IT Admins") || slices.Contains(names(direct, "displayName"), "VPN Users") {
		t.Errorf("direct groups of the admin: %v", names(direct, "displayName"))
	}
	if !slices.Contains(names(transitive, "displayName"), "VPN Users") {
		t.Errorf("transitive groups of the admin miss VPN Users (through IT Admins): %v", names(transitive, "displayName"))
	}
	for _, grp := range direct {
		if grp["@odata.type"] != "#microsoft.graph.group" {
			t.Errorf("memberOf item without group type: %v", grp)
		}
	}
	cast := g.get("/users/" + url.PathEscape(admin) + "/memberOf/microsoft.graph.group?$select=id,displayName").list(t)
	if len(cast) != len(direct) {
		t.Errorf("cast to group: %d, want %d", len(cast), len(direct))
	}
}

func TestGraphAcceptsGzipBodies(t *testing.T) {
	s := startTenant(t, Options{})
	g := appGraph(t, s)
	raw, _ := json.Marshal(newUserBody("zipped@"+s.Info().TenantDomain, "Str0ng-Passw0rd"))
	var zipped bytes.Buffer
	zw := gzip.NewWriter(&zipped)
	_, _ = zw.Write(raw)
	_ = zw.Close()
	g.do(http.MethodPost, "/users", zipped.String(), "Content-Encoding", "gzip").object(t, http.StatusCreated)
	g.do(http.MethodPost, "/users", "not gzip", "Content-Encoding", "gzip").wantError(t, http.StatusBadRequest, "BadRequest")
}

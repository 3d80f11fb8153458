package demotenant

import (
	"fmt"
	"net/http"
	"net/url"
	"slices"
	"testing"
)

// groupID finds a seeded group by display name.
func groupID(t *testing.T, g *graphClient, name string) string {
	t.Helper()
	list := g.get("/groups?$select=id&$filter=" + url.QueryEscape("displayName eq '"+name+"'")).list(t)
	if len(list) != 1 {
		t.Fatalf("group %q: %v", name, list)
	}
	return list[0]["id"].(string)
}

// userIDs returns the ids of the first n users in list order.
func userIDs(t *testing.T, g *graphClient, n int) []string {
	t.Helper()
	return names(g.get(fmt.Sprintf("/users?$select=id&$top=%d", n)).list(t), "id")
}

func refs(ids []string) []string {
	out := make([]string, len(ids))
	for i, id := range ids {
		out[i] = "https://graph.microsoft.com/v1.0/directoryObjects/" + id
	}
	return out
}

func TestGraphSeededGroupsNest(t *testing.T) {
	s := startTenant(t, Options{})
	g := appGraph(t, s)
	all := g.get("/groups?$top=999").list(t)
	if len(all) != 12 {
		t.Fatalf("%d groups, want 12", len(all))
	}
	vpn := groupID(t, g, "VPN Users")
	direct := g.get("/groups/" + vpn + "/members?$top=999").list(t)
	transitive := g.get("/groups/" + vpn + "/transitiveMembers?$top=999").list(t)
	if len(transitive) <= len(direct) {
		t.Fatalf("transitive %d members, direct %d: nesting should add more", len(transitive), len(direct))
	}
	var types []string
	for _, m := range transitive {
		types = append(types, m["@odata.type"].(string))
	}
	if !slices.Contains(types, "#microsoft.graph.group") || !slices.Contains(types, "#microsoft.graph.user") {
		t.Errorf("transitive members should hold users and the nested groups: %v", slices.Compact(slices.Sorted(slices.Values(types))))
	}
	users := g.get("/groups/" + vpn + "/transitiveMembers/microsoft.graph.user?$top=999").list(t)
	if len(users) >= len(transitive) || len(users) == 0 {
		t.Errorf("user cast: %d of %d", len(users), len(transitive))
	}
	// The SDKs write the cast without the "microsoft." prefix.
	if short := g.get("/groups/" + vpn + "/transitiveMembers/graph.user?$top=999").list(t); len(short) != len(users) {
		t.Errorf("graph.user cast: %d, microsoft.graph.user: %d", len(short), len(users))
	}
	if groups := g.get("/groups/" + vpn + "/members/graph.group").list(t); len(groups) != 2 {
		t.Errorf("VPN Users holds %d groups directly, want 2", len(groups))
	}
	seen := map[string]bool{}
	for _, id := range names(transitive, "id") {
		if seen[id] {
			t.Errorf("%s listed twice", id)
		}
		seen[id] = true
	}
	g.get("/groups/"+vpn+"/members/microsoft.graph.device").wantError(t, http.StatusBadRequest, "BadRequest")
	if n := g.get("/groups/"+vpn+"/transitiveMembers/$count", eventual, "eventual"); string(n.Body) != fmt.Sprint(len(transitive)) {
		t.Errorf("transitive $count %q, listed %d", n.Body, len(transitive))
	}
	if n := g.get("/groups/"+vpn+"/members/$count", eventual, "eventual"); string(n.Body) != fmt.Sprint(len(direct)) {
		t.Errorf("members $count %q, listed %d", n.Body, len(direct))
	}
}

func TestGraphCreateGroupRules(t *testing.T) {
	s := startTenant(t, Options{})
	g := appGraph(t, s)
	security := map[string]any{"displayName": "Contractors", "mailEnabled": false, "mailNickname": "contractors",
		"securityEnabled": true, "members@odata.bind": refs(userIDs(t, g, 3))}
	created := g.do(http.MethodPost, "/groups", security).object(t, http.StatusCreated)
	if created["securityEnabled"] != true || len(created["groupTypes"].([]any)) != 0 {
		t.Fatalf("security group: %v", created)
	}
	if n := len(g.get("/groups/" + created["id"].(string) + "/members").list(t)); n != 3 {
		t.Errorf("%d members bound at creation, want 3", n)
	}
	unified := map[string]any{"displayName": "Book Club", "mailEnabled": true, "mailNickname": "bookclub",
		"securityEnabled": false, "groupTypes": []string{"Unified"}}
	m365 := g.do(http.MethodPost, "/groups", unified).object(t, http.StatusCreated)
	if m365["mail"] != "bookclub@"+s.Info().TenantDomain || m365["visibility"] != "Public" {
		t.Errorf("Microsoft 365 group: %v", m365)
	}
	g.do(http.MethodPost, "/groups", unified).wantError(t, http.StatusBadRequest, "Request_BadRequest")

	mailSecurity := map[string]any{"displayName": "X", "mailEnabled": true, "mailNickname": "x", "securityEnabled": true}
	g.do(http.MethodPost, "/groups", mailSecurity).wantError(t, http.StatusBadRequest, "Request_BadRequest")
	delete(security, "mailNickname")
	g.do(http.MethodPost, "/groups", security).wantError(t, http.StatusBadRequest, "Request_BadRequest")

	tooMany := map[string]any{"displayName": "Big", "mailEnabled": false, "mailNickname": "big",
		"securityEnabled": true, "members@odata.bind": refs(userIDs(t, g, 21))}
	g.do(http.MethodPost, "/groups", tooMany).wantError(t, http.StatusBadRequest, "Request_BadRequest")
	missing := map[string]any{"displayName": "Ghosts", "mailEnabled": false, "mailNickname": "ghosts",
		"securityEnabled": true, "members@odata.bind": refs([]string{"0b0b0b0b-0000-4000-8000-000000000000"})}
	g.do(http.MethodPost, "/groups", missing).wantError(t, http.StatusNotFound, "Request_ResourceNotFound")
}

func TestGraphBulkAddThroughPatch(t *testing.T) {
	s := startTenant(t, Options{})
	g := appGraph(t, s)
	id := groupID(t, g, "Finance")
	before := len(g.get("/groups/" + id + "/members?$top=999").list(t))
	current := names(g.get("/groups/"+id+"/members?$select=id&$top=999").list(t), "id")
	var fresh []string
	for _, uid := range userIDs(t, g, 200) {
		if !slices.Contains(current, uid) && len(fresh) < 21 {
			fresh = append(fresh, uid)
		}
	}
	g.do(http.MethodPatch, "/groups/"+id, map[string]any{"members@odata.bind": refs(fresh)}).
		wantError(t, http.StatusBadRequest, "Request_BadRequest")
	if a := g.do(http.MethodPatch, "/groups/"+id, map[string]any{"members@odata.bind": refs(fresh[:20])}); a.Status != http.StatusNoContent {
		t.Fatalf("bulk add of 20: %d %s", a.Status, a.Body)
	}
	if after := len(g.get("/groups/" + id + "/members?$top=999").list(t)); after != before+20 {
		t.Errorf("%d members after adding 20 to %d", after, before)
	}
	g.do(http.MethodPatch, "/groups/"+id, map[string]any{"members@odata.bind": refs(fresh[:1])}).
		wantError(t, http.StatusBadRequest, "Request_BadRequest")
}

func TestGraphMemberRefs(t *testing.T) {
	s := startTenant(t, Options{})
	g := appGraph(t, s)
	id := groupID(t, g, "Leadership")
	members := names(g.get("/groups/"+id+"/members?$select=id").list(t), "id")
	msg := g.do(http.MethodPost, "/groups/"+id+"/members/$ref", map[string]any{"@odata.id": refs(members[:1])[0]}).
		wantError(t, http.StatusBadRequest, "Request_BadRequest")
	if msg != "One or more added object references already exist for the following modified properties: 'members'." {
		t.Errorf("already a member: %s", msg)
	}
	if a := g.do(http.MethodDelete, "/groups/"+id+"/members/"+members[0]+"/$ref", nil); a.Status != http.StatusNoContent {
		t.Fatalf("remove: %d %s", a.Status, a.Body)
	}
	g.do(http.MethodDelete, "/groups/"+id+"/members/"+members[0]+"/$ref", nil).
		wantError(t, http.StatusNotFound, "Request_ResourceNotFound")
	if a := g.do(http.MethodPost, "/groups/"+id+"/members/$ref", map[string]any{"@odata.id": refs(members[:1])[0]}); a.Status != http.StatusNoContent {
		t.Fatalf("add back: %d %s", a.Status, a.Body)
	}
	byQuery := "/groups/" + id + "/members/$ref?" + url.Values{"@id": refs(members[:1])}.Encode()
	if a := g.do(http.MethodDelete, byQuery, nil); a.Status != http.StatusNoContent {
		t.Fatalf("remove by @id: %d %s", a.Status, a.Body)
	}
	g.do(http.MethodDelete, byQuery, nil).wantError(t, http.StatusNotFound, "Request_ResourceNotFound")
	g.do(http.MethodPost, "/groups/"+id+"/members/$ref", map[string]any{"@odata.id": "https://graph.microsoft.com/v1.0/directoryObjects/0b0b0b0b-0000-4000-8000-000000000000"}).
		wantError(t, http.StatusNotFound, "Request_ResourceNotFound")
	g.do(http.MethodPost, "/groups/0b0b0b0b-0000-4000-8000-000000000000/members/$ref", map[string]any{"@odata.id": refs(members[:1])[0]}).
		wantError(t, http.StatusNotFound, "Request_ResourceNotFound")
}

func TestGraphDeleteGroups(t *testing.T) {
	s := startTenant(t, Options{})
	g := appGraph(t, s)
	security, unified := groupID(t, g, "Finance"), groupID(t, g, "Marketing")
	for _, id := range []string{security, unified} {
		if a := g.do(http.MethodDelete, "/groups/"+id, nil); a.Status != http.StatusNoContent {
			t.Fatalf("delete %s: %d %s", id, a.Status, a.Body)
		}
		g.get("/groups/"+id).wantError(t, http.StatusNotFound, "Request_ResourceNotFound")
	}
	deleted := names(g.get("/directory/deletedItems/graph.group").list(t), "id")
	if !slices.Contains(deleted, unified) || slices.Contains(deleted, security) {
		t.Fatalf("deleted groups %v: only the Microsoft 365 group can be restored", deleted)
	}
	g.do(http.MethodPost, "/directory/deletedItems/"+unified+"/restore", nil).object(t, http.StatusOK)
	g.get("/groups/"+unified).object(t, http.StatusOK)
}

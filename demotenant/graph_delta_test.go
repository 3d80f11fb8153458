package demotenant

import (
	"net/http"
	"strings"
	"testing"
	"time"
)

// deltaRound follows a delta round from path (below /v1.0) through its
// nextLinks and returns its objects, the deltaLink's path and the number
// of pages.
func deltaRound(t *testing.T, g *graphClient, path string, headers ...string) (items []map[string]any, deltaPath string, pages int) {
	t.Helper()
	for path != "" {
		a := g.get(path, headers...)
		body := a.object(t, http.StatusOK)
		for _, v := range body["value"].([]any) {
			items = append(items, v.(map[string]any))
		}
		pages++
		next, _ := body["@odata.nextLink"].(string)
		delta, _ := body["@odata.deltaLink"].(string)
		if (next == "") == (delta == "") {
			t.Fatalf("page %d: want exactly one of nextLink and deltaLink: %s", pages, a.Body)
		}
		path = strings.TrimPrefix(next, g.s.URL()+"/v1.0")
		if delta != "" {
			deltaPath = strings.TrimPrefix(delta, g.s.URL()+"/v1.0")
		}
	}
	return items, deltaPath, pages
}

func byID(items []map[string]any) map[string]map[string]any {
	out := map[string]map[string]any{}
	for _, it := range items {
		out[it["id"].(string)] = it
	}
	return out
}

func TestDeltaBaselinePagesThroughEveryUserOnce(t *testing.T) {
	s := startTenant(t, Options{Scenario: ScenarioReadOnly})
	g := appGraph(t, s)
	items, link, pages := deltaRound(t, g, "/users/delta?$select=displayName,jobTitle", "Prefer", "odata.maxpagesize=60")
	if n := len(g.get("/users?$top=999").list(t)); len(items) != n || len(byID(items)) != n {
		t.Fatalf("baseline sent %d users (%d distinct), the tenant has %d", len(items), len(byID(items)), n)
	}
	if pages != (len(items)+59)/60 {
		t.Errorf("%d pages for %d users at 60 a page", pages, len(items))
	}
	if _, has := items[0]["userPrincipalName"]; has || items[0]["displayName"] == nil {
		t.Errorf("$select not applied: %v", items[0])
	}
	again, _, _ := deltaRound(t, g, link)
	if len(again) != 0 {
		t.Errorf("a delta round with no change sent %d objects", len(again))
	}
}

func TestDeltaReportsChangesMadeThroughGraph(t *testing.T) {
	s := startTenant(t, Options{})
	g := appGraph(t, s)
	_, users, _ := deltaRound(t, g, "/users/delta?$select=displayName,jobTitle,department")
	_, groups, _ := deltaRound(t, g, "/groups/delta?$select=displayName,description,members")

	created := g.do("POST", "/users", newUserBody("delta.new@"+s.Info().TenantDomain, "Str0ng-Passw0rd")).object(t, 201)["id"].(string)
	all := g.get("/users?$top=3").list(t)
	updated, deleted, member := all[0]["id"].(string), all[1]["id"].(string), all[2]["id"].(string)
	g.do("PATCH", "/users/"+updated, map[string]any{"jobTitle": "Chief Delta Officer"})
	g.do("PATCH", "/users/"+updated, map[string]any{"mobilePhone": "+1 555 0100"}) // not selected
	g.do("DELETE", "/users/"+deleted, nil)
	newGroup := g.do("POST", "/groups", map[string]any{"displayName": "Delta Team", "mailEnabled": false,
		"mailNickname": "deltateam", "securityEnabled": true}).object(t, 201)["id"].(string)
	g.do("POST", "/groups/"+newGroup+"/members/$ref", map[string]any{"@odata.id": "https://graph.microsoft.com/v1.0/directoryObjects/" + member})
	existing := g.get("/groups?$top=1").list(t)[0]["id"].(string)
	g.do("POST", "/groups/"+existing+"/members/$ref", map[string]any{"@odata.id": "https://graph.microsoft.com/v1.0/directoryObjects/" + created})

	changes, _, _ := deltaRound(t, g, users, "Prefer", "return=minimal")
	got := byID(changes)
	if len(changes) != 3 {
		t.Fatalf("user changes %v, want the created, updated and deleted users", changes)
	}
	if got[created]["displayName"] != "Jordan Rivera" {
		t.Errorf("created user sent as %v", got[created])
	}
	if u := got[updated]; len(u) != 2 || u["jobTitle"] != "Chief Delta Officer" {
		t.Errorf("updated user %v, want its id and new jobTitle only", u)
	}
	if r, _ := got[deleted]["@removed"].(map[string]any); r["reason"] != "changed" {
		t.Errorf("deleted user %v, want @removed reason changed", got[deleted])
	}

	changes, _, _ = deltaRound(t, g, groups, "Prefer", "return=minimal")
	got = byID(changes)
	if ref := got[newGroup]["members@delta"].([]any); len(ref) != 1 || ref[0].(map[string]any)["id"] != member {
		t.Errorf("new group %v, want its one member", got[newGroup])
	}
	refs := got[existing]["members@delta"].([]any)
	if len(refs) != 1 || refs[0].(map[string]any)["id"] != created || refs[0].(map[string]any)["@removed"] != nil {
		t.Errorf("group with an added member %v", got[existing])
	}
}

func TestDeltaMemberRemovedAndGroupDeleted(t *testing.T) {
	s := startTenant(t, Options{})
	g := appGraph(t, s)
	_, link, _ := deltaRound(t, g, "/groups/delta?$select=displayName,members")
	groups := g.get("/groups?$top=2").list(t)
	shrunk, gone := groups[0]["id"].(string), groups[1]["id"].(string)
	member := g.get("/groups/" + shrunk + "/members").list(t)[0]["id"].(string)
	g.do("DELETE", "/groups/"+shrunk+"/members/"+member+"/$ref", nil)
	g.do("DELETE", "/groups/"+gone, nil)
	changes, _, _ := deltaRound(t, g, link)
	got := byID(changes)
	refs := got[shrunk]["members@delta"].([]any)
	if r, _ := refs[0].(map[string]any)["@removed"].(map[string]any); len(refs) != 1 || r["reason"] != "deleted" {
		t.Errorf("group that lost a member %v", got[shrunk])
	}
	if got[gone]["@removed"] == nil {
		t.Errorf("deleted group %v, want @removed", got[gone])
	}
}

func TestDeltaUnknownOrExpiredTokenIsSyncStateNotFound(t *testing.T) {
	clock := newClock()
	s := startTenant(t, Options{Now: clock.Now})
	g := appGraph(t, s)
	_, link, _ := deltaRound(t, g, "/users/delta?$select=displayName")
	g.get("/users/delta?$deltatoken=not-a-token").wantError(t, http.StatusGone, "syncStateNotFound")
	g.get(strings.Replace(link, "/users/", "/groups/", 1)).wantError(t, http.StatusGone, "syncStateNotFound")

	other := startTenant(t, Options{Now: clock.Now})
	appGraph(t, other).get(link).wantError(t, http.StatusGone, "syncStateNotFound")

	clock.Advance(deltaTokenLifetime - time.Minute)
	g = appGraph(t, s)
	g.get(link).object(t, http.StatusOK)
	clock.Advance(2 * time.Minute)
	g.get(link).wantError(t, http.StatusGone, "syncStateNotFound")
}

func TestDeltaNeedsReadPermissionAndSupportedOptions(t *testing.T) {
	s := startTenant(t, Options{Scenario: ScenarioNoConsent})
	g := appGraph(t, s)
	g.get("/users/delta").wantError(t, http.StatusForbidden, "Authorization_RequestDenied")
	g.get("/groups/delta").wantError(t, http.StatusForbidden, "Authorization_RequestDenied")

	full := appGraph(t, startTenant(t, Options{}))
	full.get("/users/delta?$top=5").wantError(t, http.StatusBadRequest, "Request_UnsupportedQuery")
	full.get("/users/delta?$select=nonsense").wantError(t, http.StatusBadRequest, "BadRequest")
	latest := full.get("/users/delta?$deltatoken=latest").object(t, http.StatusOK)
	if len(latest["value"].([]any)) != 0 || latest["@odata.deltaLink"] == nil {
		t.Errorf("$deltatoken=latest answered %v, want no objects and a deltaLink", latest)
	}
}

func TestOtherAdminChangesShowInDelta(t *testing.T) {
	s := startTenant(t, Options{})
	g := appGraph(t, s)
	_, users, _ := deltaRound(t, g, "/users/delta?$select=displayName,jobTitle")
	_, groups, _ := deltaRound(t, g, "/groups/delta?$select=description,members")
	steps := func(n int) {
		for range n {
			s.otherAdminStep()
		}
	}
	steps(2) // creates and updates an account
	changes, next, _ := deltaRound(t, g, users)
	if len(changes) != 1 || changes[0]["displayName"] != "Temporary Worker 1" {
		t.Fatalf("after the other admin created an account: %v", changes)
	}
	users = next
	steps(3) // adds it to a group, edits the group, removes it again
	changes, _, _ = deltaRound(t, g, groups, "Prefer", "return=minimal")
	if len(changes) != 1 || changes[0]["description"] == nil {
		t.Fatalf("group changes %v, want one group with a new description", changes)
	}
	if _, has := changes[0]["members@delta"]; has {
		t.Errorf("a member added and removed in one round still shows: %v", changes[0])
	}
	steps(1) // deletes the account
	changes, _, _ = deltaRound(t, g, users)
	if len(changes) != 1 || changes[0]["@removed"] == nil {
		t.Fatalf("after the other admin deleted the account: %v", changes)
	}
}

func TestOtherAdminWorksInTheBackground(t *testing.T) {
	s := startTenant(t, Options{OtherAdminEvery: time.Millisecond})
	g := appGraph(t, s)
	_, link, _ := deltaRound(t, g, "/users/delta?$deltatoken=latest")
	for range 2000 {
		if changes, _, _ := deltaRound(t, g, link); len(changes) > 0 {
			return
		}
		time.Sleep(5 * time.Millisecond)
	}
	t.Fatal("no change from the background administrator after 2000 rounds")
}

// Graph holds at most 200 users to a delta page, however many the client
// prefers, and as many when it states no preference: the 250 users of the
// demo tenant take two pages either way.
func TestDeltaPagesHoldAtMost200Objects(t *testing.T) {
	s := startTenant(t, Options{Scenario: ScenarioReadOnly})
	g := appGraph(t, s)
	for _, prefer := range [][]string{nil, {"Prefer", "odata.maxpagesize=999"}} {
		first := g.get("/users/delta?$select=displayName", prefer...)
		body := first.object(t, http.StatusOK)
		if n := len(body["value"].([]any)); n != 200 || body["@odata.nextLink"] == nil {
			t.Errorf("Prefer %v: first page holds %d users (next link %v), want 200 and a next page", prefer, n, body["@odata.nextLink"] != nil)
		}
		if prefer != nil && first.Header.Get("Preference-Applied") != "odata.maxpagesize=200" {
			t.Errorf("Preference-Applied %q, want odata.maxpagesize=200", first.Header.Get("Preference-Applied"))
		}
		items, _, pages := deltaRound(t, g, "/users/delta?$select=displayName", prefer...)
		if len(byID(items)) != 250 || pages != 2 {
			t.Errorf("Prefer %v: %d users in %d pages, want 250 in 2", prefer, len(byID(items)), pages)
		}
	}
}

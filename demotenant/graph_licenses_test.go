package demotenant

import (
	"fmt"
	"net/http"
	"net/url"
	"testing"
)

func assignBody(add ...string) map[string]any {
	adds := []map[string]any{}
	for _, sku := range add {
		adds = append(adds, map[string]any{"skuId": sku, "disabledPlans": []string{}})
	}
	return map[string]any{"addLicenses": adds, "removeLicenses": []string{}}
}

// freeUnits reads a SKU's units left from /subscribedSkus.
func freeUnits(t *testing.T, g *graphClient, skuID string) int {
	t.Helper()
	for _, k := range g.get("/subscribedSkus").list(t) {
		if k["skuId"] == skuID {
			prepaid := k["prepaidUnits"].(map[string]any)
			return int(prepaid["enabled"].(float64)) - int(k["consumedUnits"].(float64))
		}
	}
	t.Fatalf("no SKU %s", skuID)
	return 0
}

// usersWhere lists the ids of users matching a $filter, as an advanced
// query.
func usersWhere(t *testing.T, g *graphClient, filter string) []string {
	t.Helper()
	a := g.get("/users?$count=true&$top=999&$select=id&$filter="+url.QueryEscape(filter), eventual, "eventual")
	return names(a.list(t), "id")
}

func TestGraphSubscribedSKUs(t *testing.T) {
	s := startTenant(t, Options{})
	g := appGraph(t, s)
	skus := g.get("/subscribedSkus").list(t)
	if len(skus) != 2 || skus[0]["skuPartNumber"] != "ENTERPRISEPACK" {
		t.Fatalf("SKUs: %v", skus)
	}
	if free := freeUnits(t, g, skuE3); free != 1 {
		t.Errorf("ENTERPRISEPACK has %d free units, want 1 (almost used up)", free)
	}
	plans := skus[0]["servicePlans"].([]any)
	if len(plans) == 0 || plans[0].(map[string]any)["servicePlanName"] == "" {
		t.Errorf("service plans: %v", plans)
	}
}

func TestGraphAssignLicense(t *testing.T) {
	s := startTenant(t, Options{})
	g := appGraph(t, s)
	var noLocation []string
	for _, u := range g.get("/users?$top=999&$select=id,usageLocation,userType").list(t) {
		if u["usageLocation"] == nil && u["userType"] == "Member" {
			noLocation = append(noLocation, u["id"].(string))
		}
	}
	if len(noLocation) == 0 {
		t.Fatal("the seed should have members without a usage location")
	}
	msg := g.do(http.MethodPost, "/users/"+noLocation[0]+"/assignLicense", assignBody(skuE3)).
		wantError(t, http.StatusBadRequest, "Request_BadRequest")
	if msg != "License assignment cannot be done for user with invalid usage location." {
		t.Errorf("usage location message: %s", msg)
	}

	located := usersWhere(t, g, "usageLocation eq 'DE' and accountEnabled eq true")
	var unlicensed []string
	for _, id := range located {
		if len(g.get("/users/"+id+"/licenseDetails").list(t)) == 0 {
			unlicensed = append(unlicensed, id)
		}
	}
	if len(unlicensed) < 2 {
		t.Fatalf("need two unlicensed users in DE, have %d", len(unlicensed))
	}
	assigned := g.do(http.MethodPost, "/users/"+unlicensed[0]+"/assignLicense", assignBody(skuE3)).object(t, http.StatusOK)
	if assigned["id"] != unlicensed[0] {
		t.Errorf("assignLicense answers with the user: %v", assigned)
	}
	details := g.get("/users/" + unlicensed[0] + "/licenseDetails").list(t)
	if len(details) != 1 || details[0]["skuPartNumber"] != "ENTERPRISEPACK" {
		t.Fatalf("license details: %v", details)
	}
	if free := freeUnits(t, g, skuE3); free != 0 {
		t.Fatalf("%d units free after taking the last", free)
	}
	msg = g.do(http.MethodPost, "/users/"+unlicensed[1]+"/assignLicense", assignBody(skuE3)).
		wantError(t, http.StatusBadRequest, "Request_BadRequest")
	if want := fmt.Sprintf("Subscription with SKU %s does not have any available licenses.", skuE3); msg != want {
		t.Errorf("no free units: %q, want %q", msg, want)
	}
	remove := map[string]any{"addLicenses": []any{}, "removeLicenses": []string{skuE3}}
	g.do(http.MethodPost, "/users/"+unlicensed[0]+"/assignLicense", remove).object(t, http.StatusOK)
	if free := freeUnits(t, g, skuE3); free != 1 {
		t.Errorf("%d units free after removing one", free)
	}
	g.do(http.MethodPost, "/users/"+unlicensed[0]+"/assignLicense", remove).wantError(t, http.StatusBadRequest, "Request_BadRequest")
	g.do(http.MethodPost, "/users/"+unlicensed[0]+"/assignLicense", assignBody("0b0b0b0b-0000-4000-8000-000000000000")).
		wantError(t, http.StatusBadRequest, "Request_BadRequest")
	g.do(http.MethodPost, "/users/"+unlicensed[0]+"/assignLicense", map[string]any{"addLicenses": []any{}}).
		wantError(t, http.StatusBadRequest, "Request_BadRequest")
}

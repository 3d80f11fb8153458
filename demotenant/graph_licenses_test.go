package demotenant

import (
	"fmt"
	"net/http"
	"net/url"
	"slices"
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
	if len(skus) != 3 || skus[0]["skuPartNumber"] != "ENTERPRISEPACK" {
		t.Fatalf("SKUs: %v", skus)
	}
	if free := freeUnits(t, g, skuE3); free != 1 {
		t.Errorf("ENTERPRISEPACK has %d free units, want 1 (almost used up)", free)
	}
}

// planNames lists a servicePlans array as "id name" lines.
func planNames(t *testing.T, v any) []string {
	t.Helper()
	var out []string
	for _, p := range asObjects(v) {
		if p["provisioningStatus"] != "Success" || p["appliesTo"] != "User" {
			t.Errorf("plan %v", p)
		}
		out = append(out, fmt.Sprint(p["servicePlanId"], " ", p["servicePlanName"]))
	}
	return out
}

// A product lists every service plan Microsoft's licensing table gives it,
// with Microsoft's IDs: Office 365 E3 has 36, EMS E3 seven; a user's
// licenseDetails carry the same plans.
func TestGraphSKUsListEveryServicePlan(t *testing.T) {
	s := startTenant(t, Options{})
	g := appGraph(t, s)
	want := map[string]struct {
		n    int
		some []string
	}{
		"ENTERPRISEPACK": {36, []string{
			"efb87545-963c-4e0d-99df-69c6916d9eb0 EXCHANGE_S_ENTERPRISE", "43de0ff5-c92c-492b-9116-175376d08c38 OFFICESUBSCRIPTION",
			"7547a3fe-08ee-4ccb-b430-5077c5041653 YAMMER_ENTERPRISE", "041fe683-03e4-45b6-b1af-c0cdc516daee POWER_VIRTUAL_AGENTS_O365_P2"}},
		"EMS": {7, []string{
			"41781fb2-bc02-4b7c-bd55-b576c07bb09d AAD_PREMIUM", "6c57d4b6-3b23-47a5-9bc9-69f17b4947b3 RMS_S_PREMIUM",
			"932ad362-64a8-4783-9106-97849a1a30b9 ADALLOM_S_DISCOVERY", "113feb6c-3fe4-4440-bddc-54d774bf0318 EXCHANGE_S_FOUNDATION",
			"bea4c11e-220a-4e6d-8eb8-8ea15d019f90 RMS_S_ENTERPRISE", "8a256a2b-b617-496d-b51b-e76466e88db0 MFA_PREMIUM",
			"c1ec4a95-1f05-45b3-a911-aa3fa01094f5 INTUNE_A"}},
		"POWER_BI_PRO": {2, []string{"70d33638-9c74-4d01-bfd3-562de28bd4ba BI_AZURE_P2"}},
	}
	bySKU := map[string][]string{}
	for _, k := range g.get("/subscribedSkus").list(t) {
		part := k["skuPartNumber"].(string)
		plans := planNames(t, k["servicePlans"])
		bySKU[k["skuId"].(string)] = plans
		w := want[part]
		if len(plans) != w.n || len(slices.Compact(slices.Sorted(slices.Values(plans)))) != w.n {
			t.Errorf("%s: %d service plans, want %d distinct", part, len(plans), w.n)
		}
		for _, p := range w.some {
			if !slices.Contains(plans, p) {
				t.Errorf("%s lacks %s", part, p)
			}
		}
	}
	details := 0
	for _, u := range g.get("/users?$top=999&$select=id,assignedLicenses").list(t) {
		if len(u["assignedLicenses"].([]any)) == 0 {
			continue
		}
		for _, d := range g.get("/users/" + u["id"].(string) + "/licenseDetails").list(t) {
			details++
			if got, want := planNames(t, d["servicePlans"]), bySKU[d["skuId"].(string)]; !slices.Equal(got, want) {
				t.Errorf("licenseDetails of %s: %d plans, subscribedSkus %d", d["skuPartNumber"], len(got), len(want))
			}
		}
		if details >= 2 {
			break
		}
	}
	if details == 0 {
		t.Fatal("nobody holds a license")
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

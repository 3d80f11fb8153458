package graph_test

import (
	"context"
	"errors"
	"net/http"
	"slices"
	"strings"
	"testing"

	"github.com/entra-wizard/entra-wizard/demotenant"
	"github.com/entra-wizard/entra-wizard/graph"
	"github.com/entra-wizard/entra-wizard/oauth"
)

func (t *tenant) check(clientID, secret string) graph.Report {
	return graph.Check(context.Background(), graph.CheckConfig{
		Config: graph.Config{
			BaseURL:     t.endpoints.GraphBaseURL(),
			TokenSource: t.tokens(clientID, secret),
			HTTPClient:  &http.Client{},
		},
		Links: oauth.PortalLinks(t.endpoints, clientID),
	})
}

func TestCheckFullyGrantedApp(t *testing.T) {
	tn := startTenant(t, demotenant.Options{})
	rep := tn.check(tn.info.ClientID, tn.info.ClientSecret)
	if rep.Err != nil || !rep.OK() {
		t.Fatalf("Check: OK=%v Err=%v", rep.OK(), rep.Err)
	}
	if rep.Organization != "Northwind Traders (demo)" || rep.TenantID != tn.info.TenantID || rep.Delegated {
		t.Errorf("organization %q, tenant %q, delegated %v", rep.Organization, rep.TenantID, rep.Delegated)
	}
	for _, f := range rep.Features {
		if !f.OK || f.Problem != "" || f.Title == "" {
			t.Errorf("feature %+v", f)
		}
	}
	if len(rep.Missing) != 0 || !slices.Contains(rep.Granted, "GroupMember.ReadWrite.All") {
		t.Errorf("granted %v, missing %v", rep.Granted, rep.Missing)
	}
}

func TestCheckReadOnlyAppNamesWhatIsMissing(t *testing.T) {
	tn := startTenant(t, demotenant.Options{Scenario: demotenant.ScenarioReadOnly})
	rep := tn.check(tn.info.ClientID, tn.info.ClientSecret)
	if rep.Err != nil || !rep.OK() {
		t.Fatalf("a read-only app still works: OK=%v Err=%v", rep.OK(), rep.Err)
	}
	want := map[graph.Feature]bool{graph.ReadUsers: true, graph.ReadGroups: true}
	links := oauth.PortalLinks(tn.endpoints, tn.info.ClientID)
	for _, f := range rep.Features {
		if f.OK != want[f.Feature] || rep.Allows(f.Feature) != f.OK {
			t.Errorf("%s: OK=%v, want %v", f.Feature, f.OK, want[f.Feature])
		}
		if f.OK {
			continue
		}
		if !strings.Contains(f.Problem, f.Needs[0]) || !strings.Contains(f.Fix, f.Needs[0]) || !strings.Contains(f.Fix, "admin consent") {
			t.Errorf("%s: problem %q, fix %q do not name %s and consent", f.Feature, f.Problem, f.Fix, f.Needs[0])
		}
		if f.FixURL == "" || f.FixURL != links.APIPermissions {
			t.Errorf("%s: fix URL %q, want the API permissions page", f.Feature, f.FixURL)
		}
	}
	for _, p := range []string{"User.ReadWrite.All", "Group.ReadWrite.All", "GroupMember.ReadWrite.All", "LicenseAssignment.ReadWrite.All"} {
		if !slices.Contains(rep.Missing, p) {
			t.Errorf("missing %v lacks %s", rep.Missing, p)
		}
	}
	if !slices.Equal(rep.Granted, []string{"Group.Read.All", "User.Read.All"}) {
		t.Errorf("granted %v", rep.Granted)
	}
}

func TestCheckAppWithoutConsent(t *testing.T) {
	tn := startTenant(t, demotenant.Options{Scenario: demotenant.ScenarioNoConsent})
	rep := tn.check(tn.info.ClientID, tn.info.ClientSecret)
	if rep.OK() {
		t.Fatal("an app without consent passed")
	}
	e, ok := graph.AsError(rep.Err)
	if !ok || !errors.Is(e, graph.ErrDenied) {
		t.Fatalf("Err = %v; want Graph's denial", rep.Err)
	}
	if !strings.Contains(e.Plain(), "User.Read.All") || !strings.Contains(e.Plain(), "Authorization_RequestDenied") {
		t.Errorf("Plain() = %q", e.Plain())
	}
	for _, f := range rep.Features {
		if f.OK || !strings.Contains(f.Problem, "consent") {
			t.Errorf("%s: OK=%v problem %q", f.Feature, f.OK, f.Problem)
		}
	}
}

func TestCheckTokenErrorsKeepEntraHint(t *testing.T) {
	tn := startTenant(t, demotenant.Options{})
	before := tn.srv.GraphRequests()
	// A GUID pasted instead of the secret's value.
	rep := tn.check(tn.info.ClientID, "0b1d2e3f-4a5b-4c6d-8e9f-0a1b2c3d4e5f")
	if rep.OK() {
		t.Fatal("a wrong secret passed")
	}
	e, ok := oauth.AsError(rep.Err)
	if !ok || e.Code != "AADSTS7000215" || e.Hint == "" {
		t.Fatalf("Err = %v; want Entra's AADSTS7000215 with a hint", rep.Err)
	}
	if n := tn.srv.GraphRequests() - before; n != 0 {
		t.Errorf("%d Graph requests after the token failed", n)
	}
	if strings.Contains(rep.Err.Error(), tn.info.ClientSecret) {
		t.Error("the error text holds the secret")
	}
}

func TestCheckGraphRefusesForeignToken(t *testing.T) {
	tn := startTenant(t, demotenant.Options{})
	other := startTenant(t, demotenant.Options{})
	// A token of the other tenant, sent to this one's Graph.
	rep := graph.Check(context.Background(), graph.CheckConfig{Config: graph.Config{
		BaseURL:     tn.endpoints.GraphBaseURL(),
		TokenSource: other.tokens(other.info.ClientID, other.info.ClientSecret),
	}})
	e, ok := graph.AsError(rep.Err)
	if rep.OK() || !ok || e.Status != http.StatusUnauthorized {
		t.Fatalf("Err = %v; want Graph's 401", rep.Err)
	}
	if !strings.Contains(e.Plain(), "did not accept") {
		t.Errorf("Plain() = %q", e.Plain())
	}
}

func TestCheckMakesOneTokenRequestAndOneRound(t *testing.T) {
	tn := startTenant(t, demotenant.Options{})
	tokens, graphs := tn.srv.TokenRequests(), tn.srv.GraphRequests()
	rep := tn.check(tn.info.ClientID, tn.info.ClientSecret)
	if !rep.OK() {
		t.Fatal(rep.Err)
	}
	if n := tn.srv.TokenRequests() - tokens; n != 1 {
		t.Errorf("%d token requests, want 1", n)
	}
	if n := tn.srv.GraphRequests() - graphs; n != 3 {
		t.Errorf("%d Graph requests, want 3 (organization, users, groups)", n)
	}
}

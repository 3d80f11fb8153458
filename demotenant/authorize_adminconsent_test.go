package demotenant

import (
	"net/http"
	"net/url"
	"slices"
	"strings"
	"testing"
)

func adminConsentURL(s *Server, path, clientID, redirect string, extra url.Values) string {
	v := url.Values{"client_id": {clientID}, "state": {"grant-1"}}
	if redirect != "" {
		v.Set("redirect_uri", redirect)
	}
	for k, vs := range extra {
		v[k] = vs
	}
	return s.URL() + "/" + s.Info().TenantID + path + "?" + v.Encode()
}

func TestAdminConsentGrantsTheAppsPermissions(t *testing.T) {
	s := startTenant(t, Options{Scenario: ScenarioNoConsent})
	info := s.Info()
	admin, megan := info.Users[0], info.Users[1]
	if p := bearerPrincipal(t, s, clientCredentialsToken(t, s, info.ClientID, info.ClientSecret)); len(p.Roles) != 0 {
		t.Fatalf("before consent the token has roles %v", p.Roles)
	}
	target := adminConsentURL(s, "/adminconsent", info.ClientID, "http://localhost:45000", nil)

	// A member may not grant admin consent.
	member := getPage(t, target).submit(t, s, url.Values{"action": {actionSignIn}, "username": {megan.UPN}, "password": {megan.Password}})
	if !strings.Contains(member.Body, "AADSTS90094") {
		t.Fatalf("member: %.1500s", member.Body)
	}
	wantRedirectError(t, member.submit(t, s, url.Values{"action": {actionCancel}}).redirect(t), "access_denied", 90094, "grant-1")

	consent := getPage(t, target).submit(t, s, url.Values{"action": {actionSignIn}, "username": {admin.UPN}, "password": {admin.Password}})
	if !strings.Contains(consent.Body, "for your whole organization") || !strings.Contains(consent.Body, "User.ReadWrite.All") {
		t.Fatalf("admin consent page: %.1500s", consent.Body)
	}
	done := consent.submit(t, s, url.Values{"action": {actionAccept}})
	q := done.redirect(t)
	if q.Get("admin_consent") != "True" || q.Get("tenant") != info.TenantID || q.Get("state") != "grant-1" {
		t.Fatalf("redirect %q", done.Location)
	}
	if !strings.HasPrefix(done.Location, "http://localhost:45000/?") {
		t.Errorf("redirect %q", done.Location)
	}
	p := bearerPrincipal(t, s, clientCredentialsToken(t, s, info.ClientID, info.ClientSecret))
	if !slices.Equal(p.Roles, wizardRoles) {
		t.Errorf("after consent roles = %v, want %v", p.Roles, wizardRoles)
	}
}

func TestAdminConsentCancel(t *testing.T) {
	s := startTenant(t, Options{Scenario: ScenarioNoConsent})
	info := s.Info()
	admin := info.Users[0]
	target := adminConsentURL(s, "/v2.0/adminconsent", info.ClientID, "http://localhost:45000",
		url.Values{"scope": {"https://graph.microsoft.com/.default"}})
	consent := getPage(t, target).submit(t, s, url.Values{"action": {actionSignIn}, "username": {admin.UPN}, "password": {admin.Password}})
	q := consent.submit(t, s, url.Values{"action": {actionCancel}}).redirect(t)
	wantRedirectError(t, q, "access_denied", 65004, "grant-1")
	if q.Get("error_subcode") != "cancel" {
		t.Errorf("error_subcode = %q", q.Get("error_subcode"))
	}
	if p := bearerPrincipal(t, s, clientCredentialsToken(t, s, info.ClientID, info.ClientSecret)); len(p.Roles) != 0 {
		t.Errorf("cancelled consent granted %v", p.Roles)
	}
}

func TestAdminConsentV2WithAutoSignIn(t *testing.T) {
	s := startTenant(t, Options{Scenario: ScenarioNoConsent, AutoSignIn: true})
	info := s.Info()
	scope := "https://graph.microsoft.com/.default"
	q := getPage(t, adminConsentURL(s, "/v2.0/adminconsent", info.ClientID, "http://127.0.0.1:45001",
		url.Values{"scope": {scope}})).redirect(t)
	if q.Get("admin_consent") != "True" || q.Get("scope") != scope || q.Get("tenant") != info.TenantID {
		t.Fatalf("redirect query %v", q)
	}
	missing := getPage(t, adminConsentURL(s, "/v2.0/adminconsent", info.ClientID, "http://127.0.0.1:45001", nil))
	wantRedirectError(t, missing.redirect(t), "invalid_request", 900144, "grant-1")
	bad := getPage(t, adminConsentURL(s, "/adminconsent", info.ClientID, "https://evil.example/", nil))
	if bad.Status != http.StatusBadRequest || !strings.Contains(bad.Body, "AADSTS50011") {
		t.Fatalf("foreign redirect: %d %.300s", bad.Status, bad.Body)
	}
}

func TestConsentCreatesTheMissingServicePrincipal(t *testing.T) {
	s := startTenant(t, Options{AutoSignIn: true})
	info := s.Info()
	orphan := appNamed(t, s, appOrphan)
	resp, raw := postToken(t, s, info.TenantID, url.Values{"grant_type": {"client_credentials"},
		"client_id": {orphan.ClientID}, "client_secret": {orphan.Secret}, "scope": {"https://graph.microsoft.com/.default"}})
	wantEntraError(t, resp, raw, 401, "invalid_client", 7000229)

	q := getPage(t, adminConsentURL(s, "/adminconsent", orphan.ClientID, "http://localhost:45000", nil)).redirect(t)
	if q.Get("admin_consent") != "True" {
		t.Fatalf("consent answered %v", q)
	}
	p := bearerPrincipal(t, s, clientCredentialsToken(t, s, orphan.ClientID, orphan.Secret))
	if !slices.Equal(p.Roles, []string{"User.Read.All"}) {
		t.Errorf("roles = %v", p.Roles)
	}
}

// redirect_uri is required: an app that registers none gets Entra's
// AADSTS500113 error page, not a grant.
func TestAdminConsentNeedsAReplyAddress(t *testing.T) {
	s := startTenant(t, Options{AutoSignIn: true})
	g := cliGraph(t, s, "")
	app := g.do("POST", "/applications", map[string]any{"displayName": "No reply address",
		"requiredResourceAccess": []any{map[string]any{"resourceAppId": graphAppID, "resourceAccess": []any{
			map[string]any{"id": "df021288-bdef-4463-88db-98f22de89214", "type": "Role"}}}},
	}).object(t, http.StatusCreated)
	for _, path := range []string{"/adminconsent", "/v2.0/adminconsent"} {
		got := getPage(t, adminConsentURL(s, path, app["appId"].(string), "", url.Values{"scope": {"https://graph.microsoft.com/.default"}}))
		if got.Status != http.StatusBadRequest || !strings.Contains(got.Body, "AADSTS500113") {
			t.Errorf("%s without a redirect URI: %d %.300s", path, got.Status, got.Body)
		}
	}
	if a := s.AppsNamed("No reply address"); len(a) != 1 || len(a[0].Roles) != 0 {
		t.Errorf("granted anyway: %+v", a)
	}
}

// Admin consent with .default grants what an app made through Graph
// registers, delegated permissions among them.
func TestAdminConsentGrantsWhatTheRegistrationAsksFor(t *testing.T) {
	s := startTenant(t, Options{AutoSignIn: true})
	g := cliGraph(t, s, "")
	app := g.do("POST", "/applications", map[string]any{"displayName": "Registered", "web": map[string]any{"redirectUris": []string{"http://localhost"}},
		"requiredResourceAccess": []any{map[string]any{"resourceAppId": graphAppID, "resourceAccess": []any{
			map[string]any{"id": "df021288-bdef-4463-88db-98f22de89214", "type": "Role"},
			map[string]any{"id": "5f8c59db-677d-491f-a6b8-5f174b11ec1d", "type": "Scope"}}}},
	}).object(t, http.StatusCreated)
	q := getPage(t, adminConsentURL(s, "/v2.0/adminconsent", app["appId"].(string), "http://localhost",
		url.Values{"scope": {"https://graph.microsoft.com/.default"}})).redirect(t)
	a := s.AppsNamed("Registered")
	if q.Get("admin_consent") != "True" || len(a) != 1 || !slices.Equal(a[0].Roles, []string{"User.Read.All"}) ||
		!slices.Equal(a[0].Scopes, []string{"Group.Read.All"}) {
		t.Errorf("consent answered %v; granted %+v", q, a)
	}
}

package demotenant

import (
	"context"
	"net/http"
	"net/url"
	"slices"
	"testing"
	"time"

	"golang.org/x/oauth2"
)

// setupScopes are what the setup sign-in asks the first-party client for.
var setupScopes = []string{"Application.ReadWrite.All", "AppRoleAssignment.ReadWrite.All",
	"DelegatedPermissionGrant.ReadWrite.All", "openid", "profile", "offline_access"}

// cliGraph signs upn in with Microsoft Graph Command Line Tools.
func cliGraph(t *testing.T, s *Server, upn string) *graphClient {
	t.Helper()
	cfg := oauthConfig(s, s.Info().TenantID, graphCLIAppID, "", "http://localhost:41000", setupScopes...)
	verifier := oauth2.GenerateVerifier()
	code := autoCode(t, cfg, oauth2.S256ChallengeOption(verifier), oauth2.SetAuthURLParam("login_hint", upn))
	tok, err := cfg.Exchange(context.Background(), code, oauth2.VerifierOption(verifier))
	if err != nil {
		t.Fatalf("sign in %s: %v", upn, err)
	}
	return &graphClient{t: t, s: s, token: tok.AccessToken}
}

func TestSetupRegistersGrantsAndReplicates(t *testing.T) {
	clock := newClock()
	s := startTenant(t, Options{AutoSignIn: true, Now: clock.Now, ReplicationDelay: time.Minute})
	g := cliGraph(t, s, "")
	app := g.do("POST", "/applications", map[string]any{
		"displayName": "Setup test", "signInAudience": "AzureADMyOrg",
		"requiredResourceAccess": []any{map[string]any{"resourceAppId": graphAppID, "resourceAccess": []any{
			map[string]any{"id": "df021288-bdef-4463-88db-98f22de89214", "type": "Role"}}}},
	}).object(t, http.StatusCreated)
	appID, objID := app["appId"].(string), app["id"].(string)
	sp := g.do("POST", "/servicePrincipals", map[string]any{"appId": appID}).object(t, http.StatusCreated)
	pw := g.do("POST", "/applications/"+objID+"/addPassword", map[string]any{
		"passwordCredential": map[string]any{"displayName": "test", "endDateTime": clock.Now().Add(24 * time.Hour).Format(time.RFC3339)},
	}).object(t, http.StatusOK)
	graphSP := g.get("/servicePrincipals(appId='"+graphAppID+"')").object(t, http.StatusOK)
	g.do("POST", "/servicePrincipals/"+graphSP["id"].(string)+"/appRoleAssignedTo", map[string]any{
		"principalId": sp["id"], "resourceId": graphSP["id"], "appRoleId": "df021288-bdef-4463-88db-98f22de89214",
	}).object(t, http.StatusCreated)

	form := url.Values{"grant_type": {"client_credentials"}, "client_id": {appID},
		"client_secret": {pw["secretText"].(string)}, "scope": {"https://graph.microsoft.com/.default"}}
	resp, raw := postToken(t, s, s.Info().TenantID, form)
	wantEntraError(t, resp, raw, http.StatusBadRequest, "unauthorized_client", 700016)
	clock.Advance(40 * time.Second)
	resp, raw = postToken(t, s, s.Info().TenantID, form)
	wantEntraError(t, resp, raw, http.StatusUnauthorized, "invalid_client", 7000215)
	clock.Advance(30 * time.Second)
	token := clientCredentialsToken(t, s, appID, pw["secretText"].(string))
	if c := mustClaims(t, s, token); !slices.Equal(c.Roles, []string{"User.Read.All"}) {
		t.Errorf("roles %v, want [User.Read.All]", c.Roles)
	}
	got := s.AppsNamed("Setup test")
	if len(got) != 1 || !slices.Equal(got[0].Required, []string{"Role:User.Read.All"}) || len(got[0].Secrets) != 1 {
		t.Fatalf("registered %+v", got)
	}
	g.do("POST", "/applications/"+objID+"/removePassword", map[string]any{"keyId": pw["keyId"]}).wantStatus(t, http.StatusNoContent)
	g.do("DELETE", "/applications/"+objID, nil).wantStatus(t, http.StatusNoContent)
	if got := s.AppsNamed("Setup test"); len(got) != 0 {
		t.Errorf("after delete: %+v", got)
	}
}

func TestSetupDelegatedGrantReachesTheNewAppsTokens(t *testing.T) {
	s := startTenant(t, Options{AutoSignIn: true})
	g := cliGraph(t, s, "")
	app := g.do("POST", "/applications", map[string]any{
		"displayName": "Browser test", "publicClient": map[string]any{"redirectUris": []string{"http://localhost"}},
	}).object(t, http.StatusCreated)
	sp := g.do("POST", "/servicePrincipals", map[string]any{"appId": app["appId"]}).object(t, http.StatusCreated)
	g.do("POST", "/oauth2PermissionGrants", map[string]any{"clientId": sp["id"], "consentType": "AllPrincipals",
		"resourceId": graphPrincipalID, "scope": "User.Read.All Group.Read.All"}).object(t, http.StatusCreated)
	grants := g.get("/oauth2PermissionGrants?$filter=" + url.QueryEscape("clientId eq '"+sp["id"].(string)+"'")).list(t)
	if len(grants) != 1 || grants[0]["scope"] != "User.Read.All Group.Read.All" {
		t.Fatalf("grants %v", grants)
	}
	cfg := oauthConfig(s, s.Info().TenantID, app["appId"].(string), "", "http://localhost:41000", "User.Read.All", "Group.Read.All")
	tok, err := cfg.Exchange(context.Background(), autoCode(t, cfg))
	if err != nil {
		t.Fatal(err)
	}
	if c := mustClaims(t, s, tok.AccessToken); c.Scp != "User.Read.All Group.Read.All" {
		t.Errorf("scp %q", c.Scp)
	}
}

func TestSetupRefusals(t *testing.T) {
	s := startTenant(t, Options{AutoSignIn: true})
	// An Application Administrator registers apps but may not grant
	// Microsoft Graph's application permissions.
	g := cliGraph(t, s, "appadmin@northwind-demo.onmicrosoft.com")
	app := g.do("POST", "/applications", map[string]any{"displayName": "By app admin"}).object(t, http.StatusCreated)
	sp := g.do("POST", "/servicePrincipals", map[string]any{"appId": app["appId"]}).object(t, http.StatusCreated)
	g.do("POST", "/servicePrincipals/"+graphPrincipalID+"/appRoleAssignedTo", map[string]any{
		"principalId": sp["id"], "resourceId": graphPrincipalID, "appRoleId": "df021288-bdef-4463-88db-98f22de89214",
	}).wantError(t, http.StatusForbidden, "Authorization_RequestDenied")

	// A plain user may not consent to the setup scopes: need admin approval.
	cfg := oauthConfig(s, s.Info().TenantID, graphCLIAppID, "", "http://localhost:41000", setupScopes...)
	plain := s.Info().Users[1]
	if plain.Admin || plain.Note != "" {
		t.Fatalf("not a plain user: %+v", plain)
	}
	q := getPage(t, cfg.AuthCodeURL("st", oauth2.SetAuthURLParam("login_hint", plain.UPN))).redirect(t)
	wantRedirectError(t, q, "access_denied", 90094, "st")

	restricted := startTenant(t, Options{AutoSignIn: true, RestrictCommandLineTools: true})
	cfg = oauthConfig(restricted, restricted.Info().TenantID, graphCLIAppID, "", "http://localhost:41000", setupScopes...)
	q = getPage(t, cfg.AuthCodeURL("st")).redirect(t)
	wantRedirectError(t, q, "invalid_grant", 50105, "st")
}

// mustClaims reads an access token the tenant signed.
func mustClaims(t *testing.T, s *Server, token string) accessClaims {
	t.Helper()
	var c accessClaims
	if err := verifyJWS(token, &s.key.PublicKey, s.kid, &c); err != nil {
		t.Fatal(err)
	}
	return c
}

func (a graphAnswer) wantStatus(t *testing.T, status int) {
	t.Helper()
	if a.Status != status {
		t.Fatalf("status %d, want %d: %s", a.Status, status, a.Body)
	}
}

// openid, profile and offline_access are Microsoft Graph delegated
// permissions: where users may not consent, a tenant-wide grant must hold
// them too, or every sign-in needs an administrator's approval.
func TestSignInScopesNeedConsentWhereUsersMayNotConsent(t *testing.T) {
	s := startTenant(t, Options{AutoSignIn: true, NoUserConsent: true})
	g := cliGraph(t, s, "")
	plain := s.Info().Users[1]
	signIn := func(grant string) url.Values {
		t.Helper()
		app := g.do("POST", "/applications", map[string]any{
			"displayName": "Grant " + grant, "publicClient": map[string]any{"redirectUris": []string{"http://localhost"}},
		}).object(t, http.StatusCreated)
		sp := g.do("POST", "/servicePrincipals", map[string]any{"appId": app["appId"]}).object(t, http.StatusCreated)
		g.do("POST", "/oauth2PermissionGrants", map[string]any{"clientId": sp["id"], "consentType": "AllPrincipals",
			"resourceId": graphPrincipalID, "scope": grant}).object(t, http.StatusCreated)
		cfg := oauthConfig(s, s.Info().TenantID, app["appId"].(string), "", "http://localhost:41000", delegatedScopes...)
		return getPage(t, cfg.AuthCodeURL("st", oauth2.SetAuthURLParam("login_hint", plain.UPN))).redirect(t)
	}
	wantRedirectError(t, signIn("User.Read.All Group.Read.All"), "access_denied", 90094, "st")
	if q := signIn("User.Read.All Group.Read.All openid profile offline_access"); q.Get("code") == "" {
		t.Errorf("with the sign-in scopes granted too: %v", q)
	}
}

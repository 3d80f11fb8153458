package demotenant

import (
	"context"
	"html"
	"io"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"golang.org/x/oauth2"
)

// page is one answer of the sign-in pages as a browser gets it.
type page struct {
	Status   int
	Location string
	Body     string
}

func browse(t *testing.T, req *http.Request) page {
	t.Helper()
	resp, err := browser.Do(req)
	if err != nil {
		t.Fatalf("%s %s: %v", req.Method, req.URL, err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	return page{Status: resp.StatusCode, Location: resp.Header.Get("Location"), Body: string(body)}
}

func getPage(t *testing.T, target string) page {
	t.Helper()
	req, _ := http.NewRequest(http.MethodGet, target, nil)
	return browse(t, req)
}

var (
	flowField  = regexp.MustCompile(`name="flow" value="([^"]+)"`)
	formAction = regexp.MustCompile(`<form method="POST" action="([^"]+)"`)
)

// submit posts the page's form as a browser would, with fields added.
func (p page) submit(t *testing.T, s *Server, fields url.Values) page {
	t.Helper()
	flow, action := flowField.FindStringSubmatch(p.Body), formAction.FindStringSubmatch(p.Body)
	if flow == nil || action == nil {
		t.Fatalf("page has no form (status %d): %s", p.Status, p.Body[strings.Index(p.Body, "<main>"):])
	}
	fields.Set("flow", flow[1])
	req, _ := http.NewRequest(http.MethodPost, s.URL()+html.UnescapeString(action[1]), strings.NewReader(fields.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	return browse(t, req)
}

// redirect checks p sends the browser to a loopback redirect URI and
// returns its query.
func (p page) redirect(t *testing.T) url.Values {
	t.Helper()
	if p.Status != http.StatusFound {
		t.Fatalf("status %d, want a redirect: %.600s", p.Status, p.Body)
	}
	u, err := url.Parse(p.Location)
	if err != nil || u.Scheme != "http" || !isLoopbackHost(u.Hostname()) {
		t.Fatalf("redirect to %q", p.Location)
	}
	return u.Query()
}

// wantRedirectError checks an error redirect carries Entra's code and state.
func wantRedirectError(t *testing.T, q url.Values, name string, code int, state string) {
	t.Helper()
	if q.Get("error") != name || !strings.HasPrefix(q.Get("error_description"), "AADSTS"+itoa(code)+": ") ||
		q.Get("state") != state || q.Get("code") != "" {
		t.Fatalf("redirect query %v, want error %s AADSTS%d state %q", q, name, code, state)
	}
}

// oauthConfig is an x/oauth2 configuration of a client against s.
func oauthConfig(s *Server, tenant, clientID, secret, redirect string, scopes ...string) *oauth2.Config {
	return &oauth2.Config{
		ClientID: clientID, ClientSecret: secret, RedirectURL: redirect, Scopes: scopes,
		Endpoint: oauth2.Endpoint{
			AuthURL:  s.URL() + "/" + tenant + "/oauth2/v2.0/authorize",
			TokenURL: s.URL() + "/" + tenant + "/oauth2/v2.0/token",
		},
	}
}

var delegatedScopes = []string{"https://graph.microsoft.com/User.Read.All", "https://graph.microsoft.com/Group.Read.All",
	"openid", "profile", "offline_access"}

func appNamed(t *testing.T, s *Server, name string) AppInfo {
	t.Helper()
	for _, a := range s.Info().Apps {
		if a.Name == name {
			return a
		}
	}
	t.Fatalf("no app %q", name)
	return AppInfo{}
}

func TestSignInPageFlowAsABrowser(t *testing.T) {
	s := startTenant(t, Options{})
	info := s.Info()
	megan := info.Users[1]
	cfg := oauthConfig(s, info.TenantDomain, info.PublicClientID, "", "http://localhost:49152", delegatedScopes...)
	verifier := oauth2.GenerateVerifier()
	start := getPage(t, cfg.AuthCodeURL("st-1", oauth2.S256ChallengeOption(verifier), oauth2.SetAuthURLParam("nonce", "n-1")))
	if start.Status != http.StatusOK || !strings.Contains(start.Body, megan.UPN) || !strings.Contains(start.Body, megan.Password) {
		t.Fatalf("sign-in page (status %d) does not list the demo accounts: %.300s", start.Status, start.Body)
	}

	const typo = "Northwind-Usr-2024?"
	wrong := start.submit(t, s, url.Values{"action": {actionSignIn}, "username": {megan.UPN}, "password": {typo}})
	if !strings.Contains(wrong.Body, "AADSTS50126") || !strings.Contains(wrong.Body, `value="`+megan.UPN+`"`) {
		t.Fatalf("wrong password: want AADSTS50126 and the typed account kept: %.2000s", wrong.Body)
	}
	if strings.Contains(wrong.Body, typo) {
		t.Error("the page repeats the password that was typed")
	}
	done := wrong.submit(t, s, url.Values{"action": {actionSignIn}, "username": {" " + megan.UPN + " "}, "password": {megan.Password}})
	q := done.redirect(t)
	if q.Get("state") != "st-1" || q.Get("code") == "" {
		t.Fatalf("redirect query %v", q)
	}
	if !strings.HasPrefix(done.Location, "http://localhost:49152/?") {
		t.Errorf("redirect %q: want the registered URI with the request's port and a trailing slash", done.Location)
	}

	tok, err := cfg.Exchange(context.Background(), q.Get("code"), oauth2.VerifierOption(verifier))
	if err != nil {
		t.Fatalf("exchange: %v", err)
	}
	p := bearerPrincipal(t, s, tok.AccessToken)
	if !p.Delegated() || strings.Join(p.Scopes, " ") != "User.Read.All Group.Read.All" || len(p.Roles) != 0 {
		t.Errorf("principal %+v", p)
	}
	if tok.RefreshToken == "" {
		t.Error("no refresh token although offline_access was asked for")
	}
	idToken, _ := tok.Extra("id_token").(string)
	var id idClaims
	if err := verifyJWS(idToken, &signingKeyOf(t, s).PublicKey, s.kid, &id); err != nil {
		t.Fatalf("id_token: %v", err)
	}
	if id.Aud != info.PublicClientID || id.Nonce != "n-1" || !strings.EqualFold(id.PreferredUsername, megan.UPN) ||
		id.Iss != s.URL()+"/"+info.TenantID+"/v2.0" {
		t.Errorf("id token claims %+v", id)
	}
	if scope, _ := tok.Extra("scope").(string); scope != "https://graph.microsoft.com/User.Read.All https://graph.microsoft.com/Group.Read.All openid profile" {
		t.Errorf("scope = %q", scope)
	}
}

func TestConsentPageCancelAndAccept(t *testing.T) {
	s := startTenant(t, Options{})
	info := s.Info()
	admin, megan := info.Users[0], info.Users[1]
	cfg := oauthConfig(s, info.TenantID, info.ClientID, "", "http://127.0.0.1:50000", delegatedScopes...)
	signIn := func(u SignInUser, state string) page {
		start := getPage(t, cfg.AuthCodeURL(state))
		return start.submit(t, s, url.Values{"action": {actionSignIn}, "username": {u.UPN}, "password": {u.Password}})
	}

	consent := signIn(admin, "st-cancel")
	if consent.Status != http.StatusOK || !strings.Contains(consent.Body, "Read all users") ||
		!strings.Contains(consent.Body, "Consent on behalf of your organization") {
		t.Fatalf("consent page: %.1500s", consent.Body)
	}
	wantRedirectError(t, consent.submit(t, s, url.Values{"action": {actionCancel}}).redirect(t), "access_denied", 65004, "st-cancel")

	// A member cannot allow admin-only permissions: Entra asks for an admin.
	approval := signIn(megan, "st-member")
	if !strings.Contains(approval.Body, "Need admin approval") || !strings.Contains(approval.Body, "AADSTS90094") {
		t.Fatalf("member got: %.1500s", approval.Body)
	}
	wantRedirectError(t, approval.submit(t, s, url.Values{"action": {actionCancel}}).redirect(t), "access_denied", 90094, "st-member")

	q := signIn(admin, "st-accept").submit(t, s, url.Values{"action": {actionAccept}, "org": {"on"}}).redirect(t)
	if q.Get("code") == "" || q.Get("state") != "st-accept" {
		t.Fatalf("accept: %v", q)
	}
	// Consent for the organization lets the member in without a page.
	if q := signIn(megan, "st-after").redirect(t); q.Get("code") == "" {
		t.Fatalf("member after org consent: %v", q)
	}
}

func TestSignInAccountErrors(t *testing.T) {
	s := startTenant(t, Options{})
	info := s.Info()
	s.mu.Lock()
	var disabled string
	password := s.dir.userPassword
	for _, u := range s.dir.users {
		if !u.AccountEnabled && disabled == "" {
			disabled = u.UserPrincipalName
		}
	}
	s.mu.Unlock()
	cfg := oauthConfig(s, info.TenantID, info.PublicClientID, "", "http://localhost:1", delegatedScopes...)
	cases := []struct {
		name, username string
		code           int
	}{
		{"unknown member", "nobody@" + info.TenantDomain, 50034},
		{"account of another organization", "someone@contoso.example", 50020},
		{"guest account", "ravi.kumar_contoso.example#EXT#@" + info.TenantDomain, 50020},
		{"disabled account", disabled, 50057},
		{"nothing typed", "", 900144},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			start := getPage(t, cfg.AuthCodeURL("x"))
			got := start.submit(t, s, url.Values{"action": {actionSignIn}, "username": {c.username}, "password": {password}})
			if got.Status != http.StatusOK || !strings.Contains(got.Body, "AADSTS"+itoa(c.code)+":") {
				t.Fatalf("want AADSTS%d on the page, got %d: %.1500s", c.code, got.Status, got.Body)
			}
		})
	}

	auto := startTenant(t, Options{AutoSignIn: true})
	cfg = oauthConfig(auto, info.TenantID, info.PublicClientID, "", "http://localhost:1", delegatedScopes...)
	q := getPage(t, cfg.AuthCodeURL("hint", oauth2.SetAuthURLParam("login_hint", "nobody@"+info.TenantDomain))).redirect(t)
	wantRedirectError(t, q, "invalid_grant", 50034, "hint")
}

func TestAuthorizeRedirectURIMatching(t *testing.T) {
	s := startTenant(t, Options{AutoSignIn: true})
	info := s.Info()
	web := appNamed(t, s, appWeb)
	cases := []struct {
		clientID, redirect string
		ok                 bool
	}{
		{info.PublicClientID, "http://localhost:53123", true},
		{info.PublicClientID, "http://localhost:53123/", true},
		{info.PublicClientID, "http://127.0.0.1:4000", true},
		{info.PublicClientID, "http://[::1]:4000/", true},
		{info.PublicClientID, "http://localhost", true},
		{info.PublicClientID, "http://localhost:53123/callback", false},
		{info.PublicClientID, "https://localhost:53123", false},
		{info.PublicClientID, "http://localhost.evil.example:53123", false},
		{info.PublicClientID, "http://192.168.1.10:53123", false},
		{web.ClientID, "http://localhost:8080", true},
	}
	for _, c := range cases {
		t.Run(c.redirect, func(t *testing.T) {
			cfg := oauthConfig(s, info.TenantID, c.clientID, "", c.redirect, "openid", "User.Read")
			got := getPage(t, cfg.AuthCodeURL("st"))
			if !c.ok {
				if got.Status != http.StatusBadRequest || got.Location != "" || !strings.Contains(got.Body, "AADSTS50011") {
					t.Fatalf("mismatch: want an error page with AADSTS50011 and no redirect, got %d %q", got.Status, got.Location)
				}
				return
			}
			if q := got.redirect(t); q.Get("code") == "" {
				t.Fatalf("no code: %v", q)
			}
		})
	}
}

func TestAuthorizeRequestErrors(t *testing.T) {
	s := startTenant(t, Options{AutoSignIn: true})
	info := s.Info()
	noRedirects := cliGraph(t, s, "").do("POST", "/applications", map[string]any{"displayName": "No redirects"}).
		object(t, http.StatusCreated)["appId"].(string)
	base := func(extra url.Values) string {
		v := url.Values{"client_id": {info.PublicClientID}, "redirect_uri": {"http://localhost:5000"},
			"response_type": {"code"}, "scope": {"openid User.Read.All"}, "state": {"s"}}
		for k, vs := range extra {
			v[k] = vs
		}
		for k, vs := range v {
			if len(vs) == 1 && vs[0] == "" {
				delete(v, k)
			}
		}
		return s.URL() + "/" + info.TenantID + "/oauth2/v2.0/authorize?" + v.Encode()
	}
	redirected := []struct {
		name  string
		extra url.Values
		error string
		code  int
	}{
		{"implicit flow", url.Values{"response_type": {"token"}}, "unsupported_response_type", 700051},
		{"hybrid flow", url.Values{"response_type": {"code id_token"}}, "unsupported_response_type", 700054},
		{"no response type", url.Values{"response_type": {""}}, "invalid_request", 900144},
		{"no scope", url.Values{"scope": {""}}, "invalid_scope", 70011},
		{"unknown scope", url.Values{"scope": {"openid Mail.Send.Everything"}}, "invalid_scope", 70011},
		{"other resource", url.Values{"scope": {"https://management.azure.com/user_impersonation"}}, "invalid_scope", 70011},
		{"plain PKCE", url.Values{"code_challenge": {strings.Repeat("a", 43)}, "code_challenge_method": {"plain"}}, "invalid_request", 9002313},
		{"PKCE without method", url.Values{"code_challenge": {strings.Repeat("a", 43)}}, "invalid_request", 9002313},
	}
	for _, c := range redirected {
		t.Run(c.name, func(t *testing.T) {
			wantRedirectError(t, getPage(t, base(c.extra)).redirect(t), c.error, c.code, "s")
		})
	}
	pages := []struct {
		name   string
		target string
		code   int
	}{
		{"unknown client", base(url.Values{"client_id": {"6a1b2c3d-0000-4000-8000-000000000000"}}), 700016},
		{"no client", base(url.Values{"client_id": {""}}), 900144},
		{"single-tenant app on organizations", strings.Replace(base(url.Values{"client_id": {info.ClientID}}), info.TenantID, "organizations", 1), 50194},
		{"unknown tenant", strings.Replace(base(nil), info.TenantID, "contoso.example", 1), 90002},
		{"app without redirect URIs", base(url.Values{"client_id": {noRedirects}, "redirect_uri": {""}}), 500113},
	}
	for _, c := range pages {
		t.Run(c.name, func(t *testing.T) {
			got := getPage(t, c.target)
			if got.Status != http.StatusBadRequest || got.Location != "" || !strings.Contains(got.Body, "AADSTS"+itoa(c.code)+":") {
				t.Fatalf("want an error page with AADSTS%d, got %d %q %.300s", c.code, got.Status, got.Location, got.Body)
			}
		})
	}
	// The multi-tenant public client may use organizations.
	if q := getPage(t, strings.Replace(base(nil), info.TenantID, "organizations", 1)).redirect(t); q.Get("code") == "" {
		t.Fatalf("organizations: %v", q)
	}
}

func TestResponseModesAndSilentSignIn(t *testing.T) {
	s := startTenant(t, Options{AutoSignIn: true})
	info := s.Info()
	cfg := oauthConfig(s, info.TenantID, info.PublicClientID, "", "http://localhost:46000", "openid", "User.Read")

	frag := getPage(t, cfg.AuthCodeURL("st", oauth2.SetAuthURLParam("response_mode", "fragment")))
	u, err := url.Parse(frag.Location)
	if err != nil || frag.Status != http.StatusFound || u.RawQuery != "" {
		t.Fatalf("fragment mode: %d %q", frag.Status, frag.Location)
	}
	if q, _ := url.ParseQuery(u.Fragment); q.Get("code") == "" || q.Get("state") != "st" {
		t.Fatalf("fragment %q", u.Fragment)
	}

	post := getPage(t, cfg.AuthCodeURL("st", oauth2.SetAuthURLParam("response_mode", "form_post")))
	if post.Status != http.StatusOK || !strings.Contains(post.Body, `action="http://localhost:46000"`) ||
		!strings.Contains(post.Body, `name="code"`) || !strings.Contains(post.Body, `name="state" value="st"`) {
		t.Fatalf("form_post page: %d %.600s", post.Status, post.Body)
	}

	manual := startTenant(t, Options{})
	cfg = oauthConfig(manual, info.TenantID, info.PublicClientID, "", "http://localhost:46000", "openid", "User.Read")
	q := getPage(t, cfg.AuthCodeURL("quiet", oauth2.SetAuthURLParam("prompt", "none"))).redirect(t)
	wantRedirectError(t, q, "login_required", 50058, "quiet")
}

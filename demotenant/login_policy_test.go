package demotenant

import (
	"context"
	"errors"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"golang.org/x/oauth2"
)

const (
	blockedMessage = "Access has been blocked by Conditional Access policies. The access policy does not allow token issuance."
	mfaMessage     = "Due to a configuration change made by your administrator, or because you moved to a new location, " +
		"you must use multi-factor authentication to access '00000003-0000-0000-c000-000000000000'."
)

// policyAccount finds the sign-in account whose note mentions what.
func policyAccount(t *testing.T, info Info, what string) SignInUser {
	t.Helper()
	for _, u := range info.Users {
		if strings.Contains(u.Note, what) {
			return u
		}
	}
	t.Fatalf("no sign-in account noted %q among %+v", what, info.Users)
	return SignInUser{}
}

func TestPolicyAccountsAreOfferedButNotListedByGraph(t *testing.T) {
	s := startTenant(t, Options{})
	info := s.Info()
	blocked := policyAccount(t, info, "Conditional Access")
	mfa := policyAccount(t, info, "multifactor")
	if blocked.UPN != "blocked@"+info.TenantDomain || mfa.UPN != "mfa@"+info.TenantDomain || blocked.Admin || mfa.Admin {
		t.Errorf("policy accounts %+v and %+v", blocked, mfa)
	}
	if n := len(info.Users); n < 2 || info.Users[n-2] != blocked || info.Users[n-1] != mfa {
		t.Errorf("sign-in accounts %+v: want the ones a policy stops last, in order", info.Users)
	}
	cfg := oauthConfig(s, info.TenantDomain, info.PublicClientID, "", "http://localhost:49152", delegatedScopes...)
	page := getPage(t, cfg.AuthCodeURL("st"))
	for _, u := range []SignInUser{blocked, mfa} {
		if !strings.Contains(page.Body, u.UPN+` <span class="name">(`+u.Note+`)</span>`) {
			t.Errorf("the sign-in page does not offer %s with its note", u.UPN)
		}
	}
	g := appGraph(t, s)
	for _, u := range []SignInUser{blocked, mfa} {
		if a := g.get("/users/" + url.PathEscape(u.UPN)); a.Status != http.StatusNotFound {
			t.Errorf("Graph answers %d for %s, want them outside the seeded users: %s", a.Status, u.UPN, a.Body)
		}
	}
}

func TestConditionalAccessBlocksTheSignInAsABrowser(t *testing.T) {
	s := startTenant(t, Options{})
	info := s.Info()
	blocked := policyAccount(t, info, "Conditional Access")
	cfg := oauthConfig(s, info.TenantDomain, info.PublicClientID, "", "http://localhost:49152", delegatedScopes...)
	start := getPage(t, cfg.AuthCodeURL("st-ca"))

	wrong := start.submit(t, s, url.Values{"action": {actionSignIn}, "username": {blocked.UPN}, "password": {"not-it"}})
	if wrong.Status != http.StatusOK || !strings.Contains(wrong.Body, "AADSTS50126") {
		t.Fatalf("a wrong password: status %d, want the page again with AADSTS50126", wrong.Status)
	}
	done := wrong.submit(t, s, url.Values{"action": {actionSignIn}, "username": {blocked.UPN}, "password": {blocked.Password}})
	q := done.redirect(t)
	wantRedirectError(t, q, "access_denied", 53003, "st-ca")
	if desc := q.Get("error_description"); !strings.HasPrefix(desc, "AADSTS53003: "+blockedMessage+"\r\nTrace ID: ") {
		t.Errorf("error_description %q", desc)
	}
	if q.Get("error_uri") != "https://login.microsoftonline.com/error?code=53003" {
		t.Errorf("error_uri %q", q.Get("error_uri"))
	}
	if again := wrong.submit(t, s, url.Values{"action": {actionSignIn}, "username": {blocked.UPN}, "password": {blocked.Password}}); again.Status != http.StatusBadRequest || !strings.Contains(again.Body, "AADSTS50089") {
		t.Errorf("the blocked flow can be submitted again: status %d", again.Status)
	}
}

func TestConditionalAccessBlocksAutoSignIn(t *testing.T) {
	s := startTenant(t, Options{AutoSignIn: true})
	info := s.Info()
	blocked := policyAccount(t, info, "Conditional Access")
	cfg := oauthConfig(s, info.TenantID, info.PublicClientID, "", "http://localhost:41000", delegatedScopes...)
	page := getPage(t, cfg.AuthCodeURL("st-auto", oauth2.SetAuthURLParam("login_hint", blocked.UPN)))
	wantRedirectError(t, page.redirect(t), "access_denied", 53003, "st-auto")
}

func TestMFAAccountsCodeIsRefusedAtTheTokenEndpoint(t *testing.T) {
	s := startTenant(t, Options{})
	info := s.Info()
	mfa := policyAccount(t, info, "multifactor")
	cfg := oauthConfig(s, info.TenantDomain, info.PublicClientID, "", "http://localhost:49152", delegatedScopes...)
	cfg.Endpoint.AuthStyle = oauth2.AuthStyleInParams // a probe in the header style would burn the code
	verifier := oauth2.GenerateVerifier()
	signIn := func() string {
		start := getPage(t, cfg.AuthCodeURL("st-mfa", oauth2.S256ChallengeOption(verifier)))
		q := start.submit(t, s, url.Values{"action": {actionSignIn}, "username": {mfa.UPN}, "password": {mfa.Password}}).redirect(t)
		if q.Get("code") == "" || q.Get("state") != "st-mfa" {
			t.Fatalf("the password sign-in did not end with a code: %v", q)
		}
		return q.Get("code")
	}

	_, err := cfg.Exchange(context.Background(), signIn(), oauth2.VerifierOption(verifier))
	var re *oauth2.RetrieveError
	if !errors.As(err, &re) || re.Response.StatusCode != http.StatusBadRequest || re.ErrorCode != "invalid_grant" ||
		!strings.HasPrefix(re.ErrorDescription, "AADSTS50076: "+mfaMessage+"\r\n") {
		t.Fatalf("x/oauth2 exchange error = %v, want invalid_grant AADSTS50076", err)
	}

	resp, raw := postToken(t, s, info.TenantDomain, redeemForm(cfg, signIn(), verifier))
	body := wantEntraError(t, resp, raw, http.StatusBadRequest, "invalid_grant", 50076)
	if body.Suberror != "basic_action" {
		t.Errorf("suberror %q, want basic_action", body.Suberror)
	}
}

func TestOtherAccountsAreNotStoppedByPolicies(t *testing.T) {
	s := startTenant(t, Options{AutoSignIn: true})
	info := s.Info()
	cfg := oauthConfig(s, info.TenantID, info.PublicClientID, "", "http://localhost:44000", delegatedScopes...)
	for _, u := range info.Users {
		if u.Note != "" {
			continue
		}
		if _, err := cfg.Exchange(context.Background(), autoCode(t, cfg, oauth2.SetAuthURLParam("login_hint", u.UPN))); err != nil {
			t.Errorf("%s: %v", u.UPN, err)
		}
	}
}

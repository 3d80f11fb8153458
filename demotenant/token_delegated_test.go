package demotenant

import (
	"context"
	"encoding/json"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"testing"
	"time"

	"golang.org/x/oauth2"
)

// autoCode runs the authorize endpoint of an AutoSignIn tenant and returns
// the authorization code it redirects with.
func autoCode(t *testing.T, cfg *oauth2.Config, opts ...oauth2.AuthCodeOption) string {
	t.Helper()
	q := getPage(t, cfg.AuthCodeURL("st", opts...)).redirect(t)
	if q.Get("code") == "" {
		t.Fatalf("no code: %v", q)
	}
	return q.Get("code")
}

func redeemForm(cfg *oauth2.Config, code, verifier string) url.Values {
	v := url.Values{"grant_type": {"authorization_code"}, "client_id": {cfg.ClientID}, "code": {code},
		"redirect_uri": {cfg.RedirectURL}}
	if verifier != "" {
		v.Set("code_verifier", verifier)
	}
	if cfg.ClientSecret != "" {
		v.Set("client_secret", cfg.ClientSecret)
	}
	return v
}

func TestAuthorizationCodePKCE(t *testing.T) {
	clock := newClock()
	s := startTenant(t, Options{AutoSignIn: true, Now: clock.Now})
	info := s.Info()
	tenant := info.TenantID
	cfg := oauthConfig(s, tenant, info.PublicClientID, "", "http://localhost:41000", delegatedScopes...)
	verifier := oauth2.GenerateVerifier()
	challenge := oauth2.S256ChallengeOption(verifier)

	code := autoCode(t, cfg, challenge)
	resp, raw := postToken(t, s, tenant, redeemForm(cfg, code, oauth2.GenerateVerifier()))
	wantEntraError(t, resp, raw, 400, "invalid_grant", 501481)
	resp, raw = postToken(t, s, tenant, redeemForm(cfg, code, verifier))
	wantEntraError(t, resp, raw, 400, "invalid_grant", 54005) // burnt by the failed attempt

	code = autoCode(t, cfg, challenge)
	resp, raw = postToken(t, s, tenant, redeemForm(cfg, code, ""))
	wantEntraError(t, resp, raw, 400, "invalid_request", 900144)

	code = autoCode(t, cfg, challenge)
	if resp, raw := postToken(t, s, tenant, redeemForm(cfg, code, verifier)); resp.StatusCode != http.StatusOK {
		t.Fatalf("right verifier: %d %s", resp.StatusCode, raw)
	}
	resp, raw = postToken(t, s, tenant, redeemForm(cfg, code, verifier))
	wantEntraError(t, resp, raw, 400, "invalid_grant", 54005)

	code = autoCode(t, cfg, challenge)
	moved := *cfg
	moved.RedirectURL = "http://localhost:41001"
	resp, raw = postToken(t, s, tenant, redeemForm(&moved, code, verifier))
	wantEntraError(t, resp, raw, 400, "invalid_grant", 9002313)

	code = autoCode(t, cfg, challenge)
	clock.Advance(authCodeLifetime + time.Second)
	resp, raw = postToken(t, s, tenant, redeemForm(cfg, code, verifier))
	wantEntraError(t, resp, raw, 400, "invalid_grant", 70008)

	resp, raw = postToken(t, s, tenant, redeemForm(cfg, "0.AQnot-a-code", verifier))
	wantEntraError(t, resp, raw, 400, "invalid_request", 9002313)
}

func TestCodeIsBoundToItsClient(t *testing.T) {
	s := startTenant(t, Options{AutoSignIn: true})
	info := s.Info()
	web := appNamed(t, s, appWeb)
	cfg := oauthConfig(s, info.TenantID, info.PublicClientID, "", "http://localhost:41000", "openid", "User.Read")
	code := autoCode(t, cfg)
	other := oauthConfig(s, info.TenantID, web.ClientID, web.Secret, cfg.RedirectURL)
	resp, raw := postToken(t, s, info.TenantID, redeemForm(other, code, ""))
	wantEntraError(t, resp, raw, 400, "invalid_grant", 9002313)
}

func TestClientTypeRulesOnCodeRedemption(t *testing.T) {
	s := startTenant(t, Options{AutoSignIn: true})
	info := s.Info()
	web := appNamed(t, s, appWeb)
	main := appNamed(t, s, appMain)

	webCfg := oauthConfig(s, info.TenantID, web.ClientID, "", "http://localhost:42000", "openid", "User.Read")
	resp, raw := postToken(t, s, info.TenantID, redeemForm(webCfg, autoCode(t, webCfg), ""))
	wantEntraError(t, resp, raw, 401, "invalid_client", 7000218)
	webCfg.ClientSecret = web.Secret
	if _, err := webCfg.Exchange(context.Background(), autoCode(t, webCfg)); err != nil {
		t.Fatalf("web app with its secret: %v", err)
	}

	pubCfg := oauthConfig(s, info.TenantID, main.ClientID, main.Secret, "http://localhost:42000", "openid", "User.Read")
	resp, raw = postToken(t, s, info.TenantID, redeemForm(pubCfg, autoCode(t, pubCfg), ""))
	wantEntraError(t, resp, raw, 401, "invalid_client", 700025)
}

func TestRefreshTokenRotation(t *testing.T) {
	clock := newClock()
	s := startTenant(t, Options{AutoSignIn: true, Now: clock.Now})
	info := s.Info()
	cfg := oauthConfig(s, info.TenantDomain, info.PublicClientID, "", "http://localhost:43000", delegatedScopes...)
	first, err := cfg.Exchange(context.Background(), autoCode(t, cfg))
	if err != nil {
		t.Fatal(err)
	}
	refresh := func(rt string, extra url.Values) (*http.Response, []byte) {
		v := url.Values{"grant_type": {"refresh_token"}, "client_id": {info.PublicClientID}, "refresh_token": {rt}}
		for k, vs := range extra {
			v[k] = vs
		}
		return postToken(t, s, info.TenantDomain, v)
	}
	resp, raw := refresh(first.RefreshToken, nil)
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("refresh: %d %s", resp.StatusCode, raw)
	}
	var second tokenResponse
	if err := json.Unmarshal(raw, &second); err != nil {
		t.Fatal(err)
	}
	if second.RefreshToken == "" || second.RefreshToken == first.RefreshToken || second.AccessToken == "" {
		t.Fatal("refresh did not rotate the refresh token")
	}
	resp, raw = refresh(first.RefreshToken, nil)
	wantEntraError(t, resp, raw, 400, "invalid_grant", 70000)

	resp, raw = refresh("1.AQmade-up", nil)
	wantEntraError(t, resp, raw, 400, "invalid_request", 9002313)

	resp, raw = refresh(second.RefreshToken, url.Values{"scope": {"https://graph.microsoft.com/Application.ReadWrite.All offline_access"}})
	if body := wantEntraError(t, resp, raw, 400, "invalid_grant", 65001); body.Suberror != "consent_required" {
		t.Errorf("suberror = %q", body.Suberror)
	}

	// .default narrows nothing: it stands for every consented scope.
	resp, raw = refresh(second.RefreshToken, url.Values{"scope": {"https://graph.microsoft.com/.default offline_access"}})
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("refresh with .default: %d %s", resp.StatusCode, raw)
	}
	var viaDefault tokenResponse
	if err := json.Unmarshal(raw, &viaDefault); err != nil {
		t.Fatal(err)
	}
	if p := bearerPrincipal(t, s, viaDefault.AccessToken); len(p.Scopes) != len(wizardRoles)+1 || slices.Contains(p.Scopes, ".default") {
		t.Errorf(".default gave scopes %v", p.Scopes)
	}

	// x/oauth2 refreshes an expired token by itself and keeps the new one.
	src := cfg.TokenSource(context.Background(), &oauth2.Token{RefreshToken: viaDefault.RefreshToken, Expiry: clock.Now().Add(-time.Minute)})
	third, err := src.Token()
	if err != nil || third.RefreshToken == viaDefault.RefreshToken {
		t.Fatalf("x/oauth2 refresh: %v", err)
	}
	if p := bearerPrincipal(t, s, third.AccessToken); !p.Delegated() {
		t.Errorf("refreshed token is not delegated: %+v", p)
	}

	clock.Advance(refreshTokenLifetime + time.Hour)
	resp, raw = refresh(third.RefreshToken, nil)
	wantEntraError(t, resp, raw, 400, "invalid_grant", 700082)
}

func TestDelegatedTokenClaims(t *testing.T) {
	s := startTenant(t, Options{AutoSignIn: true})
	info := s.Info()
	admin, megan := info.Users[0], info.Users[1]
	cfg := oauthConfig(s, info.TenantID, info.PublicClientID, "", "http://localhost:44000", delegatedScopes...)
	for _, u := range []SignInUser{admin, megan} {
		tok, err := cfg.Exchange(context.Background(), autoCode(t, cfg, oauth2.SetAuthURLParam("login_hint", u.UPN)))
		if err != nil {
			t.Fatal(err)
		}
		var c accessClaims
		if err := verifyJWS(tok.AccessToken, &signingKeyOf(t, s).PublicKey, s.kid, &c); err != nil {
			t.Fatal(err)
		}
		if !strings.EqualFold(c.Upn, u.UPN) || c.IDTyp != "user" || c.AppIDAcr != "0" || len(c.Roles) != 0 ||
			c.Scp != "User.Read.All Group.Read.All" || !slices.Equal(c.Amr, []string{"pwd"}) || c.Aud != graphResource {
			t.Errorf("%s: claims %+v", u.UPN, c)
		}
		if isAdmin := slices.Contains(c.Wids, globalAdminRole); isAdmin != u.Admin {
			t.Errorf("%s: wids %v, admin %v", u.UPN, c.Wids, u.Admin)
		}
	}
}

package oauth_test

import (
	"context"
	"errors"
	"io"
	"net/http"
	"slices"
	"strings"
	"testing"

	"golang.org/x/oauth2"

	"github.com/entra-wizard/entra-wizard/demotenant"
	"github.com/entra-wizard/entra-wizard/demotenant/demotest"
	"github.com/entra-wizard/entra-wizard/oauth"
)

// startTenant runs a demo tenant whose authorize endpoint signs in at once.
func startTenant(t testing.TB, scenario string) (*demotenant.Server, demotenant.Info, oauth.Endpoints) {
	t.Helper()
	srv := demotest.Start(t, demotenant.Options{Scenario: scenario, AutoSignIn: true})
	info := srv.Info()
	e, err := oauth.CustomEndpoints(info.Authority, info.Graph)
	if err != nil {
		t.Fatal(err)
	}
	return srv, info, e
}

func TestClientCredentialsAgainstDemoTenant(t *testing.T) {
	srv, info, e := startTenant(t, demotenant.ScenarioDefault)
	src := oauth.ClientCredentials{Endpoints: e, Tenant: info.TenantDomain, ClientID: info.ClientID,
		Secret: info.ClientSecret}.TokenSource(context.Background())
	tok, err := src.Token()
	if err != nil {
		t.Fatalf("Token: %v", err)
	}
	c, err := oauth.TokenClaims(tok.AccessToken)
	if err != nil {
		t.Fatal(err)
	}
	if c.TenantID != info.TenantID || c.AppID != info.ClientID || c.Delegated() ||
		!slices.Contains(c.Roles, "User.Read.All") || c.Expires.IsZero() {
		t.Errorf("claims = %+v", c)
	}
	if _, err := src.Token(); err != nil {
		t.Fatal(err)
	}
	if n := srv.TokenRequests(); n != 1 {
		t.Errorf("%d token requests for two Token calls, want the token reused", n)
	}
}

func TestClientCredentialsWithoutConsentHasNoRoles(t *testing.T) {
	_, info, e := startTenant(t, demotenant.ScenarioNoConsent)
	tok, err := oauth.ClientCredentials{Endpoints: e, Tenant: info.TenantID, ClientID: info.ClientID,
		Secret: info.ClientSecret}.TokenSource(context.Background()).Token()
	if err != nil {
		t.Fatalf("Token: %v", err)
	}
	if c, _ := oauth.TokenClaims(tok.AccessToken); len(c.Roles) != 0 {
		t.Errorf("an app nobody consented to got roles %v", c.Roles)
	}
}

func TestClientCredentialsErrorsFromDemoTenant(t *testing.T) {
	_, info, e := startTenant(t, demotenant.ScenarioDefault)
	main := demotest.App(t, info, "Entra Setup Wizard")
	orphan := demotest.App(t, info, "Northwind Reports (no enterprise app)")
	const strangerID = "0badc0de-0000-4000-8000-000000000001"
	tests := []struct {
		name                     string
		tenant, clientID, secret string
		code, hintHas            string
	}{
		{"wrong secret", info.TenantID, main.ClientID, "abc8Q~not-the-secret-at-all-0123456789", "AADSTS7000215", "Value"},
		{"secret ID instead of value", info.TenantID, main.ClientID, "6f1e2c3d-4b5a-4c7d-8e9f-0a1b2c3d4e5f", "AADSTS7000215", "ID instead"},
		{"expired secret", info.TenantID, main.ClientID, main.ExpiredSecret, "AADSTS7000222", "new secret"},
		{"unknown client", info.TenantID, strangerID, main.Secret, "AADSTS700016", "another tenant"},
		{"unknown tenant", strangerID, main.ClientID, main.Secret, "AADSTS90002", "tenant ID or domain"},
		{"tenant in a national cloud", "fabrikam.onmicrosoft.us", main.ClientID, main.Secret, "AADSTS90038", "right cloud"},
		{"no service principal", info.TenantID, orphan.ClientID, orphan.Secret, "AADSTS7000229", "Enterprise applications"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := oauth.ClientCredentials{Endpoints: e, Tenant: tt.tenant, ClientID: tt.clientID,
				Secret: tt.secret}.TokenSource(context.Background()).Token()
			oe, ok := oauth.AsError(err)
			if !ok || oe.Code != tt.code {
				t.Fatalf("Token error = %v, want %s", err, tt.code)
			}
			if !strings.Contains(oe.Hint, tt.hintHas) || oe.TraceID == "" || oe.URI == "" {
				t.Errorf("decoded %+v", oe)
			}
			if tt.secret != "" && (strings.Contains(err.Error(), tt.secret) || strings.Contains(oe.Hint, tt.secret)) {
				t.Error("the secret appears in the error")
			}
		})
	}
}

// autoBrowser opens the sign-in page like a browser: the demo tenant signs
// in at once and redirects to the login's listener, whose page it loads.
func autoBrowser(t testing.TB) func(string) error {
	return func(u string) error {
		resp, err := http.Get(u)
		if err != nil {
			t.Errorf("browser: %v", err)
			return err
		}
		defer resp.Body.Close()
		_, err = io.Copy(io.Discard, resp.Body)
		return err
	}
}

func browserLogin(e oauth.Endpoints, info demotenant.Info, clientID string, t testing.TB) oauth.LoopbackLogin {
	return oauth.LoopbackLogin{
		Endpoints: e,
		Tenant:    info.TenantDomain,
		ClientID:  clientID,
		Scopes:    e.DelegatedScopes("User.Read.All", "Group.Read.All"),
		OpenURL:   autoBrowser(t),
	}
}

func TestBrowserSignInAndRefreshAgainstDemoTenant(t *testing.T) {
	_, info, e := startTenant(t, demotenant.ScenarioDefault)
	l := browserLogin(e, info, info.PublicClientID, t)
	tok, err := l.Run(context.Background())
	if err != nil {
		t.Fatalf("Run: %v", err)
	}
	c, err := oauth.TokenClaims(tok.AccessToken)
	if err != nil {
		t.Fatal(err)
	}
	if !c.Delegated() || c.TenantID != info.TenantID || !slices.Contains(c.Scopes, "User.Read.All") || tok.RefreshToken == "" {
		t.Fatalf("signed in with claims %+v, refresh token %v", c, tok.RefreshToken != "")
	}

	var saved string
	src := oauth.RefreshTokenSource(context.Background(), l, &oauth2.Token{RefreshToken: tok.RefreshToken},
		func(next *oauth2.Token) { saved = next.RefreshToken })
	renewed, err := src.Token()
	if err != nil {
		t.Fatalf("refresh: %v", err)
	}
	if saved == "" || saved == tok.RefreshToken || renewed.RefreshToken != saved {
		t.Fatal("the rotated refresh token was not handed over to be saved")
	}
	if c, _ := oauth.TokenClaims(renewed.AccessToken); !slices.Contains(c.Scopes, "Group.Read.All") {
		t.Errorf("renewed token scopes = %v", c.Scopes)
	}
	_, err = oauth.RefreshTokenSource(context.Background(), l, &oauth2.Token{RefreshToken: tok.RefreshToken}, nil).Token()
	if _, ok := oauth.AsError(err); !ok {
		t.Fatalf("the retired refresh token gave %v, want an Entra error", err)
	}
}

func TestBrowserSignInConfidentialClientAgainstDemoTenant(t *testing.T) {
	_, info, e := startTenant(t, demotenant.ScenarioDefault)
	web := demotest.App(t, info, "Northwind Intranet (web)")
	l := browserLogin(e, info, web.ClientID, t)
	l.Scopes = e.DelegatedScopes("User.Read.All")
	l.Secret = web.Secret
	if _, err := l.Run(context.Background()); err != nil {
		t.Fatalf("Run: %v", err)
	}
}

func TestBrowserSignInErrorsFromDemoTenant(t *testing.T) {
	_, info, e := startTenant(t, demotenant.ScenarioDefault)
	web := demotest.App(t, info, "Northwind Intranet (web)")
	main := demotest.App(t, info, "Entra Setup Wizard")
	var member string
	for _, u := range info.Users {
		if !u.Admin {
			member = u.UPN
			break
		}
	}
	tests := []struct {
		name      string
		change    func(*oauth.LoopbackLogin)
		code      string
		hintHas   string
		needsUser bool
	}{
		{"web app without its secret", func(l *oauth.LoopbackLogin) { l.ClientID = web.ClientID }, "AADSTS7000218", "Mobile and desktop", false},
		{"public client sending a secret", func(l *oauth.LoopbackLogin) { l.Secret = "abc8Q~some-secret-value-0123456789abcd" }, "AADSTS700025", "Remove the secret", false},
		{"member asking for admin-only permissions", func(l *oauth.LoopbackLogin) {
			l.ClientID = main.ClientID
			l.Scopes = e.DelegatedScopes("User.ReadWrite.All")
			l.LoginHint = member
		}, "AADSTS90094", "admin consent", true},
		{"account from elsewhere", func(l *oauth.LoopbackLogin) { l.LoginHint = "someone@outlook.com" }, "AADSTS50020", "member account", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tt.needsUser && member == "" {
				t.Skip("the demo tenant offers no member account")
			}
			l := browserLogin(e, info, info.PublicClientID, t)
			tt.change(&l)
			_, err := l.Run(context.Background())
			oe, ok := oauth.AsError(err)
			if !ok || oe.Code != tt.code {
				t.Fatalf("Run error = %v, want %s", err, tt.code)
			}
			if !strings.Contains(oe.Hint, tt.hintHas) {
				t.Errorf("hint %q lacks %q", oe.Hint, tt.hintHas)
			}
			if errors.Is(err, oauth.ErrLoginTimeout) {
				t.Error("an Entra refusal was reported as a timeout")
			}
		})
	}
}

func TestBrowserSignInStoppedByConditionalAccess(t *testing.T) {
	_, info, e := startTenant(t, demotenant.ScenarioDefault)
	tests := []struct{ note, code string }{
		{"Conditional Access", "AADSTS53003"},
		{"multifactor", "AADSTS50076"},
	}
	for _, tt := range tests {
		t.Run(tt.code, func(t *testing.T) {
			i := slices.IndexFunc(info.Users, func(u demotenant.SignInUser) bool { return strings.Contains(u.Note, tt.note) })
			if i < 0 {
				t.Fatalf("the demo tenant offers no account noted %q", tt.note)
			}
			l := browserLogin(e, info, info.PublicClientID, t)
			l.LoginHint = info.Users[i].UPN
			tok, err := l.Run(context.Background())
			oe, ok := oauth.AsError(err)
			if tok != nil || !ok || oe.Code != tt.code {
				t.Fatalf("Run = %v, %v; want Entra's %s", tok != nil, err, tt.code)
			}
			if !strings.Contains(strings.ToLower(oe.Hint), "ask the tenant's admin") {
				t.Errorf("hint %q does not send the admin to the tenant's admin", oe.Hint)
			}
			if errors.Is(err, oauth.ErrLoginTimeout) || errors.Is(err, oauth.ErrLoginCancelled) {
				t.Errorf("a policy refusal was reported as %v", err)
			}
		})
	}
}

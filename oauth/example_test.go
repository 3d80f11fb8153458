package oauth_test

import (
	"context"
	"fmt"
	"time"

	"github.com/entra-wizard/entra-wizard/oauth"
	"golang.org/x/oauth2"
)

func ExampleParseTenant() {
	tenant, err := oauth.ParseTenant("  Contoso.onmicrosoft.com ")
	fmt.Println(tenant, err)
	_, err = oauth.ParseTenant("contoso")
	fmt.Println(err)
	// Output:
	// contoso.onmicrosoft.com <nil>
	// the tenant should be a tenant ID like 00000000-0000-0000-0000-000000000000 or a domain such as contoso.onmicrosoft.com; find the tenant ID on the app's Overview page as 'Directory (tenant) ID'
}

func ExampleEndpoints_DelegatedScopes() {
	gov, _ := oauth.EndpointsFor("usgov")
	fmt.Println(gov.GraphScope())
	fmt.Println(gov.DelegatedScopes("User.Read.All"))
	// Output:
	// https://graph.microsoft.us/.default
	// [https://graph.microsoft.us/User.Read.All openid profile offline_access]
}

func ExampleAdminConsentURL() {
	e, _ := oauth.EndpointsFor("global")
	fmt.Println(oauth.AdminConsentURL(e, "contoso.onmicrosoft.com", "11111111-2222-3333-4444-555555555555", "http://localhost"))
	// Output:
	// https://login.microsoftonline.com/contoso.onmicrosoft.com/v2.0/adminconsent?client_id=11111111-2222-3333-4444-555555555555&redirect_uri=http%3A%2F%2Flocalhost&scope=https%3A%2F%2Fgraph.microsoft.com%2F.default
}

// A browser sign-in, then a token source that renews it and hands each
// rotated refresh token over to be saved.
func ExampleLoopbackLogin() {
	e, _ := oauth.EndpointsFor("global")
	login := oauth.LoopbackLogin{
		Endpoints: e,
		Tenant:    "contoso.onmicrosoft.com",
		ClientID:  "11111111-2222-3333-4444-555555555555",
		Scopes:    e.DelegatedScopes("User.Read.All", "Group.Read.All"),
		OnURL:     func(u string) { fmt.Println("If your browser did not open, visit", u) },
		Timeout:   5 * time.Minute,
	}
	ctx := context.Background()
	tok, err := login.Run(ctx)
	if err != nil {
		if e, ok := oauth.AsError(err); ok {
			fmt.Println(e.Code, e.Hint)
		}
		return
	}
	src := oauth.RefreshTokenSource(ctx, login, tok, func(next *oauth2.Token) {
		_ = next.RefreshToken // save it in the keychain
	})
	_ = src
}

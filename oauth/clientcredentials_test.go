package oauth

import (
	"context"
	"errors"
	"net/http"
	"sync/atomic"
	"testing"

	"golang.org/x/oauth2"
)

// countingTransport counts the requests an injected HTTP client sends.
type countingTransport struct{ n atomic.Int64 }

func (c *countingTransport) RoundTrip(r *http.Request) (*http.Response, error) {
	c.n.Add(1)
	return http.DefaultTransport.RoundTrip(r)
}

func TestClientCredentialsSendsTheSecretInTheBody(t *testing.T) {
	idp := newTestIdP(t, "abc8Q~confidential")
	e := idp.login(t).Endpoints
	transport := &countingTransport{}
	cc := ClientCredentials{Endpoints: e, Tenant: idp.tenant, ClientID: idp.clientID, Secret: idp.secret,
		HTTPClient: &http.Client{Transport: transport}}
	if _, err := cc.TokenSource(context.Background()).Token(); err != nil {
		t.Fatalf("Token: %v", err)
	}
	form := idp.tokenRequests()[0]
	if form.Get("client_secret") != idp.secret || form.Get("scope") != "https://graph.microsoft.com/.default" {
		t.Errorf("token request keys %v, scope %q", keys(form), form.Get("scope"))
	}
	if transport.n.Load() != 1 {
		t.Errorf("the injected HTTP client sent %d requests, want 1", transport.n.Load())
	}
}

func TestClientCredentialsRefusesBadInputBeforeSending(t *testing.T) {
	const id = "11111111-2222-3333-4444-555555555555"
	noRequests := &http.Client{Transport: roundTripFunc(func(*http.Request) (*http.Response, error) {
		t.Error("a request was sent")
		return nil, errors.New("unreachable")
	})}
	global, _ := EndpointsFor(CloudGlobal)
	plain := Endpoints{Cloud: CloudCustom, Authority: "http://login.example.com"}
	tests := []struct {
		name   string
		cc     ClientCredentials
		target error
	}{
		{"plain http", ClientCredentials{Endpoints: plain, Tenant: "contoso.com", ClientID: id, Secret: "s"}, errPlainHTTP},
		{"no secret", ClientCredentials{Endpoints: global, Tenant: "contoso.com", ClientID: id}, errSecretEmpty},
		{"bad tenant", ClientCredentials{Endpoints: global, Tenant: "contoso", ClientID: id, Secret: "s"}, errTenantShape},
		{"multi-tenant name", ClientCredentials{Endpoints: global, Tenant: "common", ClientID: id, Secret: "s"}, errTenantMultiApp},
		{"bad client ID", ClientCredentials{Endpoints: global, Tenant: "contoso.com", ClientID: "app", Secret: "s"}, errClientIDShape},
	}
	for _, tt := range tests {
		tt.cc.HTTPClient = noRequests
		if _, err := tt.cc.TokenSource(context.Background()).Token(); !errors.Is(err, tt.target) {
			t.Errorf("%s: Token error = %v, want %v", tt.name, err, tt.target)
		}
	}
}

type roundTripFunc func(*http.Request) (*http.Response, error)

func (f roundTripFunc) RoundTrip(r *http.Request) (*http.Response, error) { return f(r) }

func TestInjectedHTTPClientCarriesBrowserSignInAndRefresh(t *testing.T) {
	idp := newTestIdP(t, "")
	transport := &countingTransport{}
	l := idp.login(t)
	l.OpenURL = (&testBrowser{}).open
	l.HTTPClient = &http.Client{Transport: transport}
	tok, err := l.Run(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	src := RefreshTokenSource(context.Background(), l, &oauth2.Token{RefreshToken: tok.RefreshToken}, nil)
	if _, err := src.Token(); err != nil {
		t.Fatal(err)
	}
	if transport.n.Load() != 2 {
		t.Errorf("the injected HTTP client sent %d token requests, want 2", transport.n.Load())
	}
}

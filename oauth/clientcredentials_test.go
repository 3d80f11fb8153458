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

func TestClientCredentialsRefusesPlainHTTPElsewhere(t *testing.T) {
	cc := ClientCredentials{
		Endpoints: Endpoints{Cloud: CloudCustom, Authority: "http://login.example.com"},
		Tenant:    "contoso.onmicrosoft.com", ClientID: "c", Secret: "s",
		HTTPClient: &http.Client{Transport: roundTripFunc(func(*http.Request) (*http.Response, error) {
			t.Error("a request was sent over plain http")
			return nil, errors.New("unreachable")
		})},
	}
	if _, err := cc.TokenSource(context.Background()).Token(); !errors.Is(err, errPlainHTTP) {
		t.Fatalf("Token error = %v, want errPlainHTTP", err)
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

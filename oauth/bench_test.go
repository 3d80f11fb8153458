package oauth_test

import (
	"context"
	"testing"

	"github.com/entra-wizard/entra-wizard/demotenant"
	"github.com/entra-wizard/entra-wizard/oauth"
)

// BenchmarkClientCredentialsToken measures getting one app-only token from
// the demo tenant over loopback HTTP.
func BenchmarkClientCredentialsToken(b *testing.B) {
	srv, info, e := startTenant(b, demotenant.ScenarioDefault)
	cc := oauth.ClientCredentials{Endpoints: e, Tenant: info.TenantID, ClientID: info.ClientID, Secret: info.ClientSecret}
	before := srv.Requests()
	for b.Loop() {
		if _, err := cc.TokenSource(context.Background()).Token(); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(srv.Requests()-before)/float64(b.N), "requests/op")
}

// BenchmarkBrowserSignIn measures a whole browser sign-in: listener, sign-in
// page, redirect to the listener, code redemption and shutdown.
func BenchmarkBrowserSignIn(b *testing.B) {
	srv, info, e := startTenant(b, demotenant.ScenarioDefault)
	l := browserLogin(e, info, info.PublicClientID, b)
	before := srv.Requests()
	for b.Loop() {
		if _, err := l.Run(context.Background()); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(srv.Requests()-before)/float64(b.N), "requests/op")
}

// BenchmarkClientAssertionToken measures getting one app-only token with a
// certificate: signing a fresh assertion and the token request over
// loopback HTTP, the demo tenant checking it.
func BenchmarkClientAssertionToken(b *testing.B) {
	srv, info, e := startTenant(b, demotenant.ScenarioDefault)
	ca := oauth.ClientAssertion{Endpoints: e, Tenant: info.TenantID, ClientID: info.ClientID, Certificate: certificateApp(b, srv, info)}
	before := srv.Requests()
	for b.Loop() {
		if _, err := ca.TokenSource(context.Background()).Token(); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(srv.Requests()-before)/float64(b.N), "requests/op")
}

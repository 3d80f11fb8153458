package demotenant

import (
	"context"
	"testing"

	"golang.org/x/oauth2/clientcredentials"
)

// BenchmarkClientCredentialsToken measures one app-only token request over
// HTTP, signing included.
func BenchmarkClientCredentialsToken(b *testing.B) {
	s := startTenant(b, Options{})
	info := s.Info()
	cfg := clientcredentials.Config{ClientID: info.ClientID, ClientSecret: info.ClientSecret,
		TokenURL: s.URL() + "/" + info.TenantID + "/oauth2/v2.0/token",
		Scopes:   []string{"https://graph.microsoft.com/.default"}}
	ctx := context.Background()
	b.ReportAllocs()
	for b.Loop() {
		if _, err := cfg.Token(ctx); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkAuthenticate measures the bearer token check every Graph request
// goes through.
func BenchmarkAuthenticate(b *testing.B) {
	s := startTenant(b, Options{})
	info := s.Info()
	cfg := clientcredentials.Config{ClientID: info.ClientID, ClientSecret: info.ClientSecret,
		TokenURL: s.URL() + "/" + info.TenantID + "/oauth2/v2.0/token",
		Scopes:   []string{"https://graph.microsoft.com/.default"}}
	tok, err := cfg.Token(context.Background())
	if err != nil {
		b.Fatal(err)
	}
	r := bearerRequest(tok.AccessToken)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := s.authenticate(r); err != nil {
			b.Fatal(err)
		}
	}
}

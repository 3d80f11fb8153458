package oauth

import (
	"context"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"golang.org/x/oauth2"
)

// A token endpoint (a proxy, or a custom authority) whose answer never ends
// must not be read without bound, and the failure must say what happened:
// the oauth2 package on its own stops at 1 MiB and reports unreadable JSON.
func TestAnEndlessTokenAnswerFailsWithAClearError(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		_, _ = w.Write([]byte(`{"token_type":"Bearer","expires_in":3600,"access_token":"`))
		chunk := []byte(strings.Repeat("A", 32<<10))
		for sent := 0; sent < 1<<30 && r.Context().Err() == nil; sent += len(chunk) {
			if _, err := w.Write(chunk); err != nil {
				return
			}
		}
	}))
	t.Cleanup(srv.Close)
	e, err := CustomEndpoints(srv.URL, srv.URL)
	if err != nil {
		t.Fatal(err)
	}
	const tenant, clientID = "contoso.onmicrosoft.com", "11111111-2222-3333-4444-555555555555"
	sources := map[string]oauth2.TokenSource{
		"client credentials": ClientCredentials{Endpoints: e, Tenant: tenant, ClientID: clientID, Secret: "abc8Q~confidential",
			HTTPClient: &http.Client{}}.TokenSource(context.Background()),
		"refresh": RefreshTokenSource(context.Background(), LoopbackLogin{Endpoints: e, Tenant: tenant, ClientID: clientID,
			Scopes: e.DelegatedScopes("User.Read.All")}, &oauth2.Token{RefreshToken: "refresh-token"}, nil),
	}
	for name, src := range sources {
		_, err := src.Token()
		if err == nil {
			t.Fatalf("%s: a token from an endless answer", name)
		}
		if !strings.Contains(err.Error(), "sent more than 256 KiB") || !strings.Contains(err.Error(), "sign-in service") {
			t.Errorf("%s: the error does not say the answer was too large: %q", name, err)
		}
	}
}

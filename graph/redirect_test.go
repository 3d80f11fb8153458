package graph_test

import (
	"context"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/entra-wizard/entra-wizard/graph"
	"github.com/entra-wizard/entra-wizard/oauth"
)

// TestGraphFollowsNoRedirectToAnotherServer: a Graph that answers every
// request with a redirect to another server on this computer (another
// port: net/http would keep the Authorization header) gets no request sent
// on, neither a read nor a new user with its password; within Graph's own
// origin a redirect is still followed.
func TestGraphFollowsNoRedirectToAnotherServer(t *testing.T) {
	var elsewhere atomic.Int32
	other := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		elsewhere.Add(1)
		w.Header().Set("Content-Type", "application/json")
		_, _ = io.WriteString(w, `{"id":"x","displayName":"Elsewhere"}`)
	}))
	defer other.Close()
	var sentOn atomic.Bool
	c := fakeGraph(t, func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/v1.0/organization-here" {
			w.Header().Set("Content-Type", "application/json")
			_, _ = io.WriteString(w, `{"value":[{"id":"org","displayName":"Contoso"}]}`)
			return
		}
		if r.URL.Path == "/v1.0/organization" && !sentOn.Load() {
			http.Redirect(w, r, "/v1.0/organization-here", http.StatusTemporaryRedirect)
			return
		}
		http.Redirect(w, r, other.URL+r.URL.Path, http.StatusTemporaryRedirect)
	})
	if org, err := c.Organization(context.Background()); err != nil || org.DisplayName != "Contoso" {
		t.Fatalf("a redirect within Graph's origin: %+v, %v", org, err)
	}
	sentOn.Store(true)

	const password = "Temp-Passw0rd-that-must-stay!"
	_, readErr := c.User(context.Background(), "adele@contoso.com")
	_, createErr := c.CreateUser(context.Background(), graph.NewUser{DisplayName: "Adele",
		UserPrincipalName: "adele@contoso.com", Password: password})
	_, orgErr := c.Organization(context.Background())
	for what, err := range map[string]error{"read": readErr, "create": createErr, "organization": orgErr} {
		var refused *oauth.RedirectRefusedError
		if !errors.As(err, &refused) || !strings.Contains(err.Error(), other.URL) || strings.Contains(err.Error(), password) {
			t.Errorf("%s: got %v, want the redirect to %s refused", what, err, other.URL)
		}
	}
	if n := elsewhere.Load(); n != 0 {
		t.Errorf("the server Graph redirected to got %d requests", n)
	}
}

package graph_test

// Faults the demo tenant cannot produce: Graph throttling single items
// inside a $batch, and a next link that points at another host. A small
// stand-in server plays Graph for them.

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"sync"
	"testing"

	"github.com/entra-wizard/entra-wizard/graph"
	"golang.org/x/oauth2"
)

func fakeGraph(t *testing.T, h http.HandlerFunc) *graph.Client {
	t.Helper()
	srv := httptest.NewServer(h)
	t.Cleanup(srv.Close)
	c, err := graph.New(graph.Config{
		BaseURL:     srv.URL + "/v1.0",
		TokenSource: oauth2.StaticTokenSource(&oauth2.Token{AccessToken: "test-token"}),
	})
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func TestRemoveMembersResendsItemsThrottledInsideABatch(t *testing.T) {
	var mu sync.Mutex
	var batches [][]string
	c := fakeGraph(t, func(w http.ResponseWriter, r *http.Request) {
		var req struct {
			Requests []struct{ ID, URL string }
		}
		if r.URL.Path != "/v1.0/$batch" || json.NewDecoder(r.Body).Decode(&req) != nil {
			http.Error(w, "unexpected request", http.StatusBadRequest)
			return
		}
		mu.Lock()
		round := len(batches)
		var urls []string
		for _, q := range req.Requests {
			urls = append(urls, q.URL)
		}
		batches = append(batches, urls)
		mu.Unlock()
		var answers []map[string]any
		for i, q := range req.Requests {
			a := map[string]any{"id": q.ID, "status": 204}
			if round == 0 && i == 1 {
				a = map[string]any{"id": q.ID, "status": 429, "headers": map[string]string{"Retry-After": "0"},
					"body": map[string]any{"error": map[string]any{"code": "TooManyRequests", "message": "slow down"}}}
			}
			answers = append(answers, a)
		}
		w.Header().Set("Content-Type", "application/json")
		_ = json.NewEncoder(w).Encode(map[string]any{"responses": answers})
	})
	results := c.RemoveMembers(context.Background(), "g1", []string{"m1", "m2", "m3"}, nil)
	for _, r := range results {
		if r.Err != nil {
			t.Errorf("%s: %v", r.ID, r.Err)
		}
	}
	if len(batches) != 2 || len(batches[1]) != 1 || batches[1][0] != "/groups/g1/members/m2/$ref" {
		t.Errorf("batches sent: %v; want the throttled item alone in a second batch", batches)
	}
}

func TestTokenGoesOnlyToTheGraphHost(t *testing.T) {
	var elsewhereAuth []string
	other := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		elsewhereAuth = append(elsewhereAuth, r.Header.Get("Authorization"))
		w.Header().Set("Content-Type", "application/json")
		fmt.Fprint(w, `{"value":[{"id":"2"}]}`)
	}))
	t.Cleanup(other.Close)
	var graphAuth string
	c := fakeGraph(t, func(w http.ResponseWriter, r *http.Request) {
		graphAuth = r.Header.Get("Authorization")
		w.Header().Set("Content-Type", "application/json")
		fmt.Fprintf(w, `{"value":[{"id":"1"}],"@odata.nextLink":%q}`, other.URL+"/v1.0/users?$skiptoken=x")
	})
	users, err := c.Users(graph.UserQuery{}).All(context.Background())
	if err != nil || len(users) != 2 {
		t.Fatalf("users %v, %v", users, err)
	}
	if graphAuth != "Bearer test-token" {
		t.Errorf("Graph got Authorization %q", graphAuth)
	}
	if len(elsewhereAuth) != 1 || elsewhereAuth[0] != "" {
		t.Errorf("another host got Authorization %q", elsewhereAuth)
	}
}

func TestNewRefusesPlainHTTPBeyondThisComputer(t *testing.T) {
	ts := oauth2.StaticTokenSource(&oauth2.Token{AccessToken: "x"})
	for _, base := range []string{"http://graph.example.com/v1.0", "ftp://127.0.0.1/v1.0", "", "not a url"} {
		if _, err := graph.New(graph.Config{BaseURL: base, TokenSource: ts}); err == nil {
			t.Errorf("New accepted %q", base)
		}
	}
	for _, base := range []string{"https://graph.microsoft.com/v1.0", "http://127.0.0.1:8080/v1.0", "http://localhost/v1.0"} {
		if _, err := graph.New(graph.Config{BaseURL: base, TokenSource: ts}); err != nil {
			t.Errorf("New refused %q: %v", base, err)
		}
	}
}

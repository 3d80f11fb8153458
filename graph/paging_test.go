package graph_test

import (
	"context"
	"net/http"
	"strings"
	"sync"
	"testing"

	"github.com/entra-wizard/entra-wizard/demotenant"
	"github.com/entra-wizard/entra-wizard/graph"
)

// recorder notes the requests that pass through it to the real transport.
type recorder struct {
	mu   sync.Mutex
	reqs []*http.Request
}

func (r *recorder) RoundTrip(req *http.Request) (*http.Response, error) {
	r.mu.Lock()
	r.reqs = append(r.reqs, req.Clone(req.Context()))
	r.mu.Unlock()
	return http.DefaultTransport.RoundTrip(req)
}

// recordedClient connects to the tenant's main app through a recorder.
func recordedClient(t *testing.T, tn *tenant) (*graph.Client, *recorder) {
	t.Helper()
	rec := &recorder{}
	c, err := graph.New(graph.Config{
		BaseURL:     tn.endpoints.GraphBaseURL(),
		TokenSource: tn.tokens(tn.info.ClientID, tn.info.ClientSecret),
		HTTPClient:  &http.Client{Transport: rec},
	})
	if err != nil {
		t.Fatal(err)
	}
	return c, rec
}

func TestUsersPagesVisitEveryUserOnceWithHeadersOnEveryPage(t *testing.T) {
	tn := startTenant(t, demotenant.Options{})
	c, rec := recordedClient(t, tn)
	p := c.Users(graph.UserQuery{Top: 40})
	seen := map[string]int{}
	pages := 0
	for p.More() {
		users, err := p.Next(context.Background())
		if err != nil {
			t.Fatalf("page %d: %v", pages+1, err)
		}
		if len(users) == 0 {
			t.Fatalf("page %d is empty", pages+1)
		}
		pages++
		for _, u := range users {
			seen[u.ID]++
		}
	}
	if p.Count() < 250 {
		t.Fatalf("Count() = %d, want the tenant's 250+ users", p.Count())
	}
	if len(seen) != p.Count() {
		t.Errorf("saw %d distinct users, Graph counted %d", len(seen), p.Count())
	}
	for id, n := range seen {
		if n != 1 {
			t.Errorf("user %s listed %d times", id, n)
		}
	}
	if want := (p.Count() + 39) / 40; pages != want {
		t.Errorf("%d pages, want %d", pages, want)
	}
	if again, err := p.Next(context.Background()); again != nil || err != nil {
		t.Errorf("Next after the last page = %v, %v", again, err)
	}
	var graphReqs int
	for _, r := range rec.reqs {
		if !strings.Contains(r.URL.Path, "/v1.0/users") {
			continue
		}
		graphReqs++
		if r.Header.Get("ConsistencyLevel") != "eventual" {
			t.Errorf("request %s lacks ConsistencyLevel: eventual", r.URL)
		}
	}
	if graphReqs != pages {
		t.Errorf("%d Graph requests for %d pages", graphReqs, pages)
	}
}

func TestSearchUsersFindsByNameAndKeepsCount(t *testing.T) {
	tn := startTenant(t, demotenant.Options{})
	ctx := context.Background()
	all, err := tn.client.Users(graph.UserQuery{}).All(ctx)
	if err != nil {
		t.Fatal(err)
	}
	target := all[len(all)/2]
	first := strings.Fields(target.DisplayName)[0]
	p := tn.client.Users(graph.UserQuery{Search: first, Top: 5})
	found, err := p.All(ctx)
	if err != nil {
		t.Fatalf("search %q: %v", first, err)
	}
	if p.Count() != len(found) || len(found) == 0 {
		t.Errorf("search %q: Count() = %d, got %d users", first, p.Count(), len(found))
	}
	var hit bool
	for _, u := range found {
		hit = hit || u.ID == target.ID
		if !strings.Contains(strings.ToLower(u.DisplayName+" "+u.UserPrincipalName+" "+u.Mail), strings.ToLower(first)) {
			t.Errorf("search %q returned %q (%s)", first, u.DisplayName, u.UserPrincipalName)
		}
	}
	if !hit {
		t.Errorf("search %q did not find %q", first, target.DisplayName)
	}
}

func TestSearchWithQuotesIsEscaped(t *testing.T) {
	tn := startTenant(t, demotenant.Options{})
	users, err := tn.client.Users(graph.UserQuery{Search: `no "such" person\`}).All(context.Background())
	if err != nil {
		t.Fatalf("search with quotes: %v", err)
	}
	if len(users) != 0 {
		t.Errorf("found %d users", len(users))
	}
}

func TestFilterUsers(t *testing.T) {
	tn := startTenant(t, demotenant.Options{})
	users, err := tn.client.Users(graph.UserQuery{Filter: "userType eq 'Guest'"}).All(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if len(users) == 0 {
		t.Fatal("no guests found; the demo tenant has one")
	}
	for _, u := range users {
		if u.UserType != "Guest" {
			t.Errorf("filter returned %s of type %q", u.UserPrincipalName, u.UserType)
		}
	}
}

package graph_test

import (
	"context"
	"net/http"
	"runtime"
	"strings"
	"testing"

	"github.com/entra-wizard/entra-wizard/demotenant"
	"github.com/entra-wizard/entra-wizard/graph"
	"github.com/entra-wizard/entra-wizard/oauth"
)

// BenchmarkConnectionTest counts the round trips of one connection test
// with a fresh token: the goal is one token request and one concurrent round
// of Graph calls.
func BenchmarkConnectionTest(b *testing.B) {
	tn := startTenant(b, demotenant.Options{})
	links := oauth.PortalLinks(tn.endpoints, tn.info.ClientID)
	tokens, graphs, all := tn.srv.TokenRequests(), tn.srv.GraphRequests(), tn.srv.Requests()
	b.ResetTimer()
	for b.Loop() {
		rep := graph.Check(context.Background(), graph.CheckConfig{
			Config: graph.Config{
				BaseURL:     tn.endpoints.GraphBaseURL(),
				TokenSource: tn.tokens(tn.info.ClientID, tn.info.ClientSecret),
				HTTPClient:  &http.Client{},
			},
			Links: links,
		})
		if !rep.OK() {
			b.Fatal(rep.Err)
		}
	}
	b.ReportMetric(float64(tn.srv.TokenRequests()-tokens)/float64(b.N), "token-requests/op")
	b.ReportMetric(float64(tn.srv.GraphRequests()-graphs)/float64(b.N), "graph-requests/op")
	b.ReportMetric(float64(tn.srv.Requests()-all)/float64(b.N), "requests/op")
}

// BenchmarkListAllUsers lists the 20,000 users of the large tenant, keeping
// them as the panel's list does. The goal is 21 requests (999 a page).
func BenchmarkListAllUsers(b *testing.B) {
	tn := startTenant(b, demotenant.Options{Scenario: demotenant.ScenarioLarge})
	ctx := context.Background()
	var peak uint64
	var ms runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&ms)
	base := ms.HeapAlloc
	before := tn.srv.GraphRequests()
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		p := tn.client.Users(graph.UserQuery{})
		var all []graph.User
		for p.More() {
			users, err := p.Next(ctx)
			if err != nil {
				b.Fatal(err)
			}
			all = append(all, users...)
			runtime.ReadMemStats(&ms)
			peak = max(peak, ms.HeapAlloc)
		}
		if len(all) < 20000 {
			b.Fatalf("listed %d users", len(all))
		}
	}
	b.ReportMetric(float64(tn.srv.GraphRequests()-before)/float64(b.N), "requests/op")
	b.ReportMetric(float64(peak-min(peak, base))/(1<<20), "peak-heap-MB")
}

// BenchmarkAddThousandMembers adds 1,000 users to a new group of the large
// tenant. The goal is at most 50 requests.
func BenchmarkAddThousandMembers(b *testing.B) {
	tn := startTenant(b, demotenant.Options{Scenario: demotenant.ScenarioLarge})
	ctx := context.Background()
	users, err := tn.client.Users(graph.UserQuery{Filter: "userType eq 'Member'"}).All(ctx)
	if err != nil || len(users) < 1000 {
		b.Fatalf("users: %d, %v", len(users), err)
	}
	ids := make([]string, 1000)
	for i := range ids {
		ids[i] = users[i].ID
	}
	var requests int64
	b.ResetTimer()
	for b.Loop() {
		b.StopTimer()
		g, err := tn.client.CreateGroup(ctx, graph.NewGroup{DisplayName: "Bench group"})
		if err != nil {
			b.Fatal(err)
		}
		before := tn.srv.GraphRequests()
		b.StartTimer()
		for _, r := range tn.client.AddMembers(ctx, g.ID, ids, nil) {
			if r.Err != nil {
				b.Fatal(r.Err)
			}
		}
		requests += tn.srv.GraphRequests() - before
	}
	b.ReportMetric(float64(requests)/float64(b.N), "requests/op")
}

// BenchmarkFirstSearchResults measures the time from a search to its first
// page of results on the large tenant, as the panel's search box waits.
func BenchmarkFirstSearchResults(b *testing.B) {
	tn := startTenant(b, demotenant.Options{Scenario: demotenant.ScenarioLarge})
	ctx := context.Background()
	some, err := tn.client.Users(graph.UserQuery{Top: 500}).Next(ctx) // gets the token too
	if err != nil {
		b.Fatal(err)
	}
	term := strings.Fields(some[len(some)-1].DisplayName)[0][:3]
	b.ResetTimer()
	for b.Loop() {
		users, err := tn.client.Users(graph.UserQuery{Search: term, Top: 50}).Next(ctx)
		if err != nil {
			b.Fatal(err)
		}
		if len(users) == 0 {
			b.Fatal("no results")
		}
	}
}

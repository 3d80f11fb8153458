package graph_test

import (
	"context"
	"fmt"
	"testing"

	"github.com/entra-wizard/entra-wizard/demotenant"
	"github.com/entra-wizard/entra-wizard/graph"
)

// BenchmarkDeltaBaselineLargeTenant records a change-tracking baseline of
// the large tenant's 20,000 users: a delta round from nothing to the delta
// link, at 999 users a page.
func BenchmarkDeltaBaselineLargeTenant(b *testing.B) {
	tn := startTenant(b, demotenant.Options{Scenario: demotenant.ScenarioLarge})
	ctx := context.Background()
	before := tn.srv.GraphRequests()
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		round, err := tn.client.DeltaRound(ctx, graph.Users, "", graph.RoundOptions{})
		if err != nil {
			b.Fatal(err)
		}
		if len(round.Items) < 20000 {
			b.Fatalf("baseline of %d users", len(round.Items))
		}
	}
	b.ReportMetric(float64(tn.srv.GraphRequests()-before)/float64(b.N), "requests/op")
}

// BenchmarkDeltaAfterTenChanges asks the large tenant what changed after
// ten users were edited. The goal is one request.
func BenchmarkDeltaAfterTenChanges(b *testing.B) {
	tn := startTenant(b, demotenant.Options{Scenario: demotenant.ScenarioLarge})
	ctx := context.Background()
	round, err := tn.client.DeltaRound(ctx, graph.Users, "", graph.RoundOptions{})
	if err != nil {
		b.Fatal(err)
	}
	link, users := round.DeltaLink, round.Items[:10]
	var requests int64
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		b.StopTimer()
		for _, u := range users {
			title := fmt.Sprintf("Benchmark title %d", i)
			if err := tn.client.UpdateUser(ctx, u.ID, graph.UserChanges{JobTitle: &title}); err != nil {
				b.Fatal(err)
			}
		}
		before := tn.srv.GraphRequests()
		b.StartTimer()
		round, err := tn.client.DeltaRound(ctx, graph.Users, link, graph.RoundOptions{})
		if err != nil {
			b.Fatal(err)
		}
		requests += tn.srv.GraphRequests() - before
		if len(round.Items) != 10 {
			b.Fatalf("%d changed users, want 10", len(round.Items))
		}
		link = round.DeltaLink
	}
	b.ReportMetric(float64(requests)/float64(b.N), "requests/op")
}

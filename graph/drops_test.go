package graph_test

import (
	"context"
	"errors"
	"slices"
	"testing"

	"github.com/entra-wizard/entra-wizard/demotenant"
	"github.com/entra-wizard/entra-wizard/graph"
)

// dropRuns is how many bulk add-and-remove runs go through a demo tenant
// that drops every third Graph connection.
const dropRuns = 3

// createGroupDespiteDrops creates the test's group. Creating is not safe to
// send again by itself (a lost answer could hide a created group), so the
// test, which knows no group exists yet, tries again.
func createGroupDespiteDrops(t *testing.T, c *graph.Client, name string) graph.Group {
	t.Helper()
	var err error
	for range 5 {
		var g graph.Group
		if g, err = c.CreateGroup(context.Background(), graph.NewGroup{DisplayName: name}); err == nil {
			return g
		}
	}
	t.Fatalf("creating the group: %v", err)
	return graph.Group{}
}

func TestBulkMembershipLosesNothingWhenConnectionsDrop(t *testing.T) {
	tn := startTenant(t, demotenant.Options{Scenario: demotenant.ScenarioLarge, DropEvery: 3})
	ctx := context.Background()
	ids := memberUsers(t, tn.client, 200) // paging through dropped connections too
	lostAdds, lostRemoves, reported := 0, 0, 0
	for run := 1; run <= dropRuns; run++ {
		g := createGroupDespiteDrops(t, tn.client, "Dropped connections "+string(rune('A'+run)))
		for _, r := range tn.client.AddMembers(ctx, g.ID, ids, nil) {
			if r.Err != nil {
				reported++
				t.Errorf("run %d: add %s: %v", run, r.ID, r.Err)
			}
		}
		got := memberIDs(t, tn.client, g.ID, false)
		for _, id := range ids {
			if !slices.Contains(got, id) {
				lostAdds++
			}
		}
		for _, r := range tn.client.RemoveMembers(ctx, g.ID, ids, nil) {
			if r.Err != nil {
				reported++
				t.Errorf("run %d: remove %s: %v", run, r.ID, r.Err)
			}
		}
		lostRemoves += len(memberIDs(t, tn.client, g.ID, false))
	}
	t.Logf("%d runs of adding and removing %d members with every 3rd connection dropped: %d adds lost, %d removals lost, %d failures reported",
		dropRuns, len(ids), lostAdds, lostRemoves, reported)
	if lostAdds+lostRemoves > 0 {
		t.Fatalf("%d adds and %d removals were lost", lostAdds, lostRemoves)
	}
}

func TestReadsSurviveADroppedConnection(t *testing.T) {
	tn := startTenant(t, demotenant.Options{DropEvery: 2})
	for i := range 6 {
		if _, err := tn.client.SKUs(context.Background()); err != nil {
			t.Fatalf("read %d with every 2nd connection dropped: %v", i, err)
		}
	}
}

func TestAddingAMemberTwiceIsNotAFailure(t *testing.T) {
	tn := startTenant(t, demotenant.Options{})
	ctx := context.Background()
	g := createGroupDespiteDrops(t, tn.client, "Twice")
	ids := memberUsers(t, tn.client, 3)
	_ = tn.client.AddMembers(ctx, g.ID, ids[:1], nil)
	for _, r := range tn.client.AddMembers(ctx, g.ID, ids, nil) {
		if r.Err != nil || (r.ID == ids[0]) != r.Already {
			t.Errorf("%s: err %v, already %v", r.ID, r.Err, r.Already)
		}
		if errors.Is(r.Err, graph.ErrConflict) {
			t.Errorf("already a member was reported as a conflict")
		}
	}
}

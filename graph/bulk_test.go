package graph_test

import (
	"context"
	"errors"
	"slices"
	"testing"

	"github.com/entra-wizard/entra-wizard/demotenant"
	"github.com/entra-wizard/entra-wizard/graph"
)

// memberUsers returns n member accounts of the tenant.
func memberUsers(t *testing.T, c *graph.Client, n int) []string {
	t.Helper()
	users, err := c.Users(graph.UserQuery{Filter: "userType eq 'Member'"}).All(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if len(users) < n {
		t.Fatalf("tenant has %d members, need %d", len(users), n)
	}
	ids := make([]string, n)
	for i := range ids {
		ids[i] = users[i].ID
	}
	return ids
}

// progressLog records progress calls and checks they only move forward.
type progressLog struct {
	t     *testing.T
	calls [][2]int
}

func (p *progressLog) report(done, total int) {
	if n := len(p.calls); n > 0 && done < p.calls[n-1][0] {
		p.t.Errorf("progress went back from %d to %d", p.calls[n-1][0], done)
	}
	p.calls = append(p.calls, [2]int{done, total})
}

func (p *progressLog) endsAt(total int) bool {
	return len(p.calls) > 0 && p.calls[len(p.calls)-1] == [2]int{total, total}
}

func TestAddMembersReportsEachItem(t *testing.T) {
	tn := startTenant(t, demotenant.Options{})
	ctx := context.Background()
	g, err := tn.client.CreateGroup(ctx, graph.NewGroup{DisplayName: "Bulk target"})
	if err != nil {
		t.Fatal(err)
	}
	ids := memberUsers(t, tn.client, 45)
	already := ids[25]
	if err := tn.client.AddMember(ctx, g.ID, already); err != nil {
		t.Fatal(err)
	}
	missing := "00000000-0000-4000-8000-00000000beef"
	ids = append(ids, missing)
	before := tn.srv.GraphRequests()
	progress := &progressLog{t: t}
	results := tn.client.AddMembers(ctx, g.ID, ids, progress.report)
	requests := tn.srv.GraphRequests() - before

	if len(results) != len(ids) {
		t.Fatalf("%d results for %d ids", len(results), len(ids))
	}
	for i, r := range results {
		switch {
		case r.ID != ids[i]:
			t.Errorf("result %d is for %s, want %s", i, r.ID, ids[i])
		case r.ID == already:
			if r.Err != nil || !r.Already {
				t.Errorf("already a member: err %v, Already %v; want success, marked Already", r.Err, r.Already)
			}
		case r.ID == missing:
			if !errors.Is(r.Err, graph.ErrNotFound) {
				t.Errorf("no such object: %v, want ErrNotFound", r.Err)
			}
		case r.Err != nil:
			t.Errorf("add %s: %v", r.ID, r.Err)
		}
	}
	got := memberIDs(t, tn.client, g.ID, false)
	slices.Sort(got)
	want := slices.Clone(ids[:45])
	slices.Sort(want)
	if !slices.Equal(got, want) {
		t.Errorf("group has %d members, want the %d added", len(got), len(want))
	}
	if !progress.endsAt(len(ids)) {
		t.Errorf("progress calls %v do not end at %d of %d", progress.calls, len(ids), len(ids))
	}
	// Chunks 1 and 2 fail whole and fall back to one request per item; the
	// third (6 ids) goes through in one.
	if requests > 2+40+1 {
		t.Errorf("%d requests", requests)
	}
}

func TestBulkMembershipCompletesWhenThrottled(t *testing.T) {
	tn := startTenant(t, demotenant.Options{ThrottleEvery: 3, RetryAfter: 1})
	ctx := context.Background()
	g, err := tn.client.CreateGroup(ctx, graph.NewGroup{DisplayName: "Throttled target"})
	if err != nil {
		t.Fatal(err)
	}
	ids := memberUsers(t, tn.client, 50)
	for _, r := range tn.client.AddMembers(ctx, g.ID, ids, nil) {
		if r.Err != nil {
			t.Errorf("add %s: %v", r.ID, r.Err)
		}
	}
	if got := memberIDs(t, tn.client, g.ID, false); len(got) != len(ids) {
		t.Fatalf("group has %d members after a throttled add of %d", len(got), len(ids))
	}
	progress := &progressLog{t: t}
	for _, r := range tn.client.RemoveMembers(ctx, g.ID, ids[:30], progress.report) {
		if r.Err != nil {
			t.Errorf("remove %s: %v", r.ID, r.Err)
		}
	}
	got := memberIDs(t, tn.client, g.ID, false)
	slices.Sort(got)
	want := slices.Clone(ids[30:])
	slices.Sort(want)
	if !slices.Equal(got, want) {
		t.Errorf("after removing 30 of 50, %d members remain, want %d", len(got), len(want))
	}
	if !progress.endsAt(30) {
		t.Errorf("progress %v", progress.calls)
	}
	if len(tn.clock.asked()) == 0 {
		t.Error("no Retry-After was waited out on the client's clock")
	}
}

func TestRemoveMembersReportsEachItem(t *testing.T) {
	tn := startTenant(t, demotenant.Options{})
	ctx := context.Background()
	g, err := tn.client.CreateGroup(ctx, graph.NewGroup{DisplayName: "Remove target"})
	if err != nil {
		t.Fatal(err)
	}
	ids := memberUsers(t, tn.client, 25)
	for _, r := range tn.client.AddMembers(ctx, g.ID, ids[:24], nil) {
		if r.Err != nil {
			t.Fatal(r.Err)
		}
	}
	before := tn.srv.GraphRequests()
	results := tn.client.RemoveMembers(ctx, g.ID, ids, nil)
	if n := tn.srv.GraphRequests() - before; n != 2 {
		t.Errorf("%d requests to remove 25, want 2 batches", n)
	}
	for i, r := range results {
		if i == 24 {
			if !errors.Is(r.Err, graph.ErrNotFound) {
				t.Errorf("removing a non-member: %v, want ErrNotFound", r.Err)
			}
			continue
		}
		if r.Err != nil {
			t.Errorf("remove %s: %v", r.ID, r.Err)
		}
	}
	if got := memberIDs(t, tn.client, g.ID, false); len(got) != 0 {
		t.Errorf("%d members left", len(got))
	}
}

func TestBulkStopsWhenPermissionIsMissing(t *testing.T) {
	tn := startTenant(t, demotenant.Options{Scenario: demotenant.ScenarioReadOnly})
	ctx := context.Background()
	sales := groupNamed(t, tn.client, "Sales")
	ids := memberUsers(t, tn.client, 60)
	before := tn.srv.GraphRequests()
	results := tn.client.AddMembers(ctx, sales.ID, ids, nil)
	if n := tn.srv.GraphRequests() - before; n != 1 {
		t.Errorf("%d requests after the first was refused, want 1", n)
	}
	for _, r := range results {
		e, ok := graph.AsError(r.Err)
		if !ok || !errors.Is(e, graph.ErrDenied) || !slices.Contains(e.Needs, "GroupMember.ReadWrite.All") {
			t.Fatalf("result %+v; want a denial naming GroupMember.ReadWrite.All", r)
		}
	}
}

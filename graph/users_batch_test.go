package graph_test

import (
	"context"
	"fmt"
	"testing"

	"github.com/entra-wizard/entra-wizard/demotenant"
	"github.com/entra-wizard/entra-wizard/graph"
)

// newUsers are n users of the tenant's domain, named after prefix.
func newUsers(tn *tenant, prefix string, n int) []graph.NewUser {
	users := make([]graph.NewUser, n)
	for i := range users {
		users[i] = graph.NewUser{
			DisplayName:       fmt.Sprintf("%s %d", prefix, i),
			UserPrincipalName: fmt.Sprintf("%s.%d@%s", prefix, i, tn.info.TenantDomain),
			Department:        "Imports", UsageLocation: "de", City: "Berlin",
			BlockSignIn: i%2 == 1,
			Password:    "Start-Here-2026!",
		}
	}
	return users
}

func TestCreateUsersInBatchesSurvivesThrottlingAndRunsTwice(t *testing.T) {
	tn := startTenant(t, demotenant.Options{ThrottleBatchPartEvery: 7, RetryAfter: 2})
	ctx := context.Background()
	users := newUsers(tn, "batch", 45)
	users[3].UserPrincipalName = "batch.3@not-verified.example" // refused by Graph, alone
	before := tn.srv.GraphRequests()
	progress := &progressLog{t: t}
	results := tn.client.CreateUsers(ctx, users, progress.report)
	if len(results) != len(users) {
		t.Fatalf("%d results for %d users", len(results), len(users))
	}
	for i, r := range results {
		switch {
		case i == 3 && r.Err == nil:
			t.Errorf("a user of an unverified domain was created")
		case i != 3 && (r.Err != nil || r.Already):
			t.Errorf("%s: err %v, already %v", r.ID, r.Err, r.Already)
		}
	}
	if !progress.endsAt(len(users)) {
		t.Errorf("progress %v", progress.calls)
	}
	if len(tn.clock.asked()) == 0 {
		t.Error("throttled creations were not waited for")
	}
	// 45 users are 3 batches, sent again once or twice for the throttled.
	if n := tn.srv.GraphRequests() - before; n > 9 {
		t.Errorf("%d requests to create 45 users", n)
	}
	got, err := tn.client.User(ctx, users[1].UserPrincipalName)
	if err != nil {
		t.Fatal(err)
	}
	if got.AccountEnabled || got.Department != "Imports" || got.UsageLocation != "DE" {
		t.Errorf("created %+v", got)
	}

	again := tn.client.CreateUsers(ctx, users, nil)
	for i, r := range again {
		if i != 3 && (r.Err != nil || !r.Already) {
			t.Errorf("second run, %s: err %v, already %v", r.ID, r.Err, r.Already)
		}
	}
}

func TestExistingUserPrincipalNames(t *testing.T) {
	tn := startTenant(t, demotenant.Options{ThrottleBatchPartEvery: 5})
	ctx := context.Background()
	users := newUsers(tn, "exists", 3)
	users[1].UserPrincipalName = "o'brien@" + tn.info.TenantDomain // an apostrophe is allowed
	for _, r := range tn.client.CreateUsers(ctx, users[:2], nil) {
		if r.Err != nil {
			t.Fatal(r.Err)
		}
	}
	upns := []string{"EXISTS.0@" + tn.info.TenantDomain, users[1].UserPrincipalName, users[2].UserPrincipalName}
	for i := range 40 {
		upns = append(upns, fmt.Sprintf("nobody.%d@%s", i, tn.info.TenantDomain))
	}
	before := tn.srv.GraphRequests()
	progress := &progressLog{t: t}
	found, err := tn.client.ExistingUserPrincipalNames(ctx, upns, progress.report)
	if err != nil {
		t.Fatal(err)
	}
	if len(found) != 2 || !found["exists.0@"+tn.info.TenantDomain] || !found[users[1].UserPrincipalName] {
		t.Errorf("found %v", found)
	}
	// 43 names are 3 lookups of 15 in one $batch, one of them throttled
	// and sent again.
	if n := tn.srv.GraphRequests() - before; n != 2 {
		t.Errorf("%d requests to look up 43 names", n)
	}
	if !progress.endsAt(len(upns)) {
		t.Errorf("progress %v", progress.calls)
	}
}

package graph_test

import (
	"context"
	"errors"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/entra-wizard/entra-wizard/demotenant"
	"github.com/entra-wizard/entra-wizard/graph"
)

func TestDeltaRoundBaselineThenOnlyTheChange(t *testing.T) {
	tn := startTenant(t, demotenant.Options{})
	ctx := context.Background()
	base, err := tn.client.DeltaRound(ctx, graph.Users, "", graph.RoundOptions{})
	if err != nil {
		t.Fatalf("baseline: %v", err)
	}
	all, err := tn.client.Users(graph.UserQuery{}).All(ctx)
	if err != nil {
		t.Fatal(err)
	}
	// Graph holds at most 200 users to a delta page.
	if len(base.Items) != len(all) || base.Requests != (len(all)+199)/200 || base.Requests < 2 || base.DeltaLink == "" {
		t.Fatalf("baseline of %d users in %d requests, link %q; the tenant has %d", len(base.Items), base.Requests, base.DeltaLink, len(all))
	}
	title := "Delta Analyst"
	if err := tn.client.UpdateUser(ctx, all[7].ID, graph.UserChanges{JobTitle: &title}); err != nil {
		t.Fatal(err)
	}
	next, err := tn.client.DeltaRound(ctx, graph.Users, base.DeltaLink, graph.RoundOptions{})
	if err != nil {
		t.Fatalf("delta: %v", err)
	}
	want := []graph.DeltaItem{{ID: all[7].ID, Properties: []string{"jobTitle"}}}
	if !reflect.DeepEqual(next.Items, want) {
		t.Errorf("delta items %+v, want %+v", next.Items, want)
	}
}

func TestDeltaRoundGroupsCarryMembers(t *testing.T) {
	tn := startTenant(t, demotenant.Options{})
	ctx := context.Background()
	base, err := tn.client.DeltaRound(ctx, graph.Groups, "", graph.RoundOptions{})
	if err != nil {
		t.Fatal(err)
	}
	g, err := tn.client.CreateGroup(ctx, graph.NewGroup{DisplayName: "Delta Group"})
	if err != nil {
		t.Fatal(err)
	}
	member := base.Items[0].Added[0]
	if err := tn.client.AddMember(ctx, base.Items[0].ID, g.ID); err != nil {
		t.Fatal(err)
	}
	if err := tn.client.RemoveMember(ctx, base.Items[0].ID, member); err != nil {
		t.Fatal(err)
	}
	next, err := tn.client.DeltaRound(ctx, graph.Groups, base.DeltaLink, graph.RoundOptions{})
	if err != nil {
		t.Fatal(err)
	}
	byID := map[string]graph.DeltaItem{}
	for _, it := range next.Items {
		byID[it.ID] = it
	}
	if it := byID[base.Items[0].ID]; !reflect.DeepEqual(it.Added, []string{g.ID}) || !reflect.DeepEqual(it.Left, []string{member}) {
		t.Errorf("membership change %+v", it)
	}
	if it := byID[g.ID]; it.DisplayName != "Delta Group" {
		t.Errorf("new group %+v", it)
	}
}

func TestDeltaRoundUnknownLinkNeedsResync(t *testing.T) {
	tn := startTenant(t, demotenant.Options{})
	link := tn.info.Graph + "/v1.0/users/delta?$deltatoken=expired"
	_, err := tn.client.DeltaRound(context.Background(), graph.Users, link, graph.RoundOptions{})
	if !errors.Is(err, graph.ErrResync) || !strings.Contains(err.Error(), "syncStateNotFound") {
		t.Errorf("unknown link: %v, want ErrResync naming syncStateNotFound", err)
	}
}

func TestDeltaRoundGivesUpAfterItsAttempts(t *testing.T) {
	tn := startTenant(t, demotenant.Options{})
	url := tn.info.Graph
	if _, err := tn.client.DeltaPage(context.Background(), graph.Groups, ""); err != nil {
		t.Fatal(err) // and the token is in hand
	}
	tn.srv.Close()
	var waits []time.Duration
	_, err := tn.client.DeltaRound(context.Background(), graph.Users, url+"/v1.0/users/delta", graph.RoundOptions{
		Attempts: 3,
		Wait:     func(_ context.Context, d time.Duration) error { waits = append(waits, d); return nil },
	})
	if !errors.Is(err, graph.ErrUnreachable) || !reflect.DeepEqual(waits, []time.Duration{time.Second, 2 * time.Second}) {
		t.Errorf("err %v after waits %v; want unreachable after 3 attempts with growing waits", err, waits)
	}
}

func TestClassifyLikeTriggers(t *testing.T) {
	at := time.Date(2026, 11, 26, 12, 0, 0, 0, time.UTC)
	known := graph.Known{}
	known.Absorb([]graph.DeltaItem{{ID: "u1", DisplayName: "Ada"}, {ID: "u2", DisplayName: "Grace"}, {ID: "g1", DisplayName: "Team"}})
	users := known.Classify(graph.Users, []graph.DeltaItem{
		{ID: "u3", DisplayName: "Linus", Properties: []string{"displayName", "mail"}},
		{ID: "u1", Properties: []string{"department", "jobTitle"}},
		{ID: "u2", Removed: "changed"},
		{ID: "u1", Properties: nil}, // nothing tracked changed: no event
	}, at)
	groups := known.Classify(graph.Groups, []graph.DeltaItem{
		{ID: "g1", DisplayName: "Team A", Properties: []string{"displayName"}, Left: []string{"u2"}},
	}, at)
	want := []graph.Change{
		{Type: graph.UserCreated, ID: "u3", DisplayName: "Linus", Changed: []string{}, ObservedAt: at},
		{Type: graph.UserUpdated, ID: "u1", DisplayName: "Ada", Changed: []string{"department", "jobTitle"}, ObservedAt: at},
		{Type: graph.UserDeleted, ID: "u2", DisplayName: "Grace", Changed: []string{}, ObservedAt: at},
		{Type: graph.GroupUpdated, ID: "g1", DisplayName: "Team A", Changed: []string{"displayName", "members"}, ObservedAt: at},
	}
	if got := append(users, groups...); !reflect.DeepEqual(got, want) {
		t.Errorf("classified\n%+v\nwant\n%+v", got, want)
	}
	if _, still := known["u2"]; still || known["g1"] != "Team A" || known["u3"] != "Linus" {
		t.Errorf("known objects not brought up to date: %v", known)
	}
}

package graph_test

import (
	"context"
	"testing"

	"github.com/entra-wizard/entra-wizard/demotenant"
)

func TestManagerReadAndSet(t *testing.T) {
	tn := startTenant(t, demotenant.Options{})
	ctx := context.Background()
	users := newUsers(tn, "managed", 2)
	for _, r := range tn.client.CreateUsers(ctx, users, nil) {
		if r.Err != nil {
			t.Fatal(r.Err)
		}
	}
	report, _ := tn.client.User(ctx, users[0].UserPrincipalName)
	boss, _ := tn.client.User(ctx, users[1].UserPrincipalName)
	if _, ok, err := tn.client.Manager(ctx, report.ID); ok || err != nil {
		t.Fatalf("a user without a manager: ok %v, %v", ok, err)
	}
	if err := tn.client.SetManager(ctx, report.ID, boss.ID); err != nil {
		t.Fatal(err)
	}
	m, ok, err := tn.client.Manager(ctx, report.ID)
	if err != nil || !ok || m.ID != boss.ID || m.DisplayName != boss.DisplayName {
		t.Errorf("manager %+v, ok %v, %v", m, ok, err)
	}
}

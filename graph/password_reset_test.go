package graph_test

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/entra-wizard/entra-wizard/demotenant"
	"github.com/entra-wizard/entra-wizard/graph"
)

func TestResetPassword(t *testing.T) {
	tn := startTenant(t, demotenant.Options{})
	ctx := context.Background()
	all, err := tn.client.Users(graph.UserQuery{Top: 999}).All(ctx)
	if err != nil {
		t.Fatal(err)
	}
	var member, admin, synced graph.User
	for _, u := range all {
		switch {
		case u.OnPremisesSync && synced.ID == "":
			synced = u
		case u.UserPrincipalName == "megan@"+tn.info.TenantDomain:
			member = u
		case u.UserPrincipalName == "admin@"+tn.info.TenantDomain:
			admin = u
		}
	}
	if member.ID == "" || admin.ID == "" || synced.ID == "" {
		t.Fatalf("the demo tenant lacks a member, an administrator or a synchronised user: %q %q %q", member.ID, admin.ID, synced.ID)
	}
	pw, err := graph.GeneratePassword()
	if err != nil {
		t.Fatal(err)
	}
	if err := tn.client.ResetPassword(ctx, member, pw, true); err != nil {
		t.Errorf("resetting a member's password: %v", err)
	}
	err = tn.client.ResetPassword(ctx, member, "short", true)
	if ge, ok := graph.AsError(err); !ok || ge.Status != 400 || !strings.Contains(ge.Plain(), "complexity") {
		t.Errorf("a password the tenant refuses: %v, want Graph's reason", err)
	}
	// Entra refuses an app's reset of an administrator's password: that
	// needs a Privileged Authentication Administrator or a Global
	// Administrator.
	if err := tn.client.ResetPassword(ctx, admin, pw, true); !errors.Is(err, graph.ErrDenied) {
		t.Errorf("resetting an administrator's password: %v, want ErrDenied", err)
	}
	before := tn.srv.GraphRequests()
	if err := tn.client.ResetPassword(ctx, synced, pw, true); !errors.Is(err, graph.ErrOnPremisesPassword) {
		t.Errorf("resetting a synchronised user's password: %v, want ErrOnPremisesPassword", err)
	}
	if tn.srv.GraphRequests() != before {
		t.Error("the reset of a synchronised user's password was sent to Graph")
	}
}

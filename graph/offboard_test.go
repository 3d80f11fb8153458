package graph_test

import (
	"context"
	"errors"
	"fmt"
	"testing"

	"github.com/entra-wizard/entra-wizard/demotenant"
	"github.com/entra-wizard/entra-wizard/graph"
)

func TestUserHoldingsInOneBatch(t *testing.T) {
	tn := startTenant(t, demotenant.Options{})
	ctx := context.Background()
	c := tn.client
	megan := "megan@" + tn.info.TenantDomain
	before := tn.srv.GraphRequests()
	h, err := c.UserHoldings(ctx, megan)
	if err != nil {
		t.Fatal(err)
	}
	if n := tn.srv.GraphRequests() - before; n != 1 {
		t.Errorf("reading what a user holds took %d requests, want one $batch", n)
	}
	licenses, err := c.UserLicenses(ctx, h.User.ID)
	if err != nil {
		t.Fatal(err)
	}
	groups, err := c.UserGroups(ctx, h.User.ID)
	if err != nil {
		t.Fatal(err)
	}
	owned, err := c.OwnedGroups(ctx, h.User.ID)
	if err != nil {
		t.Fatal(err)
	}
	if h.User.DisplayName != "Megan Bowen" || fmt.Sprint(h.Licenses) != fmt.Sprint(licenses) ||
		fmt.Sprint(h.Groups) != fmt.Sprint(groups) || fmt.Sprint(h.Owned) != fmt.Sprint(owned) || len(h.Owned) == 0 {
		t.Errorf("holdings %+v\nwant licenses %v, groups %v, owned %v", h, licenses, groups, owned)
	}
	if _, err := c.UserHoldings(ctx, "nobody@"+tn.info.TenantDomain); !errors.Is(err, graph.ErrNotFound) {
		t.Errorf("a user who does not exist: %v, want ErrNotFound", err)
	}
}

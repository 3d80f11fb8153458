package graph_test

import (
	"context"
	"slices"
	"testing"

	"github.com/entra-wizard/entra-wizard/demotenant"
	"github.com/entra-wizard/entra-wizard/graph"
	"golang.org/x/oauth2"
)

// A refused read names the permissions Microsoft's API reference lists for
// it: assigning licenses does not list the tenant's subscriptions, and
// reading or writing users does not list a user's groups.
func TestRefusedReadsNameTheirListedPermissions(t *testing.T) {
	tn := startTenant(t, demotenant.Options{AutoSignIn: true})
	tok := tn.signIn(t, tn.adminUPN(), "User.ReadWrite.All", "LicenseAssignment.ReadWrite.All")
	c, err := graph.New(graph.Config{BaseURL: tn.endpoints.GraphBaseURL(), TokenSource: oauth2.StaticTokenSource(tok)})
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	_, skuErr := c.SKUs(ctx)
	_, groupsErr := c.UserGroups(ctx, tn.adminUPN())
	for _, tc := range []struct {
		name         string
		err          error
		want, unwant string
	}{
		{"list the tenant's licenses", skuErr, "LicenseAssignment.Read.All", "LicenseAssignment.ReadWrite.All"},
		{"list the user's groups", groupsErr, "GroupMember.Read.All", "User.Read.All"},
	} {
		e, ok := graph.AsError(tc.err)
		if !ok || e.Status != 403 {
			t.Errorf("%s: %v, want Graph's 403", tc.name, tc.err)
			continue
		}
		if !slices.Contains(e.Needs, tc.want) || slices.Contains(e.Needs, tc.unwant) {
			t.Errorf("%s: hint names %v, want %s and not %s", tc.name, e.Needs, tc.want, tc.unwant)
		}
	}
}

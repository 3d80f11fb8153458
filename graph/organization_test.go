package graph_test

import (
	"context"
	"slices"
	"testing"

	"github.com/entra-wizard/entra-wizard/demotenant"
)

func TestOrganizationListsVerifiedDomainsDefaultFirst(t *testing.T) {
	tn := startTenant(t, demotenant.Options{})
	org, err := tn.client.Organization(context.Background())
	if err != nil {
		t.Fatalf("Organization: %v", err)
	}
	if org.ID != tn.info.TenantID || org.DisplayName == "" {
		t.Errorf("organization %q (%s), want the tenant %s", org.DisplayName, org.ID, tn.info.TenantID)
	}
	if len(org.VerifiedDomains) < 2 || org.VerifiedDomains[0] != tn.info.TenantDomain {
		t.Fatalf("verified domains %v: want the default %s first, then the others", org.VerifiedDomains, tn.info.TenantDomain)
	}
	if !slices.Contains(org.VerifiedDomains, "northwind-demo.example") {
		t.Errorf("verified domains %v miss northwind-demo.example", org.VerifiedDomains)
	}
}

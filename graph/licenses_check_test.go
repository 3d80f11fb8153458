package graph_test

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/entra-wizard/entra-wizard/demotenant"
	"github.com/entra-wizard/entra-wizard/demotenant/demotest"
	"github.com/entra-wizard/entra-wizard/graph"
)

// TestLicensesNeedReadingTheSubscriptionsToo checks that an app that may
// assign licenses but not list the organization's subscriptions (GET
// /subscribedSkus takes Organization.Read.All or kin, which
// LicenseAssignment.ReadWrite.All does not give) is not told that
// licenses work: the panel could not offer a license to assign.
func TestLicensesNeedReadingTheSubscriptionsToo(t *testing.T) {
	tn := startTenant(t, demotenant.Options{})
	app := demotest.App(t, tn.info, "Northwind License Desk")
	if _, err := tn.connect(t, app.ClientID, app.Secret).SKUs(context.Background()); !errors.Is(err, graph.ErrDenied) {
		t.Fatalf("listing subscriptions with LicenseAssignment.ReadWrite.All alone: %v, want a refusal", err)
	}
	rep := tn.check(app.ClientID, app.Secret)
	if rep.Err != nil {
		t.Fatal(rep.Err)
	}
	for _, f := range rep.Features {
		if f.Feature != graph.Licenses {
			continue
		}
		if f.OK || f.Needs[0] != "Organization.Read.All" || !strings.Contains(f.Problem, "Organization.Read.All") ||
			!strings.Contains(f.Fix, "Organization.Read.All") {
			t.Errorf("licenses: OK=%v needs %v, problem %q, fix %q", f.OK, f.Needs, f.Problem, f.Fix)
		}
	}
	if !rep.Allows(graph.ReadUsers) {
		t.Error("reading users should work")
	}
}

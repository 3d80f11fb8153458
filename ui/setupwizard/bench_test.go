package setupwizard

import (
	"context"
	"testing"

	"github.com/entra-wizard/entra-wizard/connection"
	"github.com/entra-wizard/entra-wizard/demotenant"
	"github.com/entra-wizard/entra-wizard/demotenant/demotest"
	"github.com/entra-wizard/entra-wizard/keystore"
	"github.com/entra-wizard/entra-wizard/ui/setupwizard/flow"
)

// BenchmarkWizardSecretTest measures the wizard's connection test with a
// client secret against the demo tenant, and counts its round trips.
func BenchmarkWizardSecretTest(b *testing.B) {
	srv := demotest.Start(b, demotenant.Options{})
	info := srv.Info()
	var engine connection.Engine
	attempt := attemptOf(flow.State{Method: keystore.MethodClientSecret, Cloud: keystore.CloudCustom,
		Authority: info.Authority, Graph: info.Graph, ClientID: info.ClientID, Tenant: info.TenantID, Secret: info.ClientSecret})
	tokens, graphCalls := srv.TokenRequests(), srv.GraphRequests()
	b.ResetTimer()
	for b.Loop() {
		if res := engine.Test(context.Background(), attempt); !res.Report.OK() {
			b.Fatalf("test failed: %v", res.Report.Err)
		}
	}
	b.ReportMetric(float64(srv.TokenRequests()-tokens)/float64(b.N), "token-requests/op")
	b.ReportMetric(float64(srv.GraphRequests()-graphCalls)/float64(b.N), "graph-requests/op")
}

// BenchmarkWizardFieldCheck measures the check that runs on every key
// press in the credentials page.
func BenchmarkWizardFieldCheck(b *testing.B) {
	w := flow.New(nil)
	w.SetMethod(keystore.MethodClientSecret)
	w.State.ClientID = "3f2a9c1e-8b4d-4e6f-a1b2-c3d4e5f60718"
	w.State.Tenant = "contoso.onmicrosoft.com"
	w.State.Secret = "0b1c2d3e-4f50-6172-8394-a5b6c7d8e9f0"
	for b.Loop() {
		_ = w.FieldError(flow.FieldClientID)
		_ = w.FieldError(flow.FieldTenant)
		_ = w.FieldError(flow.FieldSecret)
		_ = w.SecretWarning()
	}
}

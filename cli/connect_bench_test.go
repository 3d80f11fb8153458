package cli

import (
	"context"
	"testing"
	"time"

	"github.com/entra-wizard/entra-wizard/demotenant"
	"github.com/entra-wizard/entra-wizard/demotenant/demotest"
)

// BenchmarkConnectionTest measures the connection test that connect and
// status run, against a demo tenant that delays every answer by a fixed
// latency. The goal is one token request plus one round of Graph calls
// made at the same time, so about two latencies per test:
//
//	token-requests/op   requests to the token endpoint
//	graph-requests/op   Graph requests
//	round-trips/op      wall time divided by the latency (sequential calls add one each)
func BenchmarkConnectionTest(b *testing.B) {
	const latency = 25 * time.Millisecond
	srv := demotest.Start(b, demotenant.Options{Latency: latency})
	info := srv.Info()
	opts := connectOptions{
		Name: "bench", Tenant: info.TenantID, ClientID: info.ClientID, SecretStdin: true,
		Authority: info.Authority, Graph: info.Graph,
	}
	target, err := opts.target()
	if err != nil {
		b.Fatal(err)
	}
	deps := defaultConnectionDeps(Env{})
	ctx := context.Background()
	tokens, graphs := srv.TokenRequests(), srv.GraphRequests()

	b.ResetTimer()
	start := time.Now()
	for range b.N {
		res, _ := deps.test(ctx, target, credentials{secret: info.ClientSecret}, nil)
		if !res.OK {
			b.Fatalf("the connection test failed: %+v", res.Error)
		}
	}
	elapsed := time.Since(start)
	b.StopTimer()

	n := float64(b.N)
	b.ReportMetric(float64(srv.TokenRequests()-tokens)/n, "token-requests/op")
	b.ReportMetric(float64(srv.GraphRequests()-graphs)/n, "graph-requests/op")
	b.ReportMetric(float64(elapsed)/float64(latency)/n, "round-trips/op")
}

package userimport_test

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/entra-wizard/entra-wizard/demotenant"
	"github.com/entra-wizard/entra-wizard/userimport"
)

// BenchmarkRead10000Rows reads and checks a 10,000-row file without the
// tenant: decoding, headings and every row's own checks.
func BenchmarkRead10000Rows(b *testing.B) {
	file := usersFile("contoso.com", 10000)
	b.SetBytes(int64(len(file)))
	for b.Loop() {
		im, err := userimport.Read(strings.NewReader(file))
		if err != nil || len(im.Rows) != 10000 {
			b.Fatal(err)
		}
	}
}

// BenchmarkCheck10000Rows adds the tenant's checks (verified domains, and
// which names exist, 20 per $batch request) for 10,000 rows.
func BenchmarkCheck10000Rows(b *testing.B) {
	tn := startTenant(b, demotenant.Options{})
	file := usersFile(tn.info.TenantDomain, 10000)
	var requests int64
	for b.Loop() {
		im, err := userimport.Read(strings.NewReader(file))
		if err != nil {
			b.Fatal(err)
		}
		before := tn.srv.GraphRequests()
		if err := im.Check(context.Background(), tn.client, nil); err != nil {
			b.Fatal(err)
		}
		requests = tn.srv.GraphRequests() - before
	}
	b.ReportMetric(float64(requests), "requests/op")
}

// BenchmarkCreate500Users creates 500 users from a file against the demo
// tenant, counting the Graph requests of the check and the creation.
func BenchmarkCreate500Users(b *testing.B) {
	tn := startTenant(b, demotenant.Options{})
	var requests, creating int64
	for i := 0; b.Loop(); i++ {
		im, err := userimport.Read(strings.NewReader(usersFile(fmt.Sprint(tn.info.TenantDomain), 500)))
		if err != nil {
			b.Fatal(err)
		}
		for j := range im.Rows { // a fresh set of names each round
			im.Rows[j].User.UserPrincipalName = fmt.Sprintf("r%d.%s", i, im.Rows[j].User.UserPrincipalName)
		}
		before := tn.srv.GraphRequests()
		if err := im.Check(context.Background(), tn.client, nil); err != nil {
			b.Fatal(err)
		}
		checked := tn.srv.GraphRequests()
		if err := im.Create(context.Background(), tn.client, nil); err != nil {
			b.Fatal(err)
		}
		if n := im.Counts()[userimport.Created]; n != 500 {
			b.Fatalf("%d created", n)
		}
		requests, creating = tn.srv.GraphRequests()-before, tn.srv.GraphRequests()-checked
	}
	b.ReportMetric(float64(requests), "requests/op")
	b.ReportMetric(float64(creating), "create-requests/op")
}

package provision

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/entra-wizard/entra-wizard/demotenant"
)

// BenchmarkSetup measures a whole setup with a secret and with a
// certificate, from the sign-in to the saved connection: the requests it
// sends and its time. With a replication delay the waits run on the fake
// clock, so "waited-s" is the time an admin would wait and ns/op the work
// alone (for a certificate, making its key pair included).
func BenchmarkSetup(b *testing.B) {
	for _, c := range []struct {
		method string
		delay  time.Duration
	}{{MethodSecret, 0}, {MethodSecret, 45 * time.Second}, {MethodCertificate, 0}, {MethodCertificate, 45 * time.Second}} {
		b.Run(fmt.Sprintf("%s/replication=%s", c.method, c.delay), func(b *testing.B) {
			f := newFixture(b, demotenant.Options{ReplicationDelay: c.delay})
			s := f.setup()
			var requests int64
			var waited time.Duration
			for i := 0; b.Loop(); i++ {
				req := f.request(fmt.Sprintf("Bench %d", i))
				req.Method = c.method
				before, start := f.srv.Requests(), f.clock.Now()
				if _, err := s.Start(context.Background(), req); err != nil {
					b.Fatal(err)
				}
				requests += f.srv.Requests() - before
				waited += f.clock.Now().Sub(start)
			}
			b.ReportMetric(float64(requests)/float64(b.N), "requests/op")
			b.ReportMetric(waited.Seconds()/float64(b.N), "waited-s/op")
		})
	}
}

// BenchmarkRenewCertificate measures a certificate connection renewing
// itself, from opening the saved connection to removing the old
// certificate: the requests it sends, its time (a new key pair included)
// and, with a replication delay on the fake clock, how long it waits for
// Entra to know the new certificate.
func BenchmarkRenewCertificate(b *testing.B) {
	for _, delay := range []time.Duration{0, 10 * time.Second} {
		b.Run(fmt.Sprintf("replication=%s", delay), func(b *testing.B) {
			f := newFixture(b, demotenant.Options{ReplicationDelay: delay})
			certificateConnection(b, f, "Bench")
			s := f.setup()
			var requests int64
			var waited time.Duration
			for b.Loop() {
				before, start := f.srv.Requests(), f.clock.Now()
				if _, err := s.RenewSaved(context.Background(), f.store, "Bench", nil, 0); err != nil {
					b.Fatal(err)
				}
				requests += f.srv.Requests() - before
				waited += f.clock.Now().Sub(start)
			}
			b.ReportMetric(float64(requests)/float64(b.N), "requests/op")
			b.ReportMetric(waited.Seconds()/float64(b.N), "waited-s/op")
		})
	}
}

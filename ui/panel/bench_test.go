package panel

import (
	"io"
	"runtime"
	"runtime/metrics"
	"testing"
	"time"

	"github.com/entra-wizard/entra-wizard/demotenant"
	"github.com/entra-wizard/entra-wizard/graph"
)

// BenchmarkPanelFirstSearchResults measures, on the 20,000-user tenant, the
// time from a search starting to its first page being in the list.
func BenchmarkPanelFirstSearchResults(b *testing.B) {
	h := newHarness(b, demotenant.Options{Scenario: demotenant.ScenarioLarge})
	h.openConnection("Northwind")
	l := h.panel.users.list
	terms := []string{"Adele", "Megan", "Kowalski", "Priya"}
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		l.search.SetText(terms[i%len(terms)])
		l.reload()
		h.waitFor("search results", func() bool { return !l.loading })
	}
}

// BenchmarkPanelBulkAdd1000 adds 1,000 users to a group through the bulk
// dialog on the large tenant and reports the Graph requests it took.
func BenchmarkPanelBulkAdd1000(b *testing.B) {
	for b.Loop() {
		b.StopTimer()
		h := newHarness(b, demotenant.Options{Scenario: demotenant.ScenarioLarge})
		h.openConnection("Northwind")
		pager := h.client.Users(graph.UserQuery{Top: 500})
		first, err := pager.Next(b.Context())
		if err != nil {
			b.Fatal(err)
		}
		second, err := pager.Next(b.Context())
		if err != nil {
			b.Fatal(err)
		}
		items := bulkUsers(append(first, second...))
		created, err := h.client.CreateGroup(b.Context(), graph.NewGroup{DisplayName: "Bulk bench", Kind: graph.SecurityGroup})
		if err != nil {
			b.Fatal(err)
		}
		before := h.srv.GraphRequests()
		b.StartTimer()
		bulk := newBulkRun(h.panel, h.panel.session, items, true, &created, h.panel.setNotice, nil)
		bulk.onStart()
		h.waitFor("the bulk add", func() bool { return bulk.finished })
		b.StopTimer()
		b.ReportMetric(float64(h.srv.GraphRequests()-before), "requests/op")
		if len(h.memberIDs(created.ID)) != len(items) {
			b.Fatalf("the group has %d members, want %d: %s", len(h.memberIDs(created.ID)), len(items), bulk.summary.Text)
		}
		b.StartTimer()
	}
}

// BenchmarkPanelExportAllUsers exports the 20,000 users of the large tenant
// the way the panel's Export button does and reports the Graph requests and
// how far the live heap grew above where it started (the demo tenant runs
// in the same process, so this includes its answers being built).
func BenchmarkPanelExportAllUsers(b *testing.B) {
	h := newHarness(b, demotenant.Options{Scenario: demotenant.ScenarioLarge})
	h.openConnection("Northwind")
	export := exportUsers(h.client, "")
	for b.Loop() {
		before := h.srv.GraphRequests()
		var n int
		var err error
		peak := peakHeapGrowth(func() { n, err = export(b.Context(), io.Discard, nil) })
		if err != nil {
			b.Fatal(err)
		}
		if n != 20000 {
			b.Fatalf("exported %d users, want 20000", n)
		}
		b.ReportMetric(float64(h.srv.GraphRequests()-before), "requests/op")
		b.ReportMetric(float64(peak)/(1<<20), "peak-heap-MiB")
	}
}

// peakHeapGrowth runs f and samples the live heap meanwhile, returning
// its largest growth over the heap before f.
func peakHeapGrowth(f func()) uint64 {
	sample := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}}
	heap := func() uint64 {
		metrics.Read(sample)
		return sample[0].Value.Uint64()
	}
	runtime.GC()
	base, peak := heap(), uint64(0)
	done := make(chan struct{})
	sampled := make(chan struct{})
	go func() {
		defer close(sampled)
		tick := time.NewTicker(2 * time.Millisecond)
		defer tick.Stop()
		for {
			if h := heap(); h > base && h-base > peak {
				peak = h - base
			}
			select {
			case <-done:
				return
			case <-tick.C:
			}
		}
	}()
	f()
	close(done)
	<-sampled
	return peak
}

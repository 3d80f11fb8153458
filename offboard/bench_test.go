package offboard_test

import (
	"context"
	"testing"

	"github.com/entra-wizard/entra-wizard/offboard"
)

// BenchmarkOffboard offboards a user in 40 groups with 3 licenses, every
// step, and reports the requests the demo tenant received for it (the
// preview's reads included): the 40 removals go 20 per $batch.
func BenchmarkOffboard(b *testing.B) {
	tn := startTenant(b)
	ctx := context.Background()
	var requests, writes int64
	for i := 0; b.Loop(); i++ {
		b.StopTimer()
		l := tn.newLeaver(b, "bench"+string(rune('a'+i%26))+string(rune('a'+i/26%26)), 40, 3)
		startReq, startWrites := tn.srv.GraphRequests(), tn.srv.GraphWrites()
		b.StartTimer()
		plan, err := tn.off.Preview(ctx, l.user.ID)
		if err != nil {
			b.Fatal(err)
		}
		res, err := tn.off.Run(ctx, plan, offboard.Steps, nil)
		if err != nil {
			b.Fatal(err)
		}
		b.StopTimer()
		if len(outcomeOf(res, offboard.RemoveGroups).Removed) != 40 {
			b.Fatalf("groups: %+v", outcomeOf(res, offboard.RemoveGroups))
		}
		requests += tn.srv.GraphRequests() - startReq
		writes += tn.srv.GraphWrites() - startWrites
		b.StartTimer()
	}
	b.ReportMetric(float64(requests)/float64(b.N), "requests/op")
	b.ReportMetric(float64(writes)/float64(b.N), "writes/op")
}

func outcomeOf(res *offboard.Result, s offboard.Step) offboard.Outcome {
	for _, o := range res.Outcomes {
		if o.Step == s {
			return o
		}
	}
	return offboard.Outcome{}
}

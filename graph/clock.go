package graph

import (
	"context"
	"time"
)

// Clock tells the time and waits. Every wait of a Client (Retry-After,
// the pauses before resending dropped or throttled requests, a delta
// round's backoff) goes through its Config.Clock, so tests can pass one
// that only pretends to wait.
type Clock interface {
	Now() time.Time
	// Sleep waits d, or returns ctx's error if ctx ends first.
	Sleep(ctx context.Context, d time.Duration) error
}

// realClock waits in real time.
type realClock struct{}

func (realClock) Now() time.Time { return time.Now() }

func (realClock) Sleep(ctx context.Context, d time.Duration) error {
	if d <= 0 {
		return ctx.Err()
	}
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-t.C:
		return nil
	}
}

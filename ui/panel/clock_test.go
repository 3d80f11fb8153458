package panel

import (
	"context"
	"sync/atomic"
	"time"
)

// instantClock is the Graph clients' clock in these tests: it waits out
// Retry-After at once, counting the waits, so throttled runs take no real
// seconds.
type instantClock struct{ waits atomic.Int64 }

func (*instantClock) Now() time.Time { return time.Now() }

func (c *instantClock) Sleep(ctx context.Context, _ time.Duration) error {
	c.waits.Add(1)
	return ctx.Err()
}

// testClock is shared by every client the tests build.
var testClock = &instantClock{}

package graph_test

import (
	"context"
	"sync"
	"time"
)

// fakeClock pretends to wait: each wait moves its time on and returns at
// once, and it remembers how often and how long it was asked to wait.
type fakeClock struct {
	mu     sync.Mutex
	now    time.Time
	waits  []time.Duration
	waited time.Duration
}

func newFakeClock() *fakeClock {
	return &fakeClock{now: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)}
}

func (c *fakeClock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.now
}

func (c *fakeClock) Sleep(ctx context.Context, d time.Duration) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	c.now = c.now.Add(d)
	c.waits = append(c.waits, d)
	c.waited += d
	return nil
}

// asked returns the waits asked for so far.
func (c *fakeClock) asked() []time.Duration {
	c.mu.Lock()
	defer c.mu.Unlock()
	return append([]time.Duration(nil), c.waits...)
}

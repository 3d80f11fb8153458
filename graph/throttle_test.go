package graph_test

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"sync/atomic"
	"testing"
	"time"

	"github.com/entra-wizard/entra-wizard/graph"
	"golang.org/x/oauth2"
)

// busyGraph answers every request with status and Retry-After retryAfter,
// counting them; the client waits on clock.
func busyGraph(t *testing.T, status int, retryAfter string, clock graph.Clock) (*graph.Client, *atomic.Int32) {
	t.Helper()
	var n atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		n.Add(1)
		if retryAfter != "" {
			w.Header().Set("Retry-After", retryAfter)
		}
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(status)
		_, _ = w.Write([]byte(`{"error":{"code":"TooManyRequests","message":"busy"}}`))
	}))
	t.Cleanup(srv.Close)
	c, err := graph.New(graph.Config{BaseURL: srv.URL + "/v1.0",
		TokenSource: oauth2.StaticTokenSource(&oauth2.Token{AccessToken: "test-token"}), Clock: clock})
	if err != nil {
		t.Fatal(err)
	}
	return c, &n
}

func TestThrottledRequestsWaitOnTheClockAndGiveUp(t *testing.T) {
	clock := newFakeClock()
	c, n := busyGraph(t, http.StatusTooManyRequests, "7", clock)
	_, err := c.User(context.Background(), "someone@example.com")
	if !errors.Is(err, graph.ErrThrottled) {
		t.Errorf("error %v, want ErrThrottled", err)
	}
	waits := clock.asked()
	if n.Load() != 4 || len(waits) != 3 {
		t.Fatalf("%d requests and waits %v; want the first and 3 resends", n.Load(), waits)
	}
	for _, d := range waits {
		if d != 7*time.Second {
			t.Errorf("waited %s, want the Retry-After of 7s", d)
		}
	}
}

func TestRetryAfterAsADateIsReadOnTheClock(t *testing.T) {
	clock := newFakeClock()
	at := clock.Now().Add(42 * time.Second).Format(http.TimeFormat)
	c, _ := busyGraph(t, http.StatusServiceUnavailable, at, clock)
	_, _ = c.User(context.Background(), "someone@example.com")
	if waits := clock.asked(); len(waits) == 0 || waits[0] != 42*time.Second {
		t.Errorf("waits %v, want 42s first (the date less the clock's now)", waits)
	}
}

func TestABusyAnswerToACreateIsNotSentAgain(t *testing.T) {
	clock := newFakeClock()
	c, n := busyGraph(t, http.StatusServiceUnavailable, "1", clock)
	_, err := c.CreateGroup(context.Background(), graph.NewGroup{DisplayName: "Once only"})
	if err == nil {
		t.Fatal("a 503 was reported as success")
	}
	if n.Load() != 1 || len(clock.asked()) != 0 {
		t.Errorf("%d requests, waits %v: a create Graph may have carried out was sent again", n.Load(), clock.asked())
	}
}

func TestAThrottledCreateIsSentAgain(t *testing.T) {
	clock := newFakeClock()
	c, n := busyGraph(t, http.StatusTooManyRequests, "2", clock)
	_, _ = c.CreateGroup(context.Background(), graph.NewGroup{DisplayName: "Throttled"})
	if n.Load() != 4 {
		t.Errorf("%d requests; a 429 means Graph did nothing, so the create is resent 3 times", n.Load())
	}
}

func TestAWaitEndsWithTheContext(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	c, n := busyGraph(t, http.StatusTooManyRequests, "3600", cancelling{cancel})
	_, err := c.User(ctx, "someone@example.com")
	if err == nil || n.Load() != 1 {
		t.Errorf("error %v after %d requests; want the cancelled wait to end it", err, n.Load())
	}
}

// cancelling is a clock whose first wait cancels the request's context.
type cancelling struct{ cancel context.CancelFunc }

func (cancelling) Now() time.Time { return time.Now() }

func (c cancelling) Sleep(ctx context.Context, _ time.Duration) error {
	c.cancel()
	return ctx.Err()
}

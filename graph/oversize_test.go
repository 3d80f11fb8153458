package graph_test

// A server that answers a page with a body that never ends. The demo
// tenant's pages are small, so a stand-in plays that server.

import (
	"context"
	"errors"
	"net/http"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/entra-wizard/entra-wizard/graph"
	"github.com/entra-wizard/entra-wizard/internal/bodycap"
)

func TestAnEndlessPageFailsWithAClearError(t *testing.T) {
	var sent atomic.Int64
	c := fakeGraph(t, func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		_, _ = w.Write([]byte(`{"value":[`))
		user := []byte(strings.Repeat(`{"id":"00000000-0000-0000-0000-000000000001","displayName":"Same User"},`, 1000))
		for r.Context().Err() == nil {
			n, err := w.Write(user)
			if sent.Add(int64(n)); err != nil || sent.Load() > 1<<30 {
				return
			}
		}
	})
	_, err := c.Users(graph.UserQuery{}).Next(context.Background())
	if !errors.Is(err, bodycap.ErrTooLarge) {
		t.Fatalf("the page ended with %v after the server sent %d MiB, want ErrTooLarge", err, sent.Load()>>20)
	}
	for _, want := range []string{"list users", "Microsoft Graph", "more than 32 MiB"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("the error does not say %q: %q", want, err)
		}
	}
}

package graph_test

// A server that answers every page with a link to more pages that never
// end: the same next link again, or a new one each time. The demo tenant
// always ends its lists, so a stand-in plays that server.

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/entra-wizard/entra-wizard/graph"
)

// giveUpAfter is when loopingGraph relents and ends its list, so that a
// client without a bound finishes (with a thousand duplicates) instead of
// running until the test times out.
const giveUpAfter = 1000

// loopingGraph answers every request with one object and an
// @odata.nextLink that next(n) makes from the request's number n; it
// counts the requests.
func loopingGraph(t *testing.T, next func(base string, n int64) string) (*graph.Client, *atomic.Int64) {
	t.Helper()
	var requests atomic.Int64
	c := fakeGraph(t, func(w http.ResponseWriter, r *http.Request) {
		n := requests.Add(1)
		w.Header().Set("Content-Type", "application/json")
		link := `"@odata.nextLink":` + strconv.Quote(next("http://"+r.Host, n))
		if n >= giveUpAfter {
			link = `"@odata.deltaLink":"http://` + r.Host + `/v1.0/users/delta?$deltatoken=end"`
		}
		fmt.Fprintf(w, `{"value":[{"id":"00000000-0000-0000-0000-000000000001","displayName":"Same User"}],%s}`, link)
	})
	return c, &requests
}

func TestExportStopsAtANextLinkThatPointsToItself(t *testing.T) {
	c, requests := loopingGraph(t, func(base string, _ int64) string { return base + "/v1.0/users?$skiptoken=again" })
	var out bytes.Buffer
	rows, err := graph.ExportUsers(context.Background(), &out, c.Users(graph.UserQuery{}), nil)
	if !errors.Is(err, graph.ErrEndlessPaging) {
		t.Fatalf("export ended with %v after %d requests, want ErrEndlessPaging", err, requests.Load())
	}
	if !strings.Contains(err.Error(), "already sent") || !strings.Contains(err.Error(), "list users") {
		t.Errorf("the error does not say what happened: %q", err)
	}
	// The first page, then its link once more: that second answer repeats
	// the link, and nothing of it is written.
	if got := requests.Load(); got != 2 {
		t.Errorf("%d requests, want 2", got)
	}
	if rows != 1 || strings.Count(out.String(), "Same User") != 1 {
		t.Errorf("%d rows written, want the one user once:\n%s", rows, out.String())
	}
}

func TestDeltaRoundStopsAtANextLinkThatPointsToItself(t *testing.T) {
	c, requests := loopingGraph(t, func(base string, _ int64) string { return base + "/v1.0/users/delta?$skiptoken=again" })
	_, err := c.DeltaRound(context.Background(), graph.Users, "", graph.RoundOptions{})
	if !errors.Is(err, graph.ErrEndlessPaging) || !strings.Contains(err.Error(), "track changes to users") {
		t.Fatalf("the round ended with %v after %d requests, want ErrEndlessPaging", err, requests.Load())
	}
	if got := requests.Load(); got != 2 {
		t.Errorf("%d requests, want 2", got)
	}
}

// Links that differ every time are no loop a set of seen links can catch:
// the page cap ends the walk instead.
func TestListingStopsAfterTheMostPagesATenantCanHave(t *testing.T) {
	defer graph.LowerMaxPages(50)()
	c, requests := loopingGraph(t, func(base string, n int64) string {
		return fmt.Sprintf("%s/v1.0/users?$skiptoken=%d", base, n)
	})
	_, err := c.Users(graph.UserQuery{}).All(context.Background())
	if !errors.Is(err, graph.ErrEndlessPaging) || !strings.Contains(err.Error(), "50 pages") {
		t.Fatalf("the listing ended with %v after %d requests, want ErrEndlessPaging at the cap", err, requests.Load())
	}
	if got := requests.Load(); got != 50 {
		t.Errorf("%d requests, want exactly the cap of 50", got)
	}
}

// The lists read whole through the SDK's own requests stop the same way.
func TestWholeListsStopAtANextLinkThatPointsToItself(t *testing.T) {
	for name, list := range map[string]func(*graph.Client) error{
		"list deleted users": func(c *graph.Client) error {
			_, err := c.DeletedUsers(context.Background())
			return err
		},
		"list the user's groups": func(c *graph.Client) error {
			_, err := c.UserGroups(context.Background(), "00000000-0000-0000-0000-000000000001")
			return err
		},
	} {
		c, requests := loopingGraph(t, func(base string, _ int64) string { return base + "/v1.0/next?$skiptoken=again" })
		err := list(c)
		if !errors.Is(err, graph.ErrEndlessPaging) || !strings.Contains(err.Error(), name) {
			t.Errorf("%s ended with %v after %d requests, want ErrEndlessPaging", name, err, requests.Load())
		}
	}
}

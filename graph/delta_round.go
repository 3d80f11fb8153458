package graph

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"time"
)

// DeltaRound is a whole delta round: every page from the first request to
// the delta link, with the objects that came back more than once merged.
type DeltaRound struct {
	Items []DeltaItem
	// DeltaLink is where the next round starts.
	DeltaLink string
	// Requests counts the pages fetched, retries included.
	Requests int
}

// RoundOptions say how a delta round rides out faults.
type RoundOptions struct {
	// Attempts is how many times one page is asked for before the round
	// fails; 0 means 5. The middleware's own retries on 429, 503 and 504
	// (honouring Retry-After) happen inside each attempt.
	Attempts int
	// Wait pauses between attempts; nil means the client's Clock.
	Wait func(ctx context.Context, d time.Duration) error
	// OnRetry hears about each retried fault, for progress messages.
	OnRetry func(err error, attempt int)
}

// DeltaRound follows a delta round from link ("" for a baseline) through
// its next links to the delta link. A page that fails for a passing reason
// (the network, throttling, a server error) is asked for again; since each
// page's link is kept, nothing is skipped or sent twice. Nothing is
// returned until the round is complete, so a failed round can simply be
// started again from the same link.
func (c *Client) DeltaRound(ctx context.Context, coll Collection, link string, opts RoundOptions) (*DeltaRound, error) {
	round := &DeltaRound{}
	index := map[string]int{}
	var trail linkTrail
	for {
		page, err := c.deltaPageWithRetries(ctx, coll, link, opts, &round.Requests)
		if err != nil {
			return nil, err
		}
		for _, item := range page.Items {
			if i, seen := index[item.ID]; seen {
				round.Items[i] = mergeDeltaItems(round.Items[i], item)
				continue
			}
			index[item.ID] = len(round.Items)
			round.Items = append(round.Items, item)
		}
		if page.DeltaLink != "" {
			round.DeltaLink = page.DeltaLink
			return round, nil
		}
		if err := trail.follow(page.NextLink); err != nil {
			return nil, fail(err, "track changes to "+string(coll))
		}
		link = page.NextLink
	}
}

func (c *Client) deltaPageWithRetries(ctx context.Context, coll Collection, link string, opts RoundOptions, requests *int) (DeltaPage, error) {
	attempts := opts.Attempts
	if attempts <= 0 {
		attempts = 5
	}
	wait := opts.Wait
	if wait == nil {
		wait = c.clock.Sleep
	}
	backoff := time.Second
	for attempt := 1; ; attempt++ {
		*requests++
		page, err := c.DeltaPage(ctx, coll, link)
		if err == nil || !transient(err) || attempt == attempts {
			return page, err
		}
		if opts.OnRetry != nil {
			opts.OnRetry(err, attempt)
		}
		if werr := wait(ctx, backoff); werr != nil {
			return page, fmt.Errorf("%w (while retrying: %v)", werr, err)
		}
		backoff = min(2*backoff, 30*time.Second)
	}
}

// transient reports whether asking again may succeed: Graph was out of
// reach, throttled, or failed on its side.
func transient(err error) bool {
	if errors.Is(err, ErrUnreachable) || errors.Is(err, ErrThrottled) {
		return true
	}
	e, ok := AsError(err)
	return ok && e.Status >= 500
}

// mergeDeltaItems joins two answers about the same object in one round:
// Graph may send a changed object again, for instance a group whose member
// changes span pages.
func mergeDeltaItems(a, b DeltaItem) DeltaItem {
	out := b
	if b.Removed == "" && a.Removed == "" {
		for _, p := range a.Properties {
			if !slices.Contains(out.Properties, p) {
				out.Properties = append(out.Properties, p)
			}
		}
		slices.Sort(out.Properties)
		if !slices.Contains(b.Properties, "displayName") {
			out.DisplayName = a.DisplayName
		}
		out.Added = append(slices.Clone(a.Added), b.Added...)
		out.Left = append(slices.Clone(a.Left), b.Left...)
	}
	return out
}

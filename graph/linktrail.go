package graph

import (
	"crypto/sha256"
	"errors"
	"fmt"
)

// maxPages bounds how many pages one listing or one delta round may take.
// A tenant holds at most 300,000 directory objects by default (Microsoft
// Entra service limits), and Graph's pages carry 100 to 999 of them: even a
// tenant whose quota was raised to ten million objects, read 100 a page,
// fits in 100,000 pages. A server that keeps minting new next links past
// that is not ending its list. (A variable only so tests can lower it.)
var maxPages = 100_000

// ErrEndlessPaging means Microsoft Graph (or something answering in its
// place) kept sending next-page links that would never reach the end of
// the list: one it had sent before, or more than maxPages of them.
var ErrEndlessPaging = errors.New("the list from Microsoft Graph does not come to an end")

// linkTrail remembers the next links of one walk through a list, so that a
// link sent a second time, which would repeat the same pages forever, stops
// the walk instead. It keeps a digest of each link, not the link, so its
// memory stays small (32 bytes a page) however long the links are.
type linkTrail struct {
	seen map[[sha256.Size]byte]struct{}
}

// follow records link as the next page to get; "" (the end of the list)
// is always fine. It fails with ErrEndlessPaging on a link seen before and
// once the walk would go past maxPages.
func (t *linkTrail) follow(link string) error {
	if link == "" {
		return nil
	}
	if t.seen == nil {
		t.seen = map[[sha256.Size]byte]struct{}{}
	}
	pages := len(t.seen) + 1 // the first page has no link
	sum := sha256.Sum256([]byte(link))
	if _, again := t.seen[sum]; again {
		return fmt.Errorf("%w: after %d pages it sent a next-page link it had already sent, so the same pages would repeat forever; "+
			"stopped there. Try again later; if it happens again, a proxy or the service is at fault", ErrEndlessPaging, pages)
	}
	if pages >= maxPages {
		return fmt.Errorf("%w: it went on past %d pages, more than any tenant holds; stopped there. "+
			"Try again later; if it happens again, a proxy or the service is at fault", ErrEndlessPaging, maxPages)
	}
	t.seen[sum] = struct{}{}
	return nil
}

package graph

import "context"

// page is one answer of a list request.
type page[T any] struct {
	items []T
	next  string // @odata.nextLink; "" on the last page
	count *int64 // @odata.count when asked for
}

// fetchPage gets the first page (nextLink == "") or the page a next link
// names. Implementations send the same request headers for every page.
type fetchPage[T any] func(ctx context.Context, nextLink string) (page[T], error)

// Pager walks a list one page at a time, following Graph's @odata.nextLink.
// Each call to Next makes one request. A Pager is not safe for concurrent use.
type Pager[T any] struct {
	fetch fetchPage[T]
	next  string
	done  bool
	count int
}

func newPager[T any](fetch fetchPage[T]) *Pager[T] {
	return &Pager[T]{fetch: fetch, count: -1}
}

// More reports whether there is a page left to get.
func (p *Pager[T]) More() bool { return !p.done }

// Count is the total number of items Graph reported (with $count), or -1 if
// unknown.
func (p *Pager[T]) Count() int { return p.count }

// Next gets the next page. It returns nil, nil when there is no page left.
// After an error the same page can be asked for again.
func (p *Pager[T]) Next(ctx context.Context) ([]T, error) {
	if p.done {
		return nil, nil
	}
	pg, err := p.fetch(ctx, p.next)
	if err != nil {
		return nil, err
	}
	p.next = pg.next
	if pg.count != nil {
		p.count = int(*pg.count)
	}
	if p.next == "" {
		p.done = true
	}
	return pg.items, nil
}

// All gets every remaining page and returns their items together.
func (p *Pager[T]) All(ctx context.Context) ([]T, error) {
	var all []T
	for p.More() {
		items, err := p.Next(ctx)
		if err != nil {
			return all, err
		}
		all = append(all, items...)
	}
	return all, nil
}

package odata

import (
	"cmp"
	"encoding/base64"
	"net/http"
	"slices"
	"strings"
)

// PageToken is the opaque $skiptoken of a next page: the sort key and id of
// the last object already sent. Objects are ordered by (key, id), so a page
// starts after the token however the directory changed in between, and
// every object is visited once.
type PageToken struct {
	Key string
	ID  string
}

// Encode is the token as a $skiptoken value.
func (t PageToken) Encode() string {
	return "RFNwdAIAAQAAA" + base64.RawURLEncoding.EncodeToString([]byte(t.Key+"\x00"+t.ID))
}

// parsePageToken reads a $skiptoken made by Encode.
func parsePageToken(s string) (*PageToken, error) {
	raw, ok := strings.CutPrefix(s, "RFNwdAIAAQAAA")
	b, err := base64.RawURLEncoding.DecodeString(raw)
	key, id, found := strings.Cut(string(b), "\x00")
	if !ok || err != nil || !found {
		return nil, NewError(http.StatusBadRequest, "Request_BadRequest", "Invalid paging token '%s'.", s)
	}
	return &PageToken{Key: key, ID: id}, nil
}

// rankedEntity is an entity with its sort key.
type rankedEntity struct {
	e   Entity
	key string
}

// compareRanked orders by key (descending when desc) and then by id.
func compareRanked(desc bool, aKey, aID, bKey, bID string) int {
	c := cmp.Compare(aKey, bKey)
	if desc {
		c = -c
	}
	if c != 0 {
		return c
	}
	return cmp.Compare(aID, bID)
}

// Page is one page of a collection answer.
type Page struct {
	Items []Entity
	Total int        // objects matching the query; -1 when not counted
	Next  *PageToken // nil on the last page
}

// Paginate filters, searches and sorts items, and cuts the page q asks for.
func Paginate(items []Entity, q *ListQuery) Page {
	if q.OrderBy == "" {
		return paginateByID(items, q)
	}
	return paginateSorted(items, q)
}

// paginateByID cuts a page in id order. Items already in id order, like the
// directory's cached lists, are scanned from the token on, so a page costs
// its own size rather than the directory's.
func paginateByID(items []Entity, q *ListQuery) Page {
	byID := func(a, b Entity) int { return cmp.Compare(a.ObjectID(), b.ObjectID()) }
	if !slices.IsSortedFunc(items, byID) {
		items = slices.SortedFunc(slices.Values(items), byID)
	}
	start := 0
	if t := q.After; t != nil {
		start, _ = slices.BinarySearchFunc(items, t.ID, func(e Entity, id string) int {
			if c := cmp.Compare(e.ObjectID(), id); c != 0 {
				return c
			}
			return -1 // the token's own object was sent already
		})
	}
	p := Page{Total: -1, Items: make([]Entity, 0, min(q.Top, len(items)-start))}
	for _, e := range items[start:] {
		if !q.Matches(e) {
			continue
		}
		if len(p.Items) == q.Top {
			p.Next = &PageToken{ID: p.Items[len(p.Items)-1].ObjectID()}
			break
		}
		p.Items = append(p.Items, e)
	}
	if q.Count {
		p.Total = 0
		for _, e := range items {
			if q.Matches(e) {
				p.Total++
			}
		}
	}
	return p
}

// paginateSorted cuts a page in $orderby order, ties broken by id.
func paginateSorted(items []Entity, q *ListQuery) Page {
	ranked := make([]rankedEntity, 0, len(items))
	for _, e := range items {
		if !q.Matches(e) {
			continue
		}
		r := rankedEntity{e: e}
		if q.OrderBy != "" {
			s, _ := e.Property(q.OrderBy).(string)
			r.key = strings.ToLower(s)
		}
		ranked = append(ranked, r)
	}
	slices.SortFunc(ranked, func(a, b rankedEntity) int {
		return compareRanked(q.Desc, a.key, a.e.ObjectID(), b.key, b.e.ObjectID())
	})
	start := 0
	if t := q.After; t != nil {
		start, _ = slices.BinarySearchFunc(ranked, *t, func(r rankedEntity, t PageToken) int {
			c := compareRanked(q.Desc, r.key, r.e.ObjectID(), t.Key, t.ID)
			if c == 0 {
				return -1 // the token's own object was sent already
			}
			return c
		})
	}
	end := min(start+q.Top, len(ranked))
	p := Page{Total: len(ranked), Items: make([]Entity, 0, end-start)}
	for _, r := range ranked[start:end] {
		p.Items = append(p.Items, r.e)
	}
	if end < len(ranked) {
		last := ranked[end-1]
		p.Next = &PageToken{Key: last.key, ID: last.e.ObjectID()}
	}
	return p
}

package demotenant

import (
	"cmp"
	"encoding/base64"
	"net/http"
	"slices"
	"strings"
)

// pageToken is the opaque $skiptoken of a next page: the sort key and id of
// the last object already sent. Objects are ordered by (key, id), so a page
// starts after the token however the directory changed in between, and
// every object is visited once.
type pageToken struct {
	Key string
	ID  string
}

func (t pageToken) encode() string {
	return "RFNwdAIAAQAAA" + base64.RawURLEncoding.EncodeToString([]byte(t.Key+"\x00"+t.ID))
}

func parsePageToken(s string) (*pageToken, error) {
	raw, ok := strings.CutPrefix(s, "RFNwdAIAAQAAA")
	b, err := base64.RawURLEncoding.DecodeString(raw)
	key, id, found := strings.Cut(string(b), "\x00")
	if !ok || err != nil || !found {
		return nil, newGraphError(http.StatusBadRequest, "Request_BadRequest", "Invalid paging token '%s'.", s)
	}
	return &pageToken{Key: key, ID: id}, nil
}

// rankedEntity is an entity with its sort key.
type rankedEntity struct {
	e   entity
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

// listPage is one page of a collection answer.
type listPage struct {
	items []entity
	total int        // objects matching the query; -1 when not counted
	next  *pageToken // nil on the last page
}

// paginate filters, searches and sorts items, and cuts the page q asks for.
func paginate(items []entity, q *listQuery) listPage {
	if q.OrderBy == "" {
		return paginateByID(items, q)
	}
	return paginateSorted(items, q)
}

// paginateByID cuts a page in id order. Items already in id order, like the
// directory's cached lists, are scanned from the token on, so a page costs
// its own size rather than the directory's.
func paginateByID(items []entity, q *listQuery) listPage {
	byID := func(a, b entity) int { return cmp.Compare(a.objectID(), b.objectID()) }
	if !slices.IsSortedFunc(items, byID) {
		items = slices.SortedFunc(slices.Values(items), byID)
	}
	start := 0
	if t := q.After; t != nil {
		start, _ = slices.BinarySearchFunc(items, t.ID, func(e entity, id string) int {
			if c := cmp.Compare(e.objectID(), id); c != 0 {
				return c
			}
			return -1 // the token's own object was sent already
		})
	}
	p := listPage{total: -1, items: make([]entity, 0, min(q.Top, len(items)-start))}
	for _, e := range items[start:] {
		if !q.matches(e) {
			continue
		}
		if len(p.items) == q.Top {
			p.next = &pageToken{ID: p.items[len(p.items)-1].objectID()}
			break
		}
		p.items = append(p.items, e)
	}
	if q.Count {
		p.total = 0
		for _, e := range items {
			if q.matches(e) {
				p.total++
			}
		}
	}
	return p
}

// paginateSorted cuts a page in $orderby order, ties broken by id.
func paginateSorted(items []entity, q *listQuery) listPage {
	ranked := make([]rankedEntity, 0, len(items))
	for _, e := range items {
		if !q.matches(e) {
			continue
		}
		r := rankedEntity{e: e}
		if q.OrderBy != "" {
			s, _ := e.property(q.OrderBy).(string)
			r.key = strings.ToLower(s)
		}
		ranked = append(ranked, r)
	}
	slices.SortFunc(ranked, func(a, b rankedEntity) int {
		return compareRanked(q.Desc, a.key, a.e.objectID(), b.key, b.e.objectID())
	})
	start := 0
	if t := q.After; t != nil {
		start, _ = slices.BinarySearchFunc(ranked, *t, func(r rankedEntity, t pageToken) int {
			c := compareRanked(q.Desc, r.key, r.e.objectID(), t.Key, t.ID)
			if c == 0 {
				return -1 // the token's own object was sent already
			}
			return c
		})
	}
	end := min(start+q.Top, len(ranked))
	p := listPage{total: len(ranked), items: make([]entity, 0, end-start)}
	for _, r := range ranked[start:end] {
		p.items = append(p.items, r.e)
	}
	if end < len(ranked) {
		last := ranked[end-1]
		p.next = &pageToken{Key: last.key, ID: last.e.objectID()}
	}
	return p
}

// writeList answers a collection request with one page of items, in
// Graph's shape: @odata.context, @odata.count when asked (on the first page
// only, as Graph sends it for directory objects), @odata.nextLink
// when more pages follow, and value. withType adds @odata.type to each
// object, as Graph does in lists that may mix types.
func (c *graphCall) writeList(items []entity, q *listQuery, context string, withType bool) error {
	p := paginate(items, q)
	if len(q.Select) > 0 && !strings.Contains(context, "(") {
		context += "(" + strings.Join(q.Select, ",") + ")"
	}
	out := jsonObject{{"@odata.context", c.contextURL(context)}}
	if q.Count && q.After == nil {
		out = append(out, jsonField{"@odata.count", p.total})
	}
	if p.next != nil {
		out = append(out, jsonField{"@odata.nextLink", c.nextLink(*p.next)})
	}
	values := make([]jsonObject, 0, len(p.items))
	for _, e := range p.items {
		values = append(values, render(e, q.Select, withType))
	}
	out = append(out, jsonField{"value", values})
	return c.writeJSON(http.StatusOK, out)
}

// nextLink is the request's own URL with the next page's $skiptoken.
func (c *graphCall) nextLink(t pageToken) string {
	v := c.r.URL.Query()
	v.Set("$skiptoken", t.encode())
	return c.s.baseURL + c.version + c.r.URL.Path + "?" + v.Encode()
}

package odata

import (
	"net/http"
	"net/url"
	"strconv"
	"strings"
)

// Page sizes of collection answers.
const (
	defaultPageSize = 100
	maxPageSize     = 999
)

// ListQuery holds the OData query options of a collection request.
type ListQuery struct {
	Select  []string
	Filter  *Filter
	Search  *Search
	OrderBy string
	Desc    bool
	Top     int
	After   *PageToken
	Count   bool
	// Eventual reports the ConsistencyLevel: eventual header, which
	// $search, $count and advanced filters need on directory objects.
	Eventual bool
}

// ParseList reads the query options of r for a collection of kind,
// answering as Graph does when an option is malformed or not allowed.
func ParseList(r *http.Request, kind *Kind) (*ListQuery, error) {
	return readQuery(r, kind, false)
}

// ParseCount reads the query options of a /$count request, which
// counts the objects $filter and $search select.
func ParseCount(r *http.Request, kind *Kind) (*ListQuery, error) {
	if !isEventual(r) {
		return nil, errCountUnsupported
	}
	return readQuery(r, kind, true)
}

func readQuery(r *http.Request, kind *Kind, count bool) (*ListQuery, error) {
	v := r.URL.Query()
	q := &ListQuery{Top: defaultPageSize, Eventual: isEventual(r), Count: count}
	var err error
	if q.Select, err = ParseSelect(v, kind); err != nil {
		return nil, err
	}
	if s := v.Get("$top"); s != "" {
		n, err := strconv.Atoi(s)
		if err != nil || n < 1 || n > maxPageSize {
			return nil, NewError(http.StatusBadRequest, "Request_UnsupportedQuery",
				"Invalid page size specified: '%s'. Must be between 1 and %d inclusive.", s, maxPageSize)
		}
		q.Top = n
	}
	if s := v.Get("$count"); s != "" {
		if s != "true" && s != "false" {
			return nil, BadRequest("Invalid value '%s' for $count query option found. The $count query option requires a Boolean value.", s)
		}
		// Without the header Graph ignores $count=true on directory
		// objects: the answer simply has no @odata.count.
		q.Count = s == "true" && q.Eventual
	}
	if s := v.Get("$filter"); s != "" {
		if q.Filter, err = parseFilter(s, kind); err != nil {
			return nil, err
		}
	}
	if s := v.Get("$search"); s != "" {
		if q.Search, err = parseSearch(s, kind); err != nil {
			return nil, err
		}
	}
	if s := v.Get("$orderby"); s != "" {
		if err := q.parseOrderBy(s, kind); err != nil {
			return nil, err
		}
	}
	if s := v.Get("$skiptoken"); s != "" {
		if q.After, err = parsePageToken(s); err != nil {
			return nil, err
		}
	}
	return q, q.checkConsistency(kind)
}

// checkConsistency applies Graph's rules for options that only work as
// advanced queries: with ConsistencyLevel: eventual, and some with $count.
// Every page is checked, next pages ($skiptoken) too: the next link carries
// the query options but not the header, which Graph wants on each request.
func (q *ListQuery) checkConsistency(kind *Kind) error {
	switch {
	case q.Search != nil && !q.Eventual:
		return errSearchNeedsConsistency
	case q.OrderBy != "" && q.Filter != nil && !q.Count: // $count=true counts only with the header
		return errSortingUnsupported
	}
	return nil
}

// ParseSelect reads the $select of v, checking each property against kind.
func ParseSelect(v url.Values, kind *Kind) ([]string, error) {
	s := v.Get("$select")
	if s == "" {
		return nil, nil
	}
	var props []string
	for _, p := range strings.Split(s, ",") {
		p = strings.TrimSpace(p)
		if !kind.has(kind.Properties, p) {
			return nil, BadRequest("Parsing OData Select and Expand failed: Could not find a property named '%s' on type '%s'.",
				p, strings.TrimPrefix(kind.ODataType, "#"))
		}
		props = append(props, p)
	}
	return props, nil
}

func (q *ListQuery) parseOrderBy(s string, kind *Kind) error {
	fields := strings.Fields(s)
	if len(fields) == 0 || len(fields) > 2 || strings.Contains(s, ",") {
		return BadRequest("Invalid $orderby clause '%s': sort by one property, optionally followed by asc or desc.", s)
	}
	if !kind.has(kind.Sortable, fields[0]) {
		return NewError(http.StatusBadRequest, "Request_UnsupportedQuery",
			"Unsupported sort property '%s' for '%s'.", fields[0], kind.Name)
	}
	q.OrderBy = fields[0]
	if len(fields) == 2 {
		switch fields[1] {
		case "asc":
		case "desc":
			q.Desc = true
		default:
			return BadRequest("Invalid $orderby clause '%s': sort by one property, optionally followed by asc or desc.", s)
		}
	}
	return nil
}

// Matches reports whether e passes $filter and $search.
func (q *ListQuery) Matches(e Entity) bool {
	if q.Filter != nil && !q.Filter.match(e) {
		return false
	}
	return q.Search == nil || q.Search.match(e)
}

func isEventual(r *http.Request) bool {
	return strings.EqualFold(strings.TrimSpace(r.Header.Get("ConsistencyLevel")), "eventual")
}

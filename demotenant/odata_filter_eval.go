package demotenant

import "strings"

type orNode struct{ left, right filterNode }

func (n orNode) match(e entity) bool { return n.left.match(e) || n.right.match(e) }

type andNode struct{ left, right filterNode }

func (n andNode) match(e entity) bool { return n.left.match(e) && n.right.match(e) }

type notNode struct{ inner filterNode }

func (n notNode) match(e entity) bool { return !n.inner.match(e) }

// compareNode is prop eq value, or prop ne value when negate is set.
type compareNode struct {
	prop   string
	value  any
	negate bool
}

func (n compareNode) match(e entity) bool {
	return equalValues(e.property(n.prop), n.value) != n.negate
}

type inNode struct {
	prop   string
	values []any
}

func (n inNode) match(e entity) bool {
	v := e.property(n.prop)
	for _, want := range n.values {
		if equalValues(v, want) {
			return true
		}
	}
	return false
}

// affixNode is startswith (or endswith) on a string property; value is
// lower case, as directory comparisons ignore case.
type affixNode struct {
	prop   string
	value  string
	suffix bool
}

func (n affixNode) match(e entity) bool {
	s, ok := e.property(n.prop).(string)
	if !ok {
		return false
	}
	s = strings.ToLower(s)
	if n.suffix {
		return strings.HasSuffix(s, n.value)
	}
	return strings.HasPrefix(s, n.value)
}

// anyNode is prop/any(x: x eq value) on a collection of strings, or
// prop/any(x: x/sub eq value) on a collection of objects.
type anyNode struct {
	prop  string
	sub   string
	value any
}

func (n anyNode) match(e entity) bool {
	switch items := e.property(n.prop).(type) {
	case []string:
		for _, s := range items {
			if n.sub == "" && equalValues(s, n.value) {
				return true
			}
		}
	case []jsonObject:
		for _, o := range items {
			if n.sub != "" && equalValues(o.get(n.sub), n.value) {
				return true
			}
		}
	}
	return false
}

// equalValues compares a property value with a literal the way the
// directory does: strings without regard to case, empty strings as null.
func equalValues(v, want any) bool {
	if s, ok := v.(string); ok && s == "" {
		v = nil
	}
	switch want := want.(type) {
	case nil:
		return v == nil
	case string:
		s, ok := v.(string)
		return ok && strings.EqualFold(s, want)
	case bool:
		b, ok := v.(bool)
		return ok && b == want
	}
	return false
}

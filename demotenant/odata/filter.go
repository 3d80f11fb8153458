package odata

import (
	"strings"
)

// The $filter the demo tenant understands is what the program sends
// (displayName eq '…' on applications, clientId eq '…' on grants, userType
// eq '…' and the like on users and groups) and what a demo needs: equality
// of a filterable property with a quoted string or a boolean, or its
// membership of a list of quoted strings (userPrincipalName in ('a','b'),
// as the user import looks names up), several joined by "and". Everything
// else Graph can filter by (or, not, parentheses, ne, null, functions,
// lambdas) answers as Graph does for an unsupported query: 400
// Request_UnsupportedQuery. Malformed input is a 400 BadRequest.

// Filter is a parsed $filter: clauses that must all hold.
type Filter struct{ clauses []equals }

// equals is prop eq value, or prop in (values...).
type equals struct {
	prop   string
	value  any   // string or bool
	values []any // the list of an in; nil for eq
}

// match reports whether e holds every clause.
func (f *Filter) match(e Entity) bool {
	for _, c := range f.clauses {
		if !c.holds(e.Property(c.prop)) {
			return false
		}
	}
	return true
}

func (c equals) holds(v any) bool {
	if c.values == nil {
		return equalValues(v, c.value)
	}
	for _, want := range c.values {
		if equalValues(v, want) {
			return true
		}
	}
	return false
}

// parseFilter parses src, checking each property against kind.
func parseFilter(src string, kind *Kind) (*Filter, error) {
	toks, err := lexFilter(src)
	if err != nil {
		return nil, err
	}
	p := &filterParser{src: src, toks: toks, kind: kind}
	f := &Filter{}
	for {
		c, err := p.clause()
		if err != nil {
			return nil, err
		}
		f.clauses = append(f.clauses, c)
		switch t := p.next(); {
		case t.Kind == tokEOF:
			return f, nil
		case t.Kind == tokIdent && t.Text == "and":
		case t.Kind == tokIdent: // or, and anything else Graph may join with
			return nil, UnsupportedFilter(c.prop, kind.Name)
		default:
			return nil, filterSyntaxError(src, t.Pos)
		}
	}
}

type filterParser struct {
	src  string
	toks []filterToken
	pos  int
	kind *Kind
}

func (p *filterParser) next() filterToken {
	t := p.toks[p.pos]
	if t.Kind != tokEOF {
		p.pos++
	}
	return t
}

// clause parses prop eq 'value' (or true, false).
func (p *filterParser) clause() (equals, error) {
	name := p.next()
	switch {
	case name.Kind == tokOther && name.Text == "(":
		return equals{}, UnsupportedFilter("(", p.kind.Name) // grouping
	case name.Kind != tokIdent:
		return equals{}, filterSyntaxError(p.src, name.Pos)
	case p.toks[p.pos].Text == "(" || name.Text == "not" || !p.kind.has(p.kind.Filterable, name.Text):
		// A function, a lambda, a negation, or a property Graph does not
		// filter this resource by.
		return equals{}, UnsupportedFilter(name.Text, p.kind.Name)
	}
	switch op := p.next(); {
	case op.Kind != tokIdent:
		return equals{}, filterSyntaxError(p.src, op.Pos)
	case op.Text == "in":
		return p.list(name.Text)
	case op.Text != "eq":
		return equals{}, UnsupportedFilter(name.Text, p.kind.Name)
	}
	switch v := p.next(); {
	case v.Kind == tokString:
		return equals{prop: name.Text, value: v.Text}, nil
	case v.Kind == tokIdent && (v.Text == "true" || v.Text == "false"):
		return equals{prop: name.Text, value: v.Text == "true"}, nil
	case v.Kind == tokEOF, v.Kind == tokOther && strings.Contains("),:", v.Text):
		return equals{}, filterSyntaxError(p.src, v.Pos)
	}
	return equals{}, UnsupportedFilter(name.Text, p.kind.Name) // null, numbers, unquoted ids, lists
}

// maxInValues is how many values one in may list.
const maxInValues = 15

// list parses the ('a', 'b') after prop in.
func (p *filterParser) list(prop string) (equals, error) {
	if t := p.next(); t.Kind != tokOther || t.Text != "(" {
		return equals{}, filterSyntaxError(p.src, t.Pos)
	}
	c := equals{prop: prop, values: []any{}}
	for {
		v := p.next()
		if v.Kind != tokString {
			return equals{}, filterSyntaxError(p.src, v.Pos)
		}
		c.values = append(c.values, v.Text)
		switch t := p.next(); {
		case t.Kind == tokOther && t.Text == ",":
		case t.Kind == tokOther && t.Text == ")":
			if len(c.values) > maxInValues {
				return equals{}, UnsupportedFilter(prop, p.kind.Name)
			}
			return c, nil
		default:
			return equals{}, filterSyntaxError(p.src, t.Pos)
		}
	}
}

// equalValues compares a property value with a literal the way the
// directory does: strings without regard to case, empty strings as
// missing.
func equalValues(v, want any) bool {
	switch want := want.(type) {
	case string:
		s, ok := v.(string)
		return ok && s != "" && strings.EqualFold(s, want)
	case bool:
		b, ok := v.(bool)
		return ok && b == want
	}
	return false
}

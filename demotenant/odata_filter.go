package demotenant

import (
	"strings"
)

// filterNode is a parsed $filter expression.
type filterNode interface {
	match(e entity) bool
}

// filter is a parsed $filter: the expression and whether it needs Graph's
// advanced query capabilities (ConsistencyLevel: eventual and $count=true),
// as ne, not, endswith and null comparisons do.
type filter struct {
	node filterNode
	// advancedProperty names the property of the first clause that needs
	// advanced queries; "" if none does.
	advancedProperty string
}

// parseFilter parses src, checking each property against kind.
func parseFilter(src string, kind *entityKind) (*filter, error) {
	toks, err := lexFilter(src)
	if err != nil {
		return nil, err
	}
	p := &filterParser{src: src, toks: toks, kind: kind}
	node, err := p.or()
	if err != nil {
		return nil, err
	}
	if p.peek().Kind != tokEOF {
		return nil, filterSyntaxError(src, p.peek().Pos)
	}
	return &filter{node: node, advancedProperty: p.advanced}, nil
}

type filterParser struct {
	src      string
	toks     []filterToken
	pos      int
	kind     *entityKind
	depth    int
	advanced string
	lastProp string // the property the parser read last
}

func (p *filterParser) peek() filterToken { return p.toks[p.pos] }

func (p *filterParser) next() filterToken {
	t := p.toks[p.pos]
	if t.Kind != tokEOF {
		p.pos++
	}
	return t
}

func (p *filterParser) keyword(word string) bool {
	if t := p.peek(); t.Kind == tokIdent && t.Text == word {
		p.pos++
		return true
	}
	return false
}

func (p *filterParser) expect(k tokenKind) (filterToken, error) {
	t := p.next()
	if t.Kind != k {
		return t, filterSyntaxError(p.src, t.Pos)
	}
	return t, nil
}

func (p *filterParser) or() (filterNode, error) {
	left, err := p.and()
	for err == nil && p.keyword("or") {
		var right filterNode
		right, err = p.and()
		left = orNode{left, right}
	}
	return left, err
}

func (p *filterParser) and() (filterNode, error) {
	left, err := p.unary()
	for err == nil && p.keyword("and") {
		var right filterNode
		right, err = p.unary()
		left = andNode{left, right}
	}
	return left, err
}

func (p *filterParser) unary() (filterNode, error) {
	p.depth++
	defer func() { p.depth-- }()
	if p.depth > 50 {
		return nil, errBadRequest("Invalid filter clause: the expression is nested too deeply.")
	}
	if p.keyword("not") {
		inner, err := p.unary()
		if err != nil {
			return nil, err
		}
		p.markAdvanced(p.lastProp)
		return notNode{inner}, nil
	}
	t := p.next()
	switch {
	case t.Kind == tokLParen:
		inner, err := p.or()
		if err != nil {
			return nil, err
		}
		_, err = p.expect(tokRParen)
		return inner, err
	case t.Kind == tokIdent && p.peek().Kind == tokLParen:
		if prop, ok := strings.CutSuffix(t.Text, "/any"); ok {
			return p.lambda(prop)
		}
		return p.function(t)
	case t.Kind == tokIdent:
		return p.comparison(t)
	}
	return nil, filterSyntaxError(p.src, t.Pos)
}

// function parses startswith(prop, 'x') or endswith(prop, 'x').
func (p *filterParser) function(name filterToken) (filterNode, error) {
	fn := strings.ToLower(name.Text)
	if fn != "startswith" && fn != "endswith" {
		return nil, errBadRequest("Invalid filter clause: the function '%s' is not supported.", name.Text)
	}
	p.next() // (
	prop, err := p.property()
	if err != nil {
		return nil, err
	}
	if _, err := p.expect(tokComma); err != nil {
		return nil, err
	}
	arg, err := p.expect(tokString)
	if err != nil {
		return nil, err
	}
	if _, err := p.expect(tokRParen); err != nil {
		return nil, err
	}
	if fn == "endswith" {
		p.markAdvanced(prop)
	}
	return affixNode{prop: prop, value: strings.ToLower(arg.Text), suffix: fn == "endswith"}, nil
}

// comparison parses prop eq|ne value and prop in (values).
func (p *filterParser) comparison(name filterToken) (filterNode, error) {
	prop, err := p.checkProperty(name)
	if err != nil {
		return nil, err
	}
	op := p.next()
	switch op.Text {
	case "eq", "ne":
		v, err := p.literal()
		if err != nil {
			return nil, err
		}
		if op.Text == "ne" || v == nil {
			p.markAdvanced(prop)
		}
		return compareNode{prop: prop, value: v, negate: op.Text == "ne"}, nil
	case "in":
		values, err := p.list()
		return inNode{prop: prop, values: values}, err
	case "gt", "ge", "lt", "le":
		return nil, errUnsupportedFilter(prop, p.kind.Name)
	}
	return nil, filterSyntaxError(p.src, op.Pos)
}

// lambda parses prop/any(v:v eq 'x') and prop/any(v:v/sub eq 'x').
func (p *filterParser) lambda(prop string) (filterNode, error) {
	if _, err := p.checkProperty(filterToken{Kind: tokIdent, Text: prop}); err != nil {
		return nil, err
	}
	p.next() // (
	v, err := p.expect(tokIdent)
	if err != nil {
		return nil, err
	}
	if _, err := p.expect(tokColon); err != nil {
		return nil, err
	}
	ref, err := p.expect(tokIdent)
	if err != nil {
		return nil, err
	}
	sub, ok := strings.CutPrefix(ref.Text, v.Text)
	if !ok || (sub != "" && !strings.HasPrefix(sub, "/")) {
		return nil, filterSyntaxError(p.src, ref.Pos)
	}
	if op := p.next(); op.Text != "eq" {
		return nil, errUnsupportedFilter(prop, p.kind.Name)
	}
	value, err := p.literal()
	if err != nil {
		return nil, err
	}
	if _, err := p.expect(tokRParen); err != nil {
		return nil, err
	}
	return anyNode{prop: prop, sub: strings.TrimPrefix(sub, "/"), value: value}, nil
}

func (p *filterParser) list() ([]any, error) {
	if _, err := p.expect(tokLParen); err != nil {
		return nil, err
	}
	var values []any
	for {
		v, err := p.literal()
		if err != nil {
			return nil, err
		}
		values = append(values, v)
		if p.peek().Kind == tokRParen {
			p.next()
			return values, nil
		}
		if _, err := p.expect(tokComma); err != nil {
			return nil, err
		}
	}
}

// literal reads a string, GUID, number, boolean or null.
func (p *filterParser) literal() (any, error) {
	t := p.next()
	switch {
	case t.Kind == tokString, t.Kind == tokLiteral:
		return t.Text, nil
	case t.Kind == tokIdent && t.Text == "true":
		return true, nil
	case t.Kind == tokIdent && t.Text == "false":
		return false, nil
	case t.Kind == tokIdent && t.Text == "null":
		return nil, nil
	}
	return nil, filterSyntaxError(p.src, t.Pos)
}

func (p *filterParser) property() (string, error) {
	t, err := p.expect(tokIdent)
	if err != nil {
		return "", err
	}
	return p.checkProperty(t)
}

func (p *filterParser) checkProperty(t filterToken) (string, error) {
	if !p.kind.has(p.kind.Filterable, t.Text) {
		return "", errUnsupportedFilter(t.Text, p.kind.Name)
	}
	p.lastProp = t.Text
	return t.Text, nil
}

func (p *filterParser) markAdvanced(prop string) {
	if p.advanced == "" {
		p.advanced = prop
	}
}

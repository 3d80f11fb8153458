package demotenant

import (
	"fmt"
	"strings"
)

// filterToken is one lexical token of a $filter expression.
type filterToken struct {
	Kind tokenKind
	Text string // identifier name, literal text, or the string's value
	Pos  int
}

type tokenKind int

const (
	tokEOF     tokenKind = iota
	tokIdent             // a name or keyword: displayName, eq, and, groupTypes/any
	tokString            // 'quoted', with '' standing for one quote
	tokLiteral           // an unquoted GUID, number, date or boolean
	tokLParen
	tokRParen
	tokComma
	tokColon
)

// lexFilter splits a $filter expression into tokens.
func lexFilter(src string) ([]filterToken, error) {
	var toks []filterToken
	for i := 0; i < len(src); {
		c := src[i]
		switch {
		case c == ' ' || c == '\t':
			i++
		case c == '(':
			toks = append(toks, filterToken{tokLParen, "(", i})
			i++
		case c == ')':
			toks = append(toks, filterToken{tokRParen, ")", i})
			i++
		case c == ',':
			toks = append(toks, filterToken{tokComma, ",", i})
			i++
		case c == ':':
			toks = append(toks, filterToken{tokColon, ":", i})
			i++
		case c == '\'':
			s, next, err := lexString(src, i)
			if err != nil {
				return nil, err
			}
			toks = append(toks, filterToken{tokString, s, i})
			i = next
		case isGUIDAt(src, i) || isDigit(c) || c == '-':
			j := i + 1
			for j < len(src) && isLiteralByte(src[j]) {
				j++
			}
			toks = append(toks, filterToken{tokLiteral, src[i:j], i})
			i = j
		case isIdentStart(c):
			j := i + 1
			for j < len(src) && isIdentByte(src[j]) {
				j++
			}
			toks = append(toks, filterToken{tokIdent, src[i:j], i})
			i = j
		default:
			return nil, filterSyntaxError(src, i)
		}
	}
	return append(toks, filterToken{tokEOF, "", len(src)}), nil
}

// lexString reads the quoted string starting at src[start].
func lexString(src string, start int) (string, int, error) {
	var b strings.Builder
	for i := start + 1; i < len(src); i++ {
		if src[i] != '\'' {
			b.WriteByte(src[i])
			continue
		}
		if i+1 < len(src) && src[i+1] == '\'' {
			b.WriteByte('\'')
			i++
			continue
		}
		return b.String(), i + 1, nil
	}
	return "", 0, filterSyntaxError(src, start)
}

func filterSyntaxError(src string, pos int) *graphError {
	return errBadRequest("Invalid filter clause: syntax error at position %d in '%s'.", pos, src)
}

// isGUIDAt reports whether an unquoted GUID starts at src[i].
func isGUIDAt(src string, i int) bool {
	if len(src)-i < 36 {
		return false
	}
	for j, c := range []byte(src[i : i+36]) {
		switch j {
		case 8, 13, 18, 23:
			if c != '-' {
				return false
			}
		default:
			if !isHex(c) {
				return false
			}
		}
	}
	return len(src) == i+36 || !isIdentByte(src[i+36])
}

func isDigit(c byte) bool      { return c >= '0' && c <= '9' }
func isHex(c byte) bool        { return isDigit(c) || (c|0x20 >= 'a' && c|0x20 <= 'f') }
func isLetter(c byte) bool     { return c|0x20 >= 'a' && c|0x20 <= 'z' }
func isIdentStart(c byte) bool { return isLetter(c) || c == '_' || c == '@' || c == '$' }
func isIdentByte(c byte) bool  { return isIdentStart(c) || isDigit(c) || c == '.' || c == '/' }
func isLiteralByte(c byte) bool {
	return isLetter(c) || isDigit(c) || c == '-' || c == '.' || c == ':' || c == '+'
}

func (t filterToken) String() string {
	if t.Kind == tokEOF {
		return "end of expression"
	}
	return fmt.Sprintf("%q", t.Text)
}

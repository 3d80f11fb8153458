package odata

import "strings"

// filterToken is one lexical token of a $filter expression.
type filterToken struct {
	Kind tokenKind
	Text string // a name, a quoted string's value, or the text itself
	Pos  int
}

type tokenKind int

const (
	tokEOF    tokenKind = iota
	tokIdent            // a name or keyword: displayName, eq, and, groupTypes/any
	tokString           // 'quoted', with '' standing for one quote
	tokOther            // a number or unquoted id, or one of ( ) , :
)

// lexFilter splits a $filter expression into tokens.
func lexFilter(src string) ([]filterToken, error) {
	var toks []filterToken
	for i := 0; i < len(src); {
		c := src[i]
		j := i + 1
		switch {
		case c == ' ' || c == '\t':
			i++
			continue
		case strings.IndexByte("(),:", c) >= 0:
			toks = append(toks, filterToken{tokOther, src[i:j], i})
		case c == '\'':
			s, next, err := lexString(src, i)
			if err != nil {
				return nil, err
			}
			toks = append(toks, filterToken{tokString, s, i})
			j = next
		case isIdentByte(c) || c == '-':
			kind := tokIdent
			if !isIdentStart(c) {
				kind = tokOther
			}
			for j < len(src) && (isIdentByte(src[j]) || src[j] == '-' || src[j] == '+') {
				j++
			}
			toks = append(toks, filterToken{kind, src[i:j], i})
		default:
			return nil, filterSyntaxError(src, i)
		}
		i = j
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

func filterSyntaxError(src string, pos int) *Error {
	return BadRequest("Invalid filter clause: syntax error at position %d in '%s'.", pos, src)
}

func isDigit(c byte) bool      { return c >= '0' && c <= '9' }
func isLetter(c byte) bool     { return c|0x20 >= 'a' && c|0x20 <= 'z' }
func isIdentStart(c byte) bool { return isLetter(c) || c == '_' || c == '@' || c == '$' }
func isIdentByte(c byte) bool  { return isIdentStart(c) || isDigit(c) || c == '.' || c == '/' }

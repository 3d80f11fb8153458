package odata

import (
	"net/http"
	"strings"
	"unicode"
)

// Search is a parsed $search: clauses joined by OR, each a group of
// "property:words" terms joined by AND.
type Search struct {
	any [][]searchTerm
}

// searchTerm asks that every word prefix a word of the property's value.
type searchTerm struct {
	prop  string
	words []string
}

// parseSearch reads a $search value such as
// "displayName:megan" OR "mail:megan", checking properties against kind.
func parseSearch(src string, kind *Kind) (*Search, error) {
	s := &Search{}
	group := []searchTerm{}
	rest := strings.TrimSpace(src)
	for expectTerm := true; rest != ""; expectTerm = !expectTerm {
		if !expectTerm {
			word, tail, _ := strings.Cut(rest, " ")
			switch word {
			case "OR":
				s.any = append(s.any, group)
				group = []searchTerm{}
			case "AND":
			default:
				return nil, errBadSearch(src)
			}
			rest = strings.TrimSpace(tail)
			continue
		}
		if !strings.HasPrefix(rest, `"`) {
			return nil, errBadSearch(src)
		}
		end := strings.Index(rest[1:], `"`)
		if end < 0 {
			return nil, errBadSearch(src)
		}
		clause := rest[1 : end+1]
		rest = strings.TrimSpace(rest[end+2:])
		prop, text, ok := strings.Cut(clause, ":")
		if !ok {
			return nil, errBadSearch(src)
		}
		if !kind.has(kind.Searchable, prop) {
			return nil, NewError(http.StatusBadRequest, "Request_UnsupportedQuery",
				"Unsupported query: the property '%s' of resource '%s' cannot be searched.", prop, kind.Name)
		}
		group = append(group, searchTerm{prop: prop, words: searchWords(text)})
	}
	if len(group) == 0 {
		return nil, errBadSearch(src)
	}
	s.any = append(s.any, group)
	return s, nil
}

func errBadSearch(src string) *Error {
	return BadRequest(`Invalid $search clause '%s'. Put each clause in double quotes, like "displayName:megan", and join clauses with OR or AND.`, src)
}

// match reports whether e holds every term of one of the groups.
func (s *Search) match(e Entity) bool {
	for _, group := range s.any {
		all := true
		for _, t := range group {
			all = all && t.match(e)
		}
		if all {
			return true
		}
	}
	return false
}

func (t searchTerm) match(e Entity) bool {
	v, _ := e.Property(t.prop).(string)
	have := searchWords(v)
	for _, w := range t.words {
		found := false
		for _, h := range have {
			if strings.HasPrefix(h, w) {
				found = true
				break
			}
		}
		if !found {
			return false
		}
	}
	return true
}

// searchWords splits text into lower-case words, as the directory's
// search index tokenizes names and addresses.
func searchWords(text string) []string {
	return strings.FieldsFunc(strings.ToLower(text), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	})
}

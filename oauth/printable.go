package oauth

import (
	"strings"
	"unicode"
)

// PrintableText returns text that came from the network (an error
// description, a callback's error, a Graph message) with what would act on
// a terminal or a window instead of showing removed: control characters
// (terminal escape sequences start with ESC; BEL, backspace and carriage
// return rewrite what is shown) and the invisible marks that reverse the
// direction of text. Tabs become spaces; line breaks are kept as "\n".
func PrintableText(s string) string {
	clean := true
	for _, r := range s {
		if r != '\n' && hidden(r) {
			clean = false
			break
		}
	}
	if clean {
		return s
	}
	var b strings.Builder
	for _, r := range s {
		switch {
		case r == '\n':
			b.WriteRune(r)
		case r == '\t':
			b.WriteByte(' ')
		case !hidden(r):
			b.WriteRune(r)
		}
	}
	return b.String()
}

// hidden reports a rune that controls rather than shows: C0 and C1
// controls, DEL, and the
// bidirectional embeddings, overrides and isolates.
func hidden(r rune) bool {
	switch {
	case unicode.IsControl(r):
		return true
	case r >= '\u202a' && r <= '\u202e', r >= '\u2066' && r <= '\u2069', r == '\u200e', r == '\u200f', r == '\u061c':
		return true
	}
	return false
}

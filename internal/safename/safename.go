// Package safename turns names (of connections, users) into file names.
package safename

import (
	"fmt"
	"strings"
)

// File keeps letters, digits, '-' and '_' and writes any other byte as ~XX,
// so every name makes a distinct, portable file name that cannot climb out
// of its folder.
func File(name string) string {
	var b strings.Builder
	for i := 0; i < len(name); i++ {
		c := name[i]
		switch {
		case c >= 'a' && c <= 'z', c >= 'A' && c <= 'Z', c >= '0' && c <= '9', c == '-', c == '_':
			b.WriteByte(c)
		default:
			fmt.Fprintf(&b, "~%02X", c)
		}
	}
	return b.String()
}

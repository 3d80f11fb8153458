package panel

import (
	"strconv"
	"strings"
)

// number writes n with a comma between thousands ("20,001"), as the
// Entra admin center shows counts, so a large one reads at a glance.
func number(n int) string {
	s := strconv.Itoa(n)
	sign := ""
	if n < 0 {
		sign, s = "-", s[1:]
	}
	var b strings.Builder
	for i, r := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(r)
	}
	return sign + b.String()
}

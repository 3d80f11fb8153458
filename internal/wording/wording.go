// Package wording formats numbers and counts the way messages to an admin
// write them: "2,054 users", "1 group".
package wording

import "strconv"

// Thousands formats n with comma separators: 20000 is "20,000".
func Thousands(n int) string {
	if n < 0 {
		return "-" + Thousands(-n)
	}
	s := strconv.Itoa(n)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}

// Count is n and the noun, singular for one: Count(1, "group", "groups") is
// "1 group", Count(2054, "user", "users") is "2,054 users".
func Count(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return Thousands(n) + " " + many
}

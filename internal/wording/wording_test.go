package wording

import "testing"

func TestCountAndThousands(t *testing.T) {
	for _, c := range []struct {
		n    int
		want string
	}{{0, "0 groups"}, {1, "1 group"}, {999, "999 groups"}, {1000, "1,000 groups"}, {2054, "2,054 groups"}, {1234567, "1,234,567 groups"}} {
		if got := Count(c.n, "group", "groups"); got != c.want {
			t.Errorf("Count(%d) = %q, want %q", c.n, got, c.want)
		}
	}
	if got := Thousands(-20000); got != "-20,000" {
		t.Errorf("Thousands(-20000) = %q", got)
	}
}

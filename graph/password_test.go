package graph_test

import (
	"strings"
	"testing"

	"github.com/entra-wizard/entra-wizard/graph"
)

func TestGeneratedPasswordsMeetEntraComplexity(t *testing.T) {
	seen := map[string]bool{}
	for range 500 {
		pw, err := graph.GeneratePassword()
		if err != nil {
			t.Fatal(err)
		}
		if len(pw) < 8 || len(pw) > 256 {
			t.Fatalf("length %d", len(pw))
		}
		kinds := 0
		for _, set := range []string{"abcdefghijklmnopqrstuvwxyz", "ABCDEFGHIJKLMNOPQRSTUVWXYZ", "0123456789", "!@#$%^&*-_=+?"} {
			if strings.ContainsAny(pw, set) {
				kinds++
			}
		}
		if kinds != 4 {
			t.Fatalf("a generated password has %d of the 4 kinds of character", kinds)
		}
		if seen[pw] {
			t.Fatal("the same password came twice")
		}
		seen[pw] = true
	}
}

package graph

import (
	"strings"
	"testing"
)

// FuzzSearchClause checks that whatever an admin types, the $search value
// stays well formed: one quoted clause per property, nothing escaping its
// quotes.
func FuzzSearchClause(f *testing.F) {
	for _, seed := range []string{"ada", `a"b`, `\`, `" OR "x`, "  ", "Zoë Ñ", "a\tb"} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, term string) {
		got := searchClause(term, "displayName", "mail")
		if got == "" {
			if strings.Join(strings.Fields(strings.NewReplacer(`\`, "", `"`, "").Replace(term)), "") != "" {
				t.Fatalf("term %q gave no clause", term)
			}
			return
		}
		clauses := strings.Split(got, `" OR "`)
		if len(clauses) != 2 || strings.Count(got, `"`) != 4 || strings.Contains(got, `\`) {
			t.Fatalf("term %q gave %q", term, got)
		}
		if !strings.HasPrefix(got, `"displayName:`) || !strings.HasSuffix(got, `"`) {
			t.Fatalf("term %q gave %q", term, got)
		}
	})
}

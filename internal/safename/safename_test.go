package safename

import (
	"strings"
	"testing"
)

func TestFileNamesStayInTheirFolderAndApart(t *testing.T) {
	seen := map[string]string{}
	for _, name := range []string{"Northwind", "North wind", "North_wind", "..", "../settings", `a\b`, "a/b", "Zürich", "con:1", ""} {
		f := File(name)
		if strings.ContainsAny(f, `/\:.`) || (name != "" && f == "") {
			t.Errorf("File(%q) = %q: not a plain file name", name, f)
		}
		if other, ok := seen[f]; ok {
			t.Errorf("%q and %q both make %q", name, other, f)
		}
		seen[f] = name
	}
	if got := File("Northwind-EU_2"); got != "Northwind-EU_2" {
		t.Errorf("a plain name changed to %q", got)
	}
}

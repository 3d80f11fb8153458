package csvsafe_test

import (
	"bytes"
	"encoding/csv"
	"slices"
	"testing"

	"github.com/entra-wizard/entra-wizard/internal/csvsafe"
)

func TestEveryFormulaStartIsDefused(t *testing.T) {
	row := []string{"=1+1", "+1", "-1", "@SUM(A1)", "\t=cmd", "\r=cmd", "plain", "a=b", "", "Smith, \"Jo\""}
	var b bytes.Buffer
	w := csvsafe.NewWriter(&b)
	if err := w.Write(row); err != nil {
		t.Fatal(err)
	}
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	got, err := csv.NewReader(&b).Read()
	if err != nil {
		t.Fatalf("not valid CSV: %v\n%s", err, b.String())
	}
	want := []string{"'=1+1", "'+1", "'-1", "'@SUM(A1)", "'\t=cmd", "'\r=cmd", "plain", "a=b", "", "Smith, \"Jo\""}
	if !slices.Equal(got, want) {
		t.Errorf("row = %q, want %q", got, want)
	}
	if row[0] != "=1+1" {
		t.Errorf("Write changed the caller's row: %q", row)
	}
}

package odata

import (
	"encoding/json"
	"reflect"
	"testing"
)

func TestJSONObjectKeepsOrderAndEscapes(t *testing.T) {
	tricky := "quote \" backslash \\ tab \t newline \n nul \x00 bell \x07 émoji 🎉 <tag> & \u2028"
	obj := Object{
		{"z", tricky},
		{"a", []Object{{{"n", 1}, {"b", true}, {"nil", nil}}}},
		{"list", []string{"x", tricky}},
		{"bad utf8", "\xff"},
	}
	raw, err := json.Marshal(obj)
	if err != nil {
		t.Fatal(err)
	}
	if !json.Valid(raw) || string(raw[:5]) != `{"z":` {
		t.Fatalf("output %s", raw)
	}
	var back map[string]any
	if err := json.Unmarshal(raw, &back); err != nil {
		t.Fatal(err)
	}
	want := map[string]any{
		"z":        tricky,
		"a":        []any{map[string]any{"n": float64(1), "b": true, "nil": nil}},
		"list":     []any{"x", tricky},
		"bad utf8": "\ufffd",
	}
	if !reflect.DeepEqual(back, want) {
		t.Errorf("round trip:\n got %#v\nwant %#v", back, want)
	}
}

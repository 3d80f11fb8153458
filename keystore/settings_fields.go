package keystore

import (
	"bytes"
	"encoding/json"
	"maps"
	"reflect"
	"slices"
	"strings"
	"sync"
)

// A settings file may have been written by a newer version of the program,
// with fields this one does not know. They are kept, as raw JSON, and
// written back unchanged, so using an older copy of the program never
// loses what a newer one saved.

// MarshalJSON writes the profile with the fields this version does not
// know kept from when it was read.
func (p Profile) MarshalJSON() ([]byte, error) {
	type plain Profile
	b, err := json.Marshal(plain(p))
	if err != nil {
		return nil, err
	}
	return withFields(b, p.unknown)
}

// UnmarshalJSON reads a profile, keeping the fields this version does not
// know.
func (p *Profile) UnmarshalJSON(data []byte) error {
	type plain Profile
	if err := json.Unmarshal(data, (*plain)(p)); err != nil {
		return err
	}
	unknown, err := unknownFields(data, jsonNames(reflect.TypeFor[Profile]()))
	p.unknown = unknown
	return err
}

func (f settingsFile) MarshalJSON() ([]byte, error) {
	type plain settingsFile
	b, err := json.Marshal(plain(f))
	if err != nil {
		return nil, err
	}
	return withFields(b, f.unknown)
}

func (f *settingsFile) UnmarshalJSON(data []byte) error {
	type plain settingsFile
	if err := json.Unmarshal(data, (*plain)(f)); err != nil {
		return err
	}
	unknown, err := unknownFields(data, jsonNames(reflect.TypeFor[settingsFile]()))
	f.unknown = unknown
	return err
}

var namesOf sync.Map // reflect.Type -> map[string]bool

// jsonNames lists the JSON field names of a struct type.
func jsonNames(t reflect.Type) map[string]bool {
	if v, ok := namesOf.Load(t); ok {
		return v.(map[string]bool)
	}
	names := map[string]bool{}
	for f := range t.Fields() {
		if !f.IsExported() {
			continue
		}
		name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
		if name == "-" {
			continue
		}
		if name == "" {
			name = f.Name
		}
		names[name] = true
	}
	namesOf.Store(t, names)
	return names
}

// unknownFields returns the members of the JSON object data whose names are
// not known, as a JSON object; "" when there are none.
func unknownFields(data []byte, known map[string]bool) (string, error) {
	var all map[string]json.RawMessage
	if err := json.Unmarshal(data, &all); err != nil {
		return "", err
	}
	for name := range all {
		for k := range known {
			if strings.EqualFold(k, name) { // encoding/json matches either case
				delete(all, name)
				break
			}
		}
	}
	if len(all) == 0 {
		return "", nil
	}
	b, err := json.Marshal(all)
	return string(b), err
}

// withFields appends the members of the JSON object extra to the JSON
// object b, in name order.
func withFields(b []byte, extra string) ([]byte, error) {
	if extra == "" {
		return b, nil
	}
	var fields map[string]json.RawMessage
	if err := json.Unmarshal([]byte(extra), &fields); err != nil {
		return nil, err
	}
	out := bytes.TrimSuffix(bytes.TrimSpace(b), []byte("}"))
	for _, name := range slices.Sorted(maps.Keys(fields)) {
		if len(out) > 1 {
			out = append(out, ',')
		}
		key, _ := json.Marshal(name)
		out = append(append(append(out, key...), ':'), fields[name]...)
	}
	return append(out, '}'), nil
}

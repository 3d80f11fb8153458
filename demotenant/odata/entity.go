package odata

import (
	"slices"
	"time"
)

// Entity is an object of a collection as the query options see it: a kind
// and properties by name, for $select, $filter, $search and $orderby.
type Entity interface {
	Kind() *Kind
	ObjectID() string
	// Property returns the value of a property the kind declares: a
	// string, bool, []string, []Object, time.Time or nil.
	Property(name string) any
}

// Kind describes one type of object and what the query options may do
// with its properties.
type Kind struct {
	Name      string // as Graph's error messages name it: "User"
	ODataType string // "#microsoft.graph.user"
	// Defaults are the properties returned without $select.
	Defaults []string
	// Properties are all the properties $select may name.
	Properties []string
	Filterable []string
	Searchable []string
	Sortable   []string
}

func (k *Kind) has(list []string, name string) bool { return slices.Contains(list, name) }

// Mixed is the kind of a list that mixes objects of kinds, such as a
// group's members: a property any of them has is allowed, and only the id
// is returned without $select.
func Mixed(name, odataType string, kinds ...*Kind) *Kind {
	m := &Kind{Name: name, ODataType: odataType, Defaults: []string{"id"}}
	for _, k := range kinds {
		m.Properties = union(m.Properties, k.Properties)
		m.Filterable = union(m.Filterable, k.Filterable)
		m.Searchable = union(m.Searchable, k.Searchable)
		m.Sortable = union(m.Sortable, k.Sortable)
	}
	return m
}

func union(a, b []string) []string {
	out := slices.Clone(a)
	for _, s := range b {
		if !slices.Contains(out, s) {
			out = append(out, s)
		}
	}
	return out
}

// Render writes e with the selected properties, or its kind's defaults.
// withType adds "@odata.type", as Graph does in lists that mix types. A
// deleted object (one whose deletedDateTime is set) always shows when it
// was deleted.
func Render(e Entity, selected []string, withType bool) Object {
	k := e.Kind()
	props := selected
	if len(props) == 0 {
		props = k.Defaults
	}
	obj := make(Object, 0, len(props)+1)
	if withType {
		obj = append(obj, Field{"@odata.type", k.ODataType})
	}
	for _, p := range props {
		if !k.has(k.Properties, p) {
			continue
		}
		obj = append(obj, Field{p, Value(e.Property(p))})
	}
	if at, deleted := e.Property("deletedDateTime").(time.Time); deleted && !slices.Contains(props, "deletedDateTime") {
		obj = append(obj, Field{"deletedDateTime", Value(at)})
	}
	return obj
}

// Value turns a property value into its JSON form: empty strings are
// null and times are ISO 8601 in UTC, as Graph writes them.
func Value(v any) any {
	switch v := v.(type) {
	case string:
		if v == "" {
			return nil
		}
	case time.Time:
		if v.IsZero() {
			return nil
		}
		return v.UTC().Format(time.RFC3339)
	}
	return v
}

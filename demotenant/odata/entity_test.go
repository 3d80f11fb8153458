package odata

import (
	"reflect"
	"testing"
	"time"
)

// The kinds the tests query: people and teams, shaped like Graph's users
// and groups.
var (
	people = &Kind{
		Name:       "User",
		ODataType:  "#microsoft.graph.user",
		Defaults:   []string{"displayName", "id"},
		Properties: []string{"id", "accountEnabled", "assignedLicenses", "deletedDateTime", "department", "displayName", "jobTitle", "mail", "userPrincipalName", "userType"},
		Filterable: []string{"id", "accountEnabled", "assignedLicenses", "department", "displayName", "jobTitle", "mail", "userPrincipalName", "userType"},
		Searchable: []string{"displayName", "mail", "userPrincipalName", "department"},
		Sortable:   []string{"displayName", "userPrincipalName"},
	}
	teams = &Kind{
		Name:       "Group",
		ODataType:  "#microsoft.graph.group",
		Defaults:   []string{"id", "displayName", "groupTypes"},
		Properties: []string{"id", "displayName", "groupTypes"},
		Filterable: []string{"id", "displayName", "groupTypes"},
		Searchable: []string{"displayName"},
		Sortable:   []string{"displayName"},
	}
	everyone = Mixed("DirectoryObject", "#microsoft.graph.directoryObject", people, teams)
)

// object is an Entity whose properties are a map.
type object struct {
	kind  *Kind
	props map[string]any
}

func (o *object) Kind() *Kind              { return o.kind }
func (o *object) ObjectID() string         { return o.props["id"].(string) }
func (o *object) Property(name string) any { return o.props[name] }
func person(props map[string]any) *object  { return &object{people, props} }
func team(id, name string) *object {
	return &object{teams, map[string]any{"id": id, "displayName": name}}
}

func TestMixedAllowsWhatAnyKindAllows(t *testing.T) {
	if !everyone.has(everyone.Filterable, "groupTypes") || !everyone.has(everyone.Filterable, "userType") {
		t.Errorf("filterable: %v", everyone.Filterable)
	}
	if !reflect.DeepEqual(everyone.Defaults, []string{"id"}) {
		t.Errorf("defaults: %v", everyone.Defaults)
	}
}

func TestRenderSelectsAndShowsDeletion(t *testing.T) {
	at := time.Date(2024, 5, 6, 7, 8, 9, 0, time.FixedZone("x", 3600))
	p := person(map[string]any{"id": "1", "displayName": "Megan", "mail": "", "deletedDateTime": at})
	got := Render(p, []string{"id", "mail", "shoeSize"}, true)
	want := Object{{"@odata.type", "#microsoft.graph.user"}, {"id", "1"}, {"mail", nil}, {"deletedDateTime", "2024-05-06T06:08:09Z"}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got %v, want %v", got, want)
	}
	if got := Render(team("2", "Crew"), nil, false); !reflect.DeepEqual(got, Object{{"id", "2"}, {"displayName", "Crew"}, {"groupTypes", nil}}) {
		t.Errorf("defaults: %v", got)
	}
}

package demotenant

import (
	"slices"
	"time"
)

// entity is a directory object as the OData layer sees it: a type and
// properties by name, for $select, $filter, $search and $orderby.
type entity interface {
	kind() *entityKind
	objectID() string
	// property returns the value of a property the kind declares: a
	// string, bool, []string, []jsonObject, time.Time or nil.
	property(name string) any
}

// entityKind describes one type of directory object and what the query
// options may do with its properties.
type entityKind struct {
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

func (k *entityKind) has(list []string, name string) bool { return slices.Contains(list, name) }

var userKind = &entityKind{
	Name:      "User",
	ODataType: "#microsoft.graph.user",
	Defaults: []string{"businessPhones", "displayName", "givenName", "jobTitle", "mail", "mobilePhone",
		"officeLocation", "preferredLanguage", "surname", "userPrincipalName", "id"},
	Properties: []string{"id", "accountEnabled", "assignedLicenses", "businessPhones", "city", "country",
		"createdDateTime", "deletedDateTime", "department", "displayName", "givenName", "jobTitle", "mail",
		"mailNickname", "mobilePhone", "officeLocation", "onPremisesSyncEnabled", "preferredLanguage", "surname",
		"usageLocation", "userPrincipalName", "userType"},
	Filterable: []string{"id", "accountEnabled", "assignedLicenses", "city", "country", "department",
		"displayName", "givenName", "jobTitle", "mail", "mailNickname", "officeLocation", "surname",
		"usageLocation", "userPrincipalName", "userType"},
	Searchable: []string{"displayName", "givenName", "surname", "mail", "mailNickname", "userPrincipalName", "jobTitle", "department"},
	Sortable:   []string{"displayName", "userPrincipalName"},
}

var groupKind = &entityKind{
	Name:      "Group",
	ODataType: "#microsoft.graph.group",
	Defaults: []string{"id", "deletedDateTime", "classification", "createdDateTime", "creationOptions",
		"description", "displayName", "expirationDateTime", "groupTypes", "isAssignableToRole", "mail",
		"mailEnabled", "mailNickname", "membershipRule", "membershipRuleProcessingState", "onPremisesSyncEnabled",
		"preferredDataLocation", "preferredLanguage", "proxyAddresses", "renewedDateTime",
		"resourceBehaviorOptions", "resourceProvisioningOptions", "securityEnabled", "securityIdentifier",
		"theme", "visibility"},
	Filterable: []string{"id", "description", "displayName", "groupTypes", "mail", "mailEnabled",
		"mailNickname", "securityEnabled", "visibility"},
	Searchable: []string{"displayName", "description", "mail", "mailNickname"},
	Sortable:   []string{"displayName"},
}

// directoryObjectKind checks query options on lists that mix users and
// groups, such as members: a property either type has is allowed.
var directoryObjectKind = &entityKind{
	Name:      "DirectoryObject",
	ODataType: "#microsoft.graph.directoryObject",
}

func init() {
	groupKind.Properties = groupKind.Defaults
	for _, k := range []*entityKind{userKind, groupKind} {
		d := directoryObjectKind
		d.Properties = union(d.Properties, k.Properties)
		d.Filterable = union(d.Filterable, k.Filterable)
		d.Searchable = union(d.Searchable, k.Searchable)
		d.Sortable = union(d.Sortable, k.Sortable)
	}
	directoryObjectKind.Defaults = []string{"id"}
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

// render writes e with the selected properties, or its kind's defaults.
// withType adds "@odata.type", as Graph does in lists that mix types.
func render(e entity, selected []string, withType bool) jsonObject {
	k := e.kind()
	props := selected
	if len(props) == 0 {
		props = k.Defaults
	}
	obj := make(jsonObject, 0, len(props)+1)
	if withType {
		obj = append(obj, jsonField{"@odata.type", k.ODataType})
	}
	for _, p := range props {
		if !k.has(k.Properties, p) {
			continue
		}
		obj = append(obj, jsonField{p, jsonValue(e.property(p))})
	}
	if _, deleted := e.(deletedEntity); deleted && !slices.Contains(props, "deletedDateTime") {
		obj = append(obj, jsonField{"deletedDateTime", jsonValue(e.property("deletedDateTime"))})
	}
	return obj
}

// jsonValue turns a property value into its JSON form: empty strings are
// null and times are ISO 8601 in UTC, as Graph writes them.
func jsonValue(v any) any {
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

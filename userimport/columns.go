package userimport

import (
	"regexp"
	"strings"

	"github.com/entra-wizard/entra-wizard/graph"
)

// A column of the bulk-create template. The admin center's headings are
// "<Item name> [propertyName] <Required or blank>", e.g. "Name
// [displayName] Required" (Microsoft Entra documentation, "Bulk create
// users", CSV template structure); a heading of just the property name is
// taken too.
type column struct {
	property string // the name in brackets
	label    string // the admin center's item name, for messages
	required bool
	// set puts a cell's value on the new user; nil for a column that is
	// read but not imported.
	set func(u *graph.NewUser, v string)
}

// columns are the template's, in its order: the four required first.
// Password and block sign-in are read by the row checks themselves.
var columns = []column{
	{"displayName", "Name", true, func(u *graph.NewUser, v string) { u.DisplayName = v }},
	{"userPrincipalName", "User name", true, func(u *graph.NewUser, v string) { u.UserPrincipalName = v }},
	{"passwordProfile", "Initial password", true, func(u *graph.NewUser, v string) { u.Password = v }},
	{"accountEnabled", "Block sign in (Yes/No)", true, nil},
	{"givenName", "First name", false, func(u *graph.NewUser, v string) { u.GivenName = v }},
	{"surname", "Last name", false, func(u *graph.NewUser, v string) { u.Surname = v }},
	{"jobTitle", "Job title", false, func(u *graph.NewUser, v string) { u.JobTitle = v }},
	{"department", "Department", false, func(u *graph.NewUser, v string) { u.Department = v }},
	{"usageLocation", "Usage location", false, func(u *graph.NewUser, v string) { u.UsageLocation = strings.ToUpper(v) }},
	{"streetAddress", "Street address", false, nil},
	{"state", "State or province", false, nil},
	{"country", "Country or region", false, func(u *graph.NewUser, v string) { u.Country = v }},
	{"physicalDeliveryOfficeName", "Office", false, func(u *graph.NewUser, v string) { u.OfficeLocation = v }},
	{"city", "City", false, func(u *graph.NewUser, v string) { u.City = v }},
	{"postalCode", "ZIP or postal code", false, nil},
	{"telephoneNumber", "Office phone", false, nil},
	{"mobile", "Mobile phone", false, func(u *graph.NewUser, v string) { u.MobilePhone = v }},
}

// aliases are Microsoft Graph's names for template columns, for a file
// written with Graph's property names.
var aliases = map[string]string{
	"password":       "passwordProfile",
	"officeLocation": "physicalDeliveryOfficeName",
	"mobilePhone":    "mobile",
	"businessPhones": "telephoneNumber",
}

var bracketed = regexp.MustCompile(`\[([^\]]+)\]`)

// findColumn names the template column a heading stands for, or -1.
func findColumn(heading string) int {
	name := strings.TrimSpace(heading)
	if m := bracketed.FindStringSubmatch(name); m != nil {
		name = strings.TrimSpace(m[1])
	}
	for alias, property := range aliases {
		if strings.EqualFold(name, alias) {
			name = property
		}
	}
	for i, c := range columns {
		if strings.EqualFold(name, c.property) {
			return i
		}
	}
	return -1
}

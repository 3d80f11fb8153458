package ldapconn

import (
	"io"
	"strconv"

	"github.com/entra-wizard/entra-wizard/internal/csvsafe"
)

// The exports have the columns of the Microsoft Graph export (package
// graph) where the managed domain has the same thing, in the same order,
// so a script reads either the same way. The id column is the object's
// distinguished name: it names the object in LDAP as the object ID does in
// Microsoft Graph, and it is what a members export asks for as the group.
// Columns Active Directory has no value for (usageLocation) are left out;
// sAMAccountName, which only the domain has, comes last.
var (
	userHeader   = []string{"id", "displayName", "userPrincipalName", "mail", "jobTitle", "department", "accountEnabled", "sAMAccountName"}
	groupHeader  = []string{"id", "displayName", "kind", "mail", "description"}
	memberHeader = []string{"id", "displayName", "type", "userPrincipalName"}
)

// WriteUsersCSV writes users as RFC 4180 CSV with a header row.
func WriteUsersCSV(w io.Writer, users []User) error {
	rows := make([][]string, len(users))
	for i, u := range users {
		rows[i] = []string{u.DN, u.DisplayName, u.UserPrincipalName, u.Mail, u.JobTitle, u.Department, strconv.FormatBool(!u.Disabled), u.SAMAccountName}
	}
	return writeCSV(w, userHeader, rows)
}

// WriteGroupsCSV writes groups as RFC 4180 CSV with a header row.
func WriteGroupsCSV(w io.Writer, groups []Group) error {
	rows := make([][]string, len(groups))
	for i, g := range groups {
		rows[i] = []string{g.DN, g.DisplayName, g.Kind, g.Mail, g.Description}
	}
	return writeCSV(w, groupHeader, rows)
}

// WriteMembersCSV writes a group's members as RFC 4180 CSV with a header row.
func WriteMembersCSV(w io.Writer, members []Member) error {
	rows := make([][]string, len(members))
	for i, m := range members {
		rows[i] = []string{m.DN, m.DisplayName, m.Kind, m.UserPrincipalName}
	}
	return writeCSV(w, memberHeader, rows)
}

// writeCSV writes the header and rows through the same defusing writer as
// the Microsoft Graph export.
func writeCSV(w io.Writer, header []string, rows [][]string) error {
	cw := csvsafe.NewWriter(w)
	if err := cw.Write(header); err != nil {
		return err
	}
	for _, r := range rows {
		if err := cw.Write(r); err != nil {
			return err
		}
	}
	return cw.Flush()
}

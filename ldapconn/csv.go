package ldapconn

import (
	"io"
	"strconv"

	"github.com/entra-wizard/entra-wizard/internal/csvsafe"
)

// WriteUsersCSV writes users as RFC 4180 CSV with a header row.
func WriteUsersCSV(w io.Writer, users []User) error {
	rows := make([][]string, len(users))
	for i, u := range users {
		rows[i] = []string{u.DN, u.DisplayName, u.UserPrincipalName, u.SAMAccountName, u.Mail, strconv.FormatBool(!u.Disabled)}
	}
	return writeCSV(w, []string{"dn", "displayName", "userPrincipalName", "sAMAccountName", "mail", "enabled"}, rows)
}

// WriteGroupsCSV writes groups as RFC 4180 CSV with a header row.
func WriteGroupsCSV(w io.Writer, groups []Group) error {
	rows := make([][]string, len(groups))
	for i, g := range groups {
		rows[i] = []string{g.DN, g.DisplayName, g.Mail, g.Description}
	}
	return writeCSV(w, []string{"dn", "displayName", "mail", "description"}, rows)
}

// WriteMembersCSV writes a group's members as RFC 4180 CSV with a header row.
func WriteMembersCSV(w io.Writer, members []Member) error {
	rows := make([][]string, len(members))
	for i, m := range members {
		rows[i] = []string{m.DN, m.DisplayName, m.Kind}
	}
	return writeCSV(w, []string{"dn", "displayName", "type"}, rows)
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

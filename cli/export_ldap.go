package cli

import (
	"context"
	"fmt"
	"io"

	"github.com/entra-wizard/entra-wizard/internal/wording"
	"github.com/entra-wizard/entra-wizard/keystore"
	"github.com/entra-wizard/entra-wizard/ldapconn"
)

// savedLDAP returns the saved connection called name when it is a secure
// LDAP one. Anything else, a missing one included, is left to the
// Microsoft Graph path, which explains it.
func (d connectionDeps) savedLDAP(name string) (*keystore.Store, keystore.Profile, bool) {
	store, err := d.openStore()
	if err != nil {
		return nil, keystore.Profile{}, false
	}
	p, err := store.Get(name)
	if err != nil || !p.IsLDAP() {
		return nil, keystore.Profile{}, false
	}
	return store, p, true
}

// exportLDAP writes the chosen list of the managed domain to w as CSV, in
// the columns of the Microsoft Graph export that apply (see
// ldapconn.WriteUsersCSV), and returns how many rows it wrote. A group's
// members are read 200 at a time, each step reported on progress.
func exportLDAP(ctx context.Context, dir *ldapconn.Directory, opts exportOptions, w io.Writer, progress io.Writer) (int, error) {
	switch opts.What {
	case "users":
		users, err := dir.Users(ctx, "", 0)
		if err != nil {
			return 0, err
		}
		return len(users), ldapconn.WriteUsersCSV(w, users)
	case "groups":
		groups, err := dir.Groups(ctx, "", 0)
		if err != nil {
			return 0, err
		}
		return len(groups), ldapconn.WriteGroupsCSV(w, groups)
	}
	members, err := dir.ReadMembers(ctx, opts.Group, func(read, total int) {
		if read < total {
			fmt.Fprintf(progress, "Read %s of %s members...\n", wording.Thousands(read), wording.Thousands(total))
		}
	})
	if err != nil {
		return 0, err
	}
	return len(members), ldapconn.WriteMembersCSV(w, members)
}

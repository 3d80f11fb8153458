package panel

import "strings"

// guestMarker ends the local part of a guest's user principal name,
// which Entra builds from the address they were invited with:
// jane_contoso.com#EXT#@tenant.onmicrosoft.com.
const guestMarker = "#EXT#"

// signInName is the address to show for an account on a line of its
// own: its user principal name, or for a guest the address they were
// invited with, marked "(guest)", since the #EXT# form means nothing to
// an admin reading it.
func signInName(upn, mail string) string {
	if !strings.Contains(upn, guestMarker) {
		return upn
	}
	return address(upn, mail) + " (guest)"
}

// address is the account's user principal name, or for a guest the
// address they were invited with: their mail, or without one the name
// read back, whose last "_" stands for the "@".
func address(upn, mail string) string {
	local, _, guest := strings.Cut(upn, guestMarker)
	switch {
	case !guest:
		return upn
	case mail != "":
		return mail
	}
	if i := strings.LastIndex(local, "_"); i > 0 {
		return local[:i] + "@" + local[i+1:]
	}
	return local
}

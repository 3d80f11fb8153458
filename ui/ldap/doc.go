// Package ldap holds the screens of the secure LDAP connection to a
// Microsoft Entra Domain Services managed domain: the setup page (a guide
// through the portal, the fields, the checklist test with the certificate
// and a way to trust it, and saving) and the read-only panel (users,
// groups, a group's members, CSV export).
//
// The work happens in ldapconn; this package only shows it. Background work
// reaches the widgets only through the injected Do (fyne.Do in the app).
package ldap

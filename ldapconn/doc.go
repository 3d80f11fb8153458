// Package ldapconn connects to a Microsoft Entra Domain Services managed
// domain over secure LDAP (LDAPS, TCP 636) and reads its users and groups.
//
// Entra ID itself has no LDAP endpoint; a managed domain offers one once
// secure LDAP is enabled with a certificate. Getting there takes several
// steps that each fail in their own way, so the connection test runs as a
// checklist (the name resolves, TCP connects, the TLS handshake presents a
// certificate this program trusts, the bind account signs in, a search
// under the base DN finds users and groups) and explains each failure in
// words an admin can act on.
//
// A certificate that does not chain to a trusted authority is never
// accepted silently: the admin may trust exactly its SHA-256 fingerprint,
// which is saved with the connection and checked on every later connection.
// The package reads only; objects that come from Entra ID are read-only in
// the managed domain anyway. It has no user interface and never sees where
// the password is kept.
package ldapconn

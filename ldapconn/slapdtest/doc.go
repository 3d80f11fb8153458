// Package slapdtest starts a real OpenLDAP server (slapd) for tests: an
// unprivileged process with its own configuration folder, serving secure
// LDAP on a loopback port with a certificate from a throwaway authority
// made at test time, and seeded with users, groups and computers laid out
// the way a Microsoft Entra Domain Services managed domain lays them out
// (OU=AADDC Users, OU=AADDC Computers, Active Directory's object classes).
//
// Tests that need it skip, saying why, only when slapd is not installed.
package slapdtest

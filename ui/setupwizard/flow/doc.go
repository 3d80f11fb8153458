// Package flow is the setup wizard's state machine, without any user
// interface: the ways to set up a connection (the guided steps, "Set it up
// for me" and secure LDAP), the steps of each from the welcome page to its
// end, every value the admin typed, per-field validation in plain words,
// and the rules for moving forward and back. It speaks the engine's words
// for clouds and sign-in methods (keystore's and oauth's).
//
// The screens in package setupwizard show one step at a time and copy what
// the admin types into State; Next refuses to leave a step whose values are
// not valid and says why, Back never loses anything. Work with side effects
// (signing in, testing the connection, writing the keychain) happens
// outside: the caller reports results with RecordTest, RecordSaved and
// RecordSetUp, and the wizard decides from them which steps are reachable.
package flow

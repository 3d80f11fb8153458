// Package flow is the setup wizard's state machine, without any user
// interface: the steps from the welcome page to a saved connection, every
// value the admin typed, per-field validation in plain words, and the rules
// for moving forward and back.
//
// The screens in package ui show one step at a time and copy what the admin
// types into State; Next refuses to leave a step whose values are not valid
// and says why, Back never loses anything. Work with side effects (signing
// in, testing the connection, writing the keychain) happens outside: the
// caller reports results with RecordTest and RecordSaved, and the wizard
// decides from them which steps are reachable.
package flow

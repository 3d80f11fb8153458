// Package archtest holds tests of the program's architecture: which of its
// packages may depend on what. It has no code of its own.
//
// The rules, from the design: the engine packages (wizard, oauth, keystore,
// graph, demotenant) and the command line never depend on Fyne; the demo
// tenant uses the standard library only, so the clients tested against it
// share no code with it; and the Microsoft Graph SDK is imported by the graph
// package alone.
package archtest

// Package ui is the program's window: it shows the setup wizard
// (package setupwizard) until a connection is saved, then the management
// panel (package panel), and switches between them. It builds both from
// the program's real dependencies (Deps), so neither screen package
// depends on the other.
//
// The screens start goroutines that touch widgets only through fyne.Do
// (or an injected equivalent in tests). Network and keychain work never
// runs on the UI goroutine.
package ui

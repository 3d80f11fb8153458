// Package ui is the program's Fyne user interface: the window and theme
// (app.go), the setup wizard's screens (wizard*.go) over the wizard state
// machine, and the management panel (panel*.go).
//
// It is the only package that starts goroutines touching widgets, and they
// do so only through fyne.Do (or an injected equivalent in tests). Network
// and keychain work never runs on the UI goroutine.
package ui

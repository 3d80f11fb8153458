// Package setupwizard holds the setup wizard's screens: one struct and one
// file per step, over the Fyne-free state machine in package flow, which
// decides the steps, validation and transitions. Wizard is the whole
// wizard as window content; it saves a connection through Store and hands
// over to the management panel through Deps.OnFinish, so it never imports
// package panel.
//
// Background work (the connection test, a browser sign-in, saving) runs
// off the UI goroutine and touches widgets only through Deps.Do.
package setupwizard

// Package panel is the management panel: a connection switcher above
// tabs for users, groups and recently deleted users, with their details,
// edits, licenses, memberships, bulk changes and exports. It opens a saved
// connection through the Opener it is given and talks to the tenant only
// through package graph; it never imports the setup wizard's screens.
//
// Background work runs off the UI goroutine and touches widgets only
// through Config.Do.
package panel

// Package provision registers the program's app in a tenant on the admin's
// behalf: one browser sign-in with Microsoft's first-party client
// "Microsoft Graph Command Line Tools", then the app registration, its
// service principal, a client secret (or a public-client redirect) and the
// consent, all through Microsoft Graph; it waits until Entra knows the new
// app, runs the normal connection test and hands the connection over to be
// saved. A step that fails says which it was and what exists so far, so the
// caller can remove it or continue from there. It also renews a saved
// connection's secret. Every sign-in (the administrator's and the new
// app's) and the connection test go through the connection engine; setup
// builds no token sources of its own. It knows nothing of windows: the
// command line and the GUI both drive it.
package provision

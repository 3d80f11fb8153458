// Package connection is the one engine that opens and tests connections to
// Microsoft Entra ID, for the window and the command line alike. It owns,
// once: resolving a connection's endpoints (a Microsoft cloud, custom
// addresses, or the embedded demo tenant) in Resolve; building the token
// source for a saved connection (client secret, or a browser sign-in
// renewed with its refresh token, a rotated token saved back to the
// keychain and a failed save reported as TokenNotSavedError); opening a
// Graph client; running the connection test; and the sign-ins that are
// never saved (Engine.SignInOnce for an administrator setting an app up,
// Engine.AppClaims to ask whether Entra knows a new app yet).
//
// Other packages never build token sources or switch on clouds themselves:
// they call Engine.Open for a saved connection, or Engine.Test for one being
// set up; archtest enforces it. It has no Fyne dependency.
package connection

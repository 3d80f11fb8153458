// Package oauth gets tokens for Microsoft Graph from Microsoft Entra ID.
//
// It knows the Microsoft clouds and their endpoints, checks what an admin
// types (tenant, client ID, secret) before anything goes on the network,
// gets app-only tokens with a client secret (client credentials), signs a
// person in through their browser with a loopback redirect (authorization
// code with PKCE), refreshes delegated tokens and keeps rotated refresh
// tokens, and turns Entra's error answers into an *Error that names the
// AADSTS code and says, in plain words, what to do about it.
//
// It also builds the links an admin needs while setting up: the admin
// consent URL and the Entra admin center pages of an app registration.
//
// Package connection is its one caller for tokens: nothing else builds
// token sources (archtest checks it).
//
// The package has no user interface. Its side effects are injected: the
// HTTP client that talks to Entra, and the function that opens the browser.
// Tokens and secrets never appear in its error messages.
package oauth

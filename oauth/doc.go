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
// The package has no user interface. Every side effect is injected: the
// HTTP client, the browser opener and the clock of the login timeout.
package oauth

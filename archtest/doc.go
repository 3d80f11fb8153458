// Package archtest holds tests of the program's architecture: which of its
// packages may depend on what. It has no code of its own.
//
// The rules, from the design: the engine packages (ui/setupwizard/flow, oauth, keystore,
// graph, connection, provision, changefeed, userimport, demotenant) and the
// command line never depend on Fyne, only the ui packages do; the setup
// wizard's screens (ui/setupwizard) and the management panel (ui/panel)
// never import each other or the ui shell, and the shell never imports
// demotenant; the demo tenant, with its subpackages, uses the standard
// library only, so the clients tested against it share no code with it, and
// the rest of the program imports only its root package; the Microsoft Graph SDK is
// imported by graph alone and the LDAP library by ldapconn alone; and only
// the connection engine (connection) builds token sources (oauth defines
// them; graph only wraps the one it is given), while the command line, the
// window, the wizard, setup, the change feed and the user import neither
// choose endpoints nor open Graph clients themselves. Setup's administrator
// sign-in goes through the engine too.
package archtest

package cli

import (
	"fmt"
	"io"
)

const usageText = `Entra Setup Wizard connects an app to Microsoft Entra ID and manages its
users and groups.

Usage:
  entra-wizard                 open the app
  entra-wizard --demo          open the app connected to a built-in demo tenant
  entra-wizard COMMAND [flags]

Commands:
  connect       test a connection (Entra ID, or secure LDAP with --ldap) and
                save it when it works
  setup         sign in as an administrator and let the program register the
                app, its secret and its consent, then test and save it
  renew         replace a connection's client secret or certificate with a
                new one (renew-secret is the same)
  status        test saved connections
  export        write users, groups or a group's members as CSV
  reset-password
                give a user a new, generated password, printed once
  revoke-sessions
                sign a user out of every app and browser
  import        create users from a CSV in the admin center's bulk-create
                format
  changes       print the users and groups changed since the last run
  watch         keep printing changes to users and groups as they happen
  offboard      take a leaving user's access away, or --undo it
  demo-tenant   run the demo tenant on its own and print its credentials
  help          show this text

Flags for the app:
  --demo              connect to the built-in demo tenant
  --scenario NAME     demo tenant scenario: %s (with --demo)
  --version           show the version, commit, and Go and Fyne versions
  -h, --help          show this text

Run "entra-wizard COMMAND --help" for a command's flags.
Settings live in the folder named by ENTRA_WIZARD_CONFIG_DIR, or by default in
the user's configuration folder under entra-wizard; secrets live in the
system keychain.
`

// writeUsage prints the program's usage text to w.
func writeUsage(w io.Writer) {
	fmt.Fprintf(w, usageText, scenarioList())
}

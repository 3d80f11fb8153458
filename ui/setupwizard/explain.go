package setupwizard

import (
	"context"
	"errors"

	"github.com/entra-wizard/entra-wizard/graph"
	"github.com/entra-wizard/entra-wizard/keystore"
	"github.com/entra-wizard/entra-wizard/oauth"
)

// explain says in plain words what went wrong and what to do about
// it. Secrets never appear in the errors it reads.
func explain(err error) (what, todo string) {
	switch {
	case errors.Is(err, oauth.ErrNoBrowser):
		return "The browser could not be opened, and the sign-in was not finished.",
			"Press Sign in again and open the address that appears in a browser by hand; copy it with the Copy button."
	case errors.Is(err, oauth.ErrLoginCancelled), errors.Is(err, context.Canceled):
		return "You cancelled before it finished.", "Press the button again when you are ready."
	case errors.Is(err, oauth.ErrLoginTimeout), errors.Is(err, context.DeadlineExceeded):
		return "The sign-in took too long and was stopped.", "Press Sign in and finish signing in within a few minutes."
	case errors.Is(err, keystore.ErrUnavailable):
		return err.Error() + ". Nothing was saved.",
			"Start your system's keychain (GNOME Keyring or KWallet on Linux, Keychain on macOS, Credential Manager on Windows), then press Save again."
	case errors.Is(err, keystore.ErrTimeout):
		return err.Error() + ". Nothing was saved.", "Unlock your keychain, then press Save again."
	}
	if e, ok := oauth.AsError(err); ok {
		todo := e.Hint
		if todo == "" {
			todo = "Check the values on the previous pages."
			if e.URI != "" {
				todo += " Microsoft explains the error here: " + e.URI
			}
		}
		return "Microsoft Entra ID refused the sign-in (" + e.Error() + ").", todo
	}
	if e, ok := graph.AsError(err); ok {
		return "Microsoft Graph refused the request: " + e.Plain(), "Check the app's permissions and admin consent, then test again."
	}
	return err.Error() + ".", "Check your network connection and the values on the previous pages, then try again."
}

package graph

import (
	"errors"
	"fmt"
	"net/http"
	"strings"
)

// Plain explains the error in words an administrator understands, ending
// with Graph's code so support can look it up. It does not repeat the action
// (see Action), so callers can say "Could not ...: " first.
func (e *Error) Plain() string {
	what := e.explain()
	switch {
	case e.Status == 0:
		return what
	case e.Code != "":
		return fmt.Sprintf("%s (Microsoft Graph error %s, HTTP %d)", what, e.Code, e.Status)
	default:
		return fmt.Sprintf("%s (HTTP %d)", what, e.Status)
	}
}

// explain picks the plain-words sentence for the error.
func (e *Error) explain() string {
	switch {
	case e.Status == 0:
		return "Could not reach Microsoft Graph: check the internet connection, a proxy or firewall, and try again."
	case e.has("userprincipalname") && e.has("already exist"):
		return "Another account already uses this user name (user principal name). Choose a different one."
	case e.has("domain") && (e.has("verified") || e.has("invalid")):
		return "The domain part of the user name (after @) is not a verified domain of this tenant. Use one of the tenant's domains."
	case e.has("password") && e.has("complexity"):
		return "The password does not meet the tenant's complexity rules. Use a generated password."
	case e.has("usage location"):
		return "The user has no usage location. Set the usage location (a country) on the user first, then assign the license."
	case e.has("does not have any available licenses") || e.has("not enough licenses") || e.has("no available licenses"):
		return "There are no free licenses of this product left. Buy more, or remove the license from someone who no longer needs it."
	case e.has("object references already exist") && e.has("'owners'"):
		return "This user is already an owner of the group."
	case e.has("object references already exist"):
		return "This object is already a member of the group."
	case e.isLastOwner():
		return "A group keeps at least one owner, and this is its last: add another owner to the group first, then remove this one."
	case e.Status == http.StatusUnauthorized:
		return "Microsoft Graph did not accept the connection's sign-in (the token is missing, expired or was issued for another tenant). Test the connection again." + e.needsText()
	case errors.Is(e, ErrDenied):
		return "This connection is not allowed to do that." + e.needsText()
	case errors.Is(e, ErrNotFound):
		return "The object was not found: it may have been deleted or the ID is wrong. Refresh the list."
	case errors.Is(e, ErrThrottled):
		return "Microsoft Graph is limiting how fast this app may send requests (throttling). Wait a minute and try again."
	case errors.Is(e, ErrConflict):
		return "An object with the same value already exists. Choose a different name."
	case e.Status >= 500:
		return "Microsoft Graph had a temporary problem. Try again in a few minutes."
	case e.Message != "":
		return "Microsoft Graph said: " + e.Message
	default:
		return "Microsoft Graph refused the request."
	}
}

// needsText names the permissions the action needs and how to add them.
func (e *Error) needsText() string {
	if len(e.Needs) == 0 {
		return " Check the app's API permissions and that admin consent was granted; with a browser sign-in, the signed-in user also needs a suitable directory role."
	}
	return fmt.Sprintf(" It needs the Microsoft Graph permission %s: add it under API permissions and grant admin consent. With a browser sign-in, the signed-in user also needs a directory role that allows it.",
		strings.Join(e.Needs, " or "))
}

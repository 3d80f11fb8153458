package graph

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/url"
	"strings"

	abstractions "github.com/microsoft/kiota-abstractions-go"
	"github.com/microsoftgraph/msgraph-sdk-go/models/odataerrors"

	"github.com/entra-wizard/entra-wizard/oauth"
)

// Kinds of failure, for errors.Is on any error this package returns.
var (
	// ErrNotFound: the object does not exist (or no longer does).
	ErrNotFound = errors.New("not found")
	// ErrDenied: the connection lacks a permission or directory role.
	ErrDenied = errors.New("insufficient privileges")
	// ErrThrottled: Graph kept answering "too many requests".
	ErrThrottled = errors.New("throttled")
	// ErrUnreachable: Graph could not be reached at all.
	ErrUnreachable = errors.New("could not reach Microsoft Graph")
	// ErrConflict: the object or reference already exists.
	ErrConflict = errors.New("already exists")
	// ErrUnverifiedDomain: a user name ends in a domain the tenant has not
	// verified (Organization lists the ones it has).
	ErrUnverifiedDomain = errors.New("not a verified domain")
	// ErrPolicyCredentialType: the tenant's app management policy does not
	// allow this kind of credential (CredentialTypeNotAllowedAsPerAppPolicy).
	ErrPolicyCredentialType = errors.New("credential type not allowed by the app management policy")
	// ErrPolicyLifetime: the credential lives longer than the app
	// management policy allows (CredentialInvalidLifetimeAsPerAppPolicy).
	ErrPolicyLifetime = errors.New("credential lifetime longer than the app management policy allows")
)

// errEmptyAnswer is a success answer without the object it should carry.
var errEmptyAnswer = errors.New("the answer from Microsoft Graph held no object")

// Error is a failed Microsoft Graph request, decoded from Graph's error body.
type Error struct {
	Status    int    // HTTP status; 0 when Graph could not be reached
	Code      string // Graph's error code, e.g. "Authorization_RequestDenied"
	Message   string // Graph's own message
	RequestID string // Graph's request-id, for Microsoft support

	// Action says what was being done, e.g. "create the user".
	Action string
	// Needs lists the permissions the action needs (any one of them).
	Needs []string

	cause error
}

func (e *Error) Error() string {
	var b strings.Builder
	b.WriteString("graph: ")
	if e.Action != "" {
		b.WriteString(e.Action + ": ")
	}
	if e.Status == 0 {
		b.WriteString("could not reach Microsoft Graph")
		if e.cause != nil {
			b.WriteString(": " + e.cause.Error())
		}
		return b.String()
	}
	fmt.Fprintf(&b, "%d %s", e.Status, e.Code)
	if e.Message != "" {
		b.WriteString(": " + e.Message)
	}
	return b.String()
}

// Unwrap returns the underlying transport error, if any.
func (e *Error) Unwrap() error { return e.cause }

// Is matches the package's kind errors (ErrNotFound, ErrDenied, ...).
func (e *Error) Is(target error) bool {
	switch target {
	case ErrNotFound:
		return e.Status == http.StatusNotFound || e.Code == "Request_ResourceNotFound" || e.Code == "ResourceNotFound"
	case ErrDenied:
		return e.Status == http.StatusForbidden || e.Status == http.StatusUnauthorized || e.Code == "Authorization_RequestDenied"
	case ErrThrottled:
		return e.Status == http.StatusTooManyRequests
	case ErrUnreachable:
		return e.Status == 0
	case ErrUnverifiedDomain:
		return e.Status == http.StatusBadRequest && e.has("domain") && (e.has("verified") || e.has("invalid"))
	case ErrConflict:
		return e.Status == http.StatusConflict || e.has("already exist") || e.Code == "ObjectConflict"
	case ErrPolicyCredentialType:
		return e.Code == "CredentialTypeNotAllowedAsPerAppPolicy"
	case ErrPolicyLifetime:
		return e.Code == "CredentialInvalidLifetimeAsPerAppPolicy"
	case ErrLastOwner:
		return e.isLastOwner()
	}
	return false
}

// AsError finds a *Error in err's chain.
func AsError(err error) (*Error, bool) {
	var e *Error
	ok := errors.As(err, &e)
	return e, ok
}

// has reports whether Graph's message contains s, ignoring case.
func (e *Error) has(s string) bool {
	return strings.Contains(strings.ToLower(e.Message), s)
}

// noID refuses an operation on an empty object ID before anything is sent:
// the request would name the whole collection instead of one object.
func noID(action string, ids ...string) error {
	for _, id := range ids {
		if strings.TrimSpace(id) == "" {
			return fmt.Errorf("graph: %s: no object ID given", action)
		}
	}
	return nil
}

// tokenError marks a failure to get a token, so it is passed through as is
// (the oauth package decodes it) rather than read as a Graph error.
type tokenError struct{ err error }

func (e *tokenError) Error() string { return "get a token: " + e.err.Error() }
func (e *tokenError) Unwrap() error { return e.err }

// fail turns what the SDK returned into the package's error for action.
// Token errors and cancellations keep their own type; Graph answers become
// *Error; transport failures become an *Error with Status 0.
func fail(err error, action string, needs ...string) error {
	if err == nil {
		return nil
	}
	var tok *tokenError
	if errors.As(err, &tok) || errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded) {
		return fmt.Errorf("graph: %s: %w", action, err)
	}
	if e, ok := AsError(err); ok {
		cp := *e
		if cp.Action == "" {
			cp.Action = action
		}
		if cp.Needs == nil {
			cp.Needs = needs
		}
		return &cp
	}
	out := &Error{Action: action, Needs: needs}
	var odata *odataerrors.ODataError
	var api *abstractions.ApiError
	switch {
	case errors.As(err, &odata):
		out.Status = odata.GetStatusCode()
		if main := odata.GetErrorEscaped(); main != nil {
			out.Code = deref(main.GetCode())
			out.Message = deref(main.GetMessage())
			if inner := main.GetInnerError(); inner != nil {
				out.RequestID = deref(inner.GetRequestId())
			}
		}
		if out.RequestID == "" {
			out.RequestID = headerValue(odata.GetResponseHeaders(), "request-id")
		}
	case errors.As(err, &api):
		out.Status = api.GetStatusCode()
		out.Message = api.Message
		out.RequestID = headerValue(api.GetResponseHeaders(), "request-id")
	case isNetworkError(err):
		out.cause = err
	default:
		return fmt.Errorf("graph: %s: %w", action, err)
	}
	out.printable()
	return out
}

// printable makes the text Graph sent safe to show on a terminal or in a
// window: a message carrying escape sequences shows them inert.
func (e *Error) printable() {
	for _, f := range []*string{&e.Code, &e.Message, &e.RequestID} {
		*f = oauth.PrintableText(*f)
	}
}

func headerValue(h *abstractions.ResponseHeaders, name string) string {
	if h == nil {
		return ""
	}
	if v := h.Get(name); len(v) > 0 {
		return v[0]
	}
	return ""
}

func isNetworkError(err error) bool {
	var netErr net.Error
	var urlErr *url.Error
	return errors.As(err, &netErr) || errors.As(err, &urlErr)
}

func deref[T any](p *T) T {
	var zero T
	if p == nil {
		return zero
	}
	return *p
}

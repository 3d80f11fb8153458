package odata

import (
	"fmt"
	"net/http"
)

// Error is a Microsoft Graph error answer: an HTTP status with Graph's
// error code and message.
type Error struct {
	Status  int
	Code    string
	Message string
}

func (e *Error) Error() string { return e.Code + ": " + e.Message }

// NewError is an Error whose message is formatted from format and args.
func NewError(status int, code, format string, args ...any) *Error {
	return &Error{Status: status, Code: code, Message: fmt.Sprintf(format, args...)}
}

// BadRequest is Graph's generic answer to a malformed request.
func BadRequest(format string, args ...any) *Error {
	return NewError(http.StatusBadRequest, "BadRequest", format, args...)
}

// Graph's answers to query options that are refused, in Graph's words.
var (
	errSearchNeedsConsistency = &Error{http.StatusBadRequest, "Request_UnsupportedQuery",
		"Request with $search query parameter only works through MSGraph with a special request header: 'ConsistencyLevel: eventual'"}
	errCountUnsupported = &Error{http.StatusBadRequest, "Request_BadRequest",
		"$count is not currently supported."}
	errSortingUnsupported = &Error{http.StatusBadRequest, "Request_UnsupportedQuery",
		"Sorting not supported for current query."}
)

// UnsupportedFilter is Graph's answer to a $filter on a property or with
// an operator the resource does not support.
func UnsupportedFilter(property, resource string) *Error {
	return NewError(http.StatusBadRequest, "Request_UnsupportedQuery", "Unsupported or invalid query filter clause specified for property '%s' of resource '%s'.", property, resource)
}

package demotenant

import (
	"crypto/rand"
	"encoding/json"
	"net/http"
	"time"

	"github.com/entra-wizard/entra-wizard/demotenant/odata"
)

// Graph's answers to common faults, in Graph's words.
var (
	errInsufficientPrivileges = odata.NewError(http.StatusForbidden, "Authorization_RequestDenied",
		"Insufficient privileges to complete the operation.")
	errThrottled = odata.NewError(http.StatusTooManyRequests, "TooManyRequests",
		"Too many requests have been sent in a short time. Please retry after the number of seconds in the Retry-After header.")
	errMemberExists = odata.NewError(http.StatusBadRequest, "Request_BadRequest",
		"One or more added object references already exist for the following modified properties: 'members'.")
	errDuplicateUPN = odata.NewError(http.StatusBadRequest, "Request_BadRequest",
		"Another object with the same value for property userPrincipalName already exists.")
	errUnverifiedDomain = odata.NewError(http.StatusBadRequest, "Request_BadRequest",
		"The domain portion of the userPrincipalName property is invalid. You must use one of the verified domain names in your organization.")
	errPasswordComplexity = odata.NewError(http.StatusBadRequest, "Request_BadRequest",
		"The specified password does not comply with password complexity requirements. Please provide a different password.")
	errInvalidUsageLocation = odata.NewError(http.StatusBadRequest, "Request_BadRequest",
		"License assignment cannot be done for user with invalid usage location.")
)

// errNotFound is Graph's answer for an object id that names nothing.
func errNotFound(id string) *odata.Error {
	return odata.NewError(http.StatusNotFound, "Request_ResourceNotFound",
		"Resource '%s' does not exist or one of its queried reference-property objects are not present.", id)
}

// errInvalidProperty is Graph's answer to a missing or bad property value.
func errInvalidProperty(property, resource string) *odata.Error {
	return odata.NewError(http.StatusBadRequest, "Request_BadRequest",
		"Invalid value specified for property '%s' of resource '%s'.", property, resource)
}

// graphErrorBody is the JSON Graph sends with every error.
type graphErrorBody struct {
	Error graphErrorDetail `json:"error"`
}

type graphErrorDetail struct {
	Code       string          `json:"code"`
	Message    string          `json:"message"`
	InnerError graphInnerError `json:"innerError"`
}

type graphInnerError struct {
	Date            string `json:"date"`
	RequestID       string `json:"request-id"`
	ClientRequestID string `json:"client-request-id"`
}

// writeGraphError answers with e in Graph's error shape. The request-id
// headers must already be set.
func writeGraphError(w http.ResponseWriter, e *odata.Error) {
	body := graphErrorBody{Error: graphErrorDetail{
		Code:    e.Code,
		Message: e.Message,
		InnerError: graphInnerError{
			Date:            time.Now().UTC().Format("2006-01-02T15:04:05"),
			RequestID:       w.Header().Get("request-id"),
			ClientRequestID: w.Header().Get("client-request-id"),
		},
	}}
	w.Header().Set("Content-Type", graphJSONType)
	w.WriteHeader(e.Status)
	_ = json.NewEncoder(w).Encode(body)
}

// setRequestIDs gives the answer Graph's request-id and client-request-id
// headers; the client's own id is echoed when it sent one.
func setRequestIDs(w http.ResponseWriter, r *http.Request) {
	id := newRequestID()
	w.Header().Set("request-id", id)
	client := r.Header.Get("client-request-id")
	if client == "" {
		client = id
	}
	w.Header().Set("client-request-id", client)
}

func newRequestID() string {
	var b [16]byte
	_, _ = rand.Read(b[:])
	var hi, lo uint64
	for i := range 8 {
		hi = hi<<8 | uint64(b[i])
		lo = lo<<8 | uint64(b[8+i])
	}
	return formatGUID(hi, lo)
}

package oauth

import (
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"golang.org/x/oauth2"
)

// errorLinkBase is where Entra explains an AADSTS code.
const errorLinkBase = "https://login.microsoftonline.com/error?code="

// Error is an error answer from Entra ID, from the token endpoint or from a
// browser sign-in's redirect. Hint says in plain words what to do about the
// known codes; for the others Description and URI are Entra's own words.
type Error struct {
	// Status is the HTTP status of a token answer; 0 for a sign-in redirect.
	Status int
	// Name is the OAuth error, e.g. invalid_client.
	Name string
	// Code is the first AADSTS code, e.g. "AADSTS7000215"; "" if none.
	Code string
	// Codes are all the numeric codes Entra gave.
	Codes []int
	// Description is Entra's error_description as sent.
	Description string
	// Hint is what an admin can do about it; "" for codes without a hint.
	Hint string
	// URI is a page about the error.
	URI           string
	TraceID       string
	CorrelationID string

	cause error // the oauth2 error this was decoded from, if any
}

// Error returns the code and Entra's message, without trace lines.
func (e *Error) Error() string {
	label := e.Code
	if label == "" {
		label = e.Name
	}
	if label == "" {
		label = "sign-in failed"
	}
	if msg := e.Message(); msg != "" {
		return label + ": " + msg
	}
	return label
}

// Message is Entra's description without its AADSTS prefix and without the
// trace ID, correlation ID and timestamp lines.
func (e *Error) Message() string {
	var kept []string
	for line := range strings.Lines(e.Description) {
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "Trace ID:") ||
			strings.HasPrefix(line, "Correlation ID:") || strings.HasPrefix(line, "Timestamp:") {
			continue
		}
		kept = append(kept, line)
	}
	msg := strings.Join(kept, " ")
	if e.Code != "" {
		msg = strings.TrimPrefix(msg, e.Code+":")
	}
	msg = strings.TrimSpace(msg)
	if msg == "" && e.Status != 0 {
		msg = fmt.Sprintf("the sign-in service answered %d %s", e.Status, http.StatusText(e.Status))
	}
	return msg
}

// Unwrap returns the oauth2 error the Error was decoded from, if any.
func (e *Error) Unwrap() error { return e.cause }

// HasCode reports whether Entra gave the numeric code, e.g. 7000215.
func (e *Error) HasCode(code int) bool {
	for _, c := range e.Codes {
		if c == code {
			return true
		}
	}
	return false
}

// AsError finds the Entra error in err's chain: an *Error, or an
// *oauth2.RetrieveError whose body is decoded.
func AsError(err error) (*Error, bool) {
	var e *Error
	if errors.As(err, &e) {
		return e, true
	}
	var re *oauth2.RetrieveError
	if errors.As(err, &re) {
		return fromRetrieveError(re), true
	}
	return nil, false
}

// fromRetrieveError decodes a failed token answer.
func fromRetrieveError(re *oauth2.RetrieveError) *Error {
	status := 0
	if re.Response != nil {
		status = re.Response.StatusCode
	}
	e := decodeErrorBody(status, re.Body)
	if e.Name == "" {
		e.Name = re.ErrorCode
	}
	if e.Description == "" {
		e.Description = re.ErrorDescription
	}
	if e.URI == "" {
		e.URI = re.ErrorURI
	}
	e.cause = re
	e.complete()
	return e
}

// tokenErrorBody is the JSON error answer of the token endpoint.
type tokenErrorBody struct {
	Error         string `json:"error"`
	Description   string `json:"error_description"`
	Codes         []int  `json:"error_codes"`
	URI           string `json:"error_uri"`
	TraceID       string `json:"trace_id"`
	CorrelationID string `json:"correlation_id"`
}

// decodeErrorBody decodes a token endpoint's error answer. A body that is
// not Entra's JSON (a proxy's page, say) gives an Error with the status only.
func decodeErrorBody(status int, body []byte) *Error {
	var b tokenErrorBody
	_ = json.Unmarshal(body, &b) // a body that isn't JSON leaves b empty
	e := &Error{
		Status:        status,
		Name:          b.Error,
		Codes:         b.Codes,
		Description:   b.Description,
		URI:           b.URI,
		TraceID:       b.TraceID,
		CorrelationID: b.CorrelationID,
	}
	e.complete()
	return e
}

// errorFromCallback decodes the error a sign-in redirect carries in its
// query (error, error_description, error_uri); nil if there is none.
func errorFromCallback(q url.Values) *Error {
	if q.Get("error") == "" {
		return nil
	}
	e := &Error{
		Name:          q.Get("error"),
		Description:   q.Get("error_description"),
		URI:           q.Get("error_uri"),
		TraceID:       q.Get("trace_id"),
		CorrelationID: q.Get("correlation_id"),
	}
	e.complete()
	return e
}

// complete makes the text Entra sent safe to print (see PrintableText),
// then fills Codes from the description when Entra sent none, then Code,
// Hint and URI from the first code.
func (e *Error) complete() {
	for _, f := range []*string{&e.Name, &e.Description, &e.URI, &e.TraceID, &e.CorrelationID} {
		*f = PrintableText(*f)
	}
	if len(e.Codes) == 0 {
		if c, ok := codeInDescription(e.Description); ok {
			e.Codes = []int{c}
		}
	}
	if len(e.Codes) == 0 {
		return
	}
	first := e.Codes[0]
	e.Code = "AADSTS" + strconv.Itoa(first)
	for _, c := range e.Codes {
		if h := hintFor(c); h != "" {
			e.Hint = h
			break
		}
	}
	if e.URI == "" {
		e.URI = errorLinkBase + strconv.Itoa(first)
	}
}

// codeInDescription reads the code of a description that starts with
// "AADSTS<digits>".
func codeInDescription(desc string) (int, bool) {
	rest, ok := strings.CutPrefix(strings.TrimSpace(desc), "AADSTS")
	if !ok {
		return 0, false
	}
	n := 0
	for n < len(rest) && n < 9 && '0' <= rest[n] && rest[n] <= '9' {
		n++
	}
	if n == 0 {
		return 0, false
	}
	code, err := strconv.Atoi(rest[:n])
	return code, err == nil
}

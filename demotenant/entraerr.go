package demotenant

import (
	"crypto/rand"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"strconv"
	"time"
)

// entraError is one sign-in failure as Microsoft Entra reports it: an OAuth
// error name, an AADSTS code and its message, and the HTTP status of the
// token endpoint's answer.
type entraError struct {
	Status  int
	Name    string // OAuth error: invalid_client, invalid_grant, ...
	Code    int    // AADSTS code without the prefix
	Message string // text after "AADSTSnnnn: "
}

func (e entraError) Error() string {
	return fmt.Sprintf("%s: AADSTS%d: %s", e.Name, e.Code, e.Message)
}

// asEntraError finds the Entra error in err; anything else is reported as
// a malformed request, the answer Entra gives when it cannot say more.
func asEntraError(err error) entraError {
	var e entraError
	if errors.As(err, &e) {
		return e
	}
	return errMalformedRequest()
}

// entraErrorBody is the JSON Entra answers with, fields in Entra's order.
type entraErrorBody struct {
	Error            string `json:"error"`
	ErrorDescription string `json:"error_description"`
	ErrorCodes       []int  `json:"error_codes"`
	Timestamp        string `json:"timestamp"`
	TraceID          string `json:"trace_id"`
	CorrelationID    string `json:"correlation_id"`
	ErrorURI         string `json:"error_uri"`
	Suberror         string `json:"suberror,omitempty"`
}

// suberrors are the hints Entra adds to some answers so that clients know
// what the user has to do.
var suberrors = map[int]string{
	50076:  "basic_action",
	53003:  "message_only",
	65001:  "consent_required",
	700082: "bad_token",
}

// entraTimestamp is the layout of Entra's error timestamps.
const entraTimestamp = "2006-01-02 15:04:05Z"

// errorBody fills Entra's error JSON for e. The correlation id is the
// client's client-request-id when it sent one, as Entra does.
func (s *Server) errorBody(r *http.Request, e entraError) entraErrorBody {
	now := s.opts.Now().UTC().Format(entraTimestamp)
	trace := newGUID()
	corr := r.Header.Get("client-request-id")
	if !isGUID(corr) {
		corr = newGUID()
	}
	return entraErrorBody{
		Error: e.Name,
		ErrorDescription: fmt.Sprintf("AADSTS%d: %s\r\nTrace ID: %s\r\nCorrelation ID: %s\r\nTimestamp: %s",
			e.Code, e.Message, trace, corr, now),
		ErrorCodes:    []int{e.Code},
		Timestamp:     now,
		TraceID:       trace,
		CorrelationID: corr,
		ErrorURI:      errorURI(e.Code),
		Suberror:      suberrors[e.Code],
	}
}

// writeEntraError answers a token or discovery request with Entra's error JSON.
func (s *Server) writeEntraError(w http.ResponseWriter, r *http.Request, e entraError) {
	body := s.errorBody(r, e)
	w.Header().Set("client-request-id", body.CorrelationID)
	w.Header().Set("x-ms-request-id", body.TraceID)
	writeJSON(w, e.Status, body)
}

// writeJSON sends v as a JSON answer that no cache may keep.
func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store, no-cache")
	w.Header().Set("Pragma", "no-cache")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(v)
}

func errorURI(code int) string {
	return "https://login.microsoftonline.com/error?code=" + strconv.Itoa(code)
}

// newGUID returns a random version 4 GUID in its lower-case text form.
func newGUID() string {
	var b [16]byte
	_, _ = rand.Read(b[:])
	b[6] = b[6]&0x0f | 0x40
	b[8] = b[8]&0x3f | 0x80
	return fmt.Sprintf("%x-%x-%x-%x-%x", b[0:4], b[4:6], b[6:8], b[8:10], b[10:16])
}

// isGUID reports whether s has the 8-4-4-4-12 hexadecimal form of a GUID.
func isGUID(s string) bool {
	if len(s) != 36 {
		return false
	}
	for i, c := range s {
		switch i {
		case 8, 13, 18, 23:
			if c != '-' {
				return false
			}
		default:
			if !('0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F') {
				return false
			}
		}
	}
	return true
}

// entraTime formats t as Entra does inside messages.
func entraTime(t time.Time) string { return t.UTC().Format(entraTimestamp) }

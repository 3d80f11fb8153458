package oauth

import (
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"golang.org/x/oauth2"
)

// entraBody is a token error answer shaped like Entra's.
func entraBody(name string, code int, message string) string {
	return fmt.Sprintf(`{"error":%q,"error_description":"AADSTS%d: %s\r\nTrace ID: 0b4e\r\nCorrelation ID: 9c1d\r\nTimestamp: 2026-11-22 01:02:03Z",`+
		`"error_codes":[%d],"timestamp":"2026-11-22 01:02:03Z","trace_id":"0b4e","correlation_id":"9c1d",`+
		`"error_uri":"https://login.microsoftonline.com/error?code=%d"}`, name, code, message, code, code)
}

func TestDecodeErrorHintsForEveryKnownCode(t *testing.T) {
	tests := []struct {
		code     int
		hintHas  string
		name     string
		decoding string
	}{
		{7000215, "secret's ID instead of its Value", "invalid_client", "Invalid client secret provided."},
		{7000222, "Certificates & secrets", "invalid_client", "The provided client secret keys are expired."},
		{700016, "another tenant", "unauthorized_client", "Application with identifier 'x' was not found."},
		{7000229, "Enterprise applications", "invalid_client", "The client application is missing service principal."},
		{90002, "tenant ID or domain", "invalid_request", "Tenant 'x' not found."},
		{900023, "tenant ID or domain", "invalid_request", "Specified tenant identifier is neither a valid DNS name."},
		{90038, "right cloud", "invalid_request", "Tenant belongs to a national cloud."},
		{50011, "http://localhost", "invalid_request", "The redirect URI does not match."},
		{7000218, "Mobile and desktop", "invalid_client", "The request body must contain client_secret."},
		{700025, "remove the secret", "invalid_client", "Client is public."},
		{65001, "admin consent", "invalid_grant", "The user or administrator has not consented."},
		{90094, "admin consent", "access_denied", "Admin consent is required."},
		{65004, "admin consent", "access_denied", "User declined to consent."},
		{50020, "member account", "invalid_request", "User account does not exist in tenant."},
		{50034, "member account", "invalid_grant", "The user account does not exist."},
		{70008, "sign in again", "invalid_grant", "The provided authorization code or refresh token has expired due to inactivity."},
		{700082, "sign in again", "invalid_grant", "The refresh token has expired due to inactivity."},
		{50057, "disabled in Entra", "invalid_grant", "The user account is disabled."},
		{53003, "Conditional Access", "access_denied", "Access has been blocked by Conditional Access policies."},
		{50076, "multi-factor", "invalid_grant", "You must use multi-factor authentication."},
	}
	for _, tt := range tests {
		t.Run(fmt.Sprint(tt.code), func(t *testing.T) {
			e := decodeErrorBody(http.StatusBadRequest, []byte(entraBody(tt.name, tt.code, tt.decoding)))
			if want := fmt.Sprintf("AADSTS%d", tt.code); e.Code != want {
				t.Errorf("Code = %q, want %q", e.Code, want)
			}
			if !strings.Contains(strings.ToLower(e.Hint), strings.ToLower(tt.hintHas)) {
				t.Errorf("Hint = %q, want it to mention %q", e.Hint, tt.hintHas)
			}
			if e.Name != tt.name || e.Status != http.StatusBadRequest || e.TraceID != "0b4e" || e.CorrelationID != "9c1d" {
				t.Errorf("decoded %+v", e)
			}
			if got, want := e.Error(), e.Code+": "+tt.decoding; got != want {
				t.Errorf("Error() = %q, want %q", got, want)
			}
		})
	}
}

func TestDecodeErrorUnknownCodeKeepsEntrasWords(t *testing.T) {
	body := `{"error":"invalid_request","error_description":"AADSTS123456: Something new happened.\r\nTrace ID: t","error_codes":[123456]}`
	e := decodeErrorBody(http.StatusBadRequest, []byte(body))
	if e.Hint != "" {
		t.Errorf("Hint = %q for an unknown code", e.Hint)
	}
	if e.Message() != "Something new happened." {
		t.Errorf("Message() = %q", e.Message())
	}
	if e.URI != "https://login.microsoftonline.com/error?code=123456" {
		t.Errorf("URI = %q, want the error link built from the code", e.URI)
	}
}

func TestDecodeErrorUsesFirstCodeWithAHint(t *testing.T) {
	body := `{"error":"invalid_client","error_description":"AADSTS50000: a","error_codes":[50000,7000215]}`
	e := decodeErrorBody(http.StatusUnauthorized, []byte(body))
	if e.Code != "AADSTS50000" || !e.HasCode(7000215) || e.Hint != hintFor(7000215) {
		t.Errorf("decoded %+v", e)
	}
}

func TestDecodeErrorNotJSON(t *testing.T) {
	e := decodeErrorBody(http.StatusBadGateway, []byte("<html>proxy error</html>"))
	if e.Code != "" || e.Error() != "sign-in failed: the sign-in service answered 502 Bad Gateway" {
		t.Errorf("Error() = %q", e.Error())
	}
}

func TestAsErrorThroughRetrieveError(t *testing.T) {
	re := &oauth2.RetrieveError{
		Response:  &http.Response{StatusCode: http.StatusUnauthorized},
		Body:      []byte(entraBody("invalid_client", 7000222, "The provided client secret keys are expired.")),
		ErrorCode: "invalid_client",
	}
	wrapped := fmt.Errorf("testing the connection: %w", re)
	e, ok := AsError(wrapped)
	if !ok || e.Code != "AADSTS7000222" || e.Status != http.StatusUnauthorized {
		t.Fatalf("AsError = %+v, %v", e, ok)
	}
	var back *oauth2.RetrieveError
	if !errors.As(e, &back) || back != re {
		t.Error("the decoded Error does not unwrap to the RetrieveError")
	}
	again, ok := AsError(fmt.Errorf("again: %w", e))
	if !ok || again != e {
		t.Error("AsError does not find an *Error in a chain")
	}
	if _, ok := AsError(errors.New("dial tcp: connection refused")); ok {
		t.Error("AsError found an Entra error in a network error")
	}
}

func TestErrorFromCallback(t *testing.T) {
	q := url.Values{
		"error":             {"access_denied"},
		"error_description": {"AADSTS65004: User declined to consent to access the app.\r\nTrace ID: x"},
		"state":             {"s"},
	}
	e := errorFromCallback(q)
	if e == nil || e.Code != "AADSTS65004" || e.Name != "access_denied" || e.Hint == "" {
		t.Fatalf("errorFromCallback = %+v", e)
	}
	if e.Error() != "AADSTS65004: User declined to consent to access the app." {
		t.Errorf("Error() = %q", e.Error())
	}
	if errorFromCallback(url.Values{"code": {"c"}}) != nil {
		t.Error("a callback without error decoded as an error")
	}
	plain := errorFromCallback(url.Values{"error": {"server_error"}})
	if plain.Error() != "server_error" || plain.Code != "" {
		t.Errorf("Error() = %q, Code = %q", plain.Error(), plain.Code)
	}
}

func FuzzDecodeErrorBody(f *testing.F) {
	f.Add(400, []byte(entraBody("invalid_client", 7000215, "Invalid client secret provided.")))
	f.Add(401, []byte(`{"error":"x","error_description":"AADSTS99999999999999999999: big"}`))
	f.Add(502, []byte(`not json`))
	f.Add(400, []byte(`{"error_codes":[-1,0]}`))
	f.Fuzz(func(t *testing.T, status int, body []byte) {
		e := decodeErrorBody(status, body)
		checkDecoded(t, e)
	})
}

func FuzzErrorFromCallback(f *testing.F) {
	f.Add("access_denied", "AADSTS65004: User declined to consent.", "")
	f.Add("x", "AADSTS", "javascript:alert(1)")
	f.Add("", "AADSTS50011: mismatch", "")
	f.Fuzz(func(t *testing.T, name, desc, uri string) {
		e := errorFromCallback(url.Values{"error": {name}, "error_description": {desc}, "error_uri": {uri}})
		if (e == nil) != (name == "") {
			t.Fatalf("errorFromCallback(error=%q) = %v", name, e)
		}
		if e != nil {
			checkDecoded(t, e)
		}
	})
}

// checkDecoded holds for every decoded Error: a message, and a Code that
// agrees with Codes.
func checkDecoded(t *testing.T, e *Error) {
	t.Helper()
	if e.Error() == "" {
		t.Fatal("empty Error()")
	}
	if (e.Code == "") != (len(e.Codes) == 0) {
		t.Fatalf("Code %q does not agree with Codes %v", e.Code, e.Codes)
	}
	if e.Code != "" && e.Code != fmt.Sprintf("AADSTS%d", e.Codes[0]) {
		t.Fatalf("Code %q, Codes %v", e.Code, e.Codes)
	}
	if e.Code != "" && e.URI == "" {
		t.Fatal("no error link for a coded error")
	}
}

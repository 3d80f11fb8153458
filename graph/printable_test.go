package graph_test

import (
	"context"
	"encoding/json"
	"net/http"
	"strings"
	"testing"
	"unicode"
)

// A server that puts terminal escape sequences in its error message (a
// proxy, or a custom endpoint) must not get them onto the admin's terminal
// or window: the demo tenant never sends such text, so a stand-in does.
func TestGraphMessageWithEscapeSequenceIsNeutralised(t *testing.T) {
	hostile := "Insufficient privileges\u001b]0;owned\u0007\u001b[2J to complete\r\u202e the operation."
	c := fakeGraph(t, func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(http.StatusForbidden)
		_, _ = w.Write([]byte(`{"error":{"code":"Authorization_RequestDenied\u001b[5m","message":` + jsonString(hostile) + `}}`))
	})
	_, err := c.User(context.Background(), "someone@example.com")
	if err == nil {
		t.Fatal("no error from a 403")
	}
	for _, r := range err.Error() {
		if unicode.IsControl(r) || r == '\u202e' {
			t.Fatalf("the error shown to the admin carries %U: %q", r, err)
		}
	}
	if !strings.Contains(err.Error(), "to complete") || !strings.Contains(err.Error(), "Authorization_RequestDenied") {
		t.Errorf("the error lost Graph's words: %q", err)
	}
}

func jsonString(s string) string {
	b, _ := json.Marshal(s)
	return string(b)
}

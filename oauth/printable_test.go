package oauth

import (
	"context"
	"net/http"
	"net/url"
	"strings"
	"testing"
)

// injection is what a hostile page or server could send for a terminal
// to act on: set the window title, clear the screen, rewrite the line,
// ring the bell, and reverse the text's direction.
const injection = "AADSTS50011: The redirect URI\x1b]0;pwned\x07\x1b[2J\x1b[31m does not match.\r\x08\x7f\u202eevil\u202c\x9b6n"

func assertInert(t *testing.T, what, s string) {
	t.Helper()
	for _, r := range s {
		if r != '\n' && hidden(r) {
			t.Fatalf("%s still carries %U: %q", what, r, s)
		}
	}
}

func TestPrintableTextRemovesWhatWouldActOnATerminal(t *testing.T) {
	got := PrintableText(injection)
	assertInert(t, "PrintableText", got)
	if !strings.Contains(got, "The redirect URI]0;pwned[2J[31m does not match.") {
		t.Errorf("PrintableText(%q) = %q; want the visible words kept", injection, got)
	}
	if got := PrintableText("line one\nline\ttwo ünïcode 名前"); got != "line one\nline two ünïcode 名前" {
		t.Errorf("ordinary text changed: %q", got)
	}
}

func TestEscapeSequenceInSignInAnswerIsNeutralised(t *testing.T) {
	idp := newTestIdP(t, "")
	idp.deny = url.Values{"error": {"access_denied\x1b[8m"}, "error_description": {injection}}
	browser := &testBrowser{}
	l := idp.login(t)
	l.OpenURL = browser.open
	_, err := l.Run(context.Background())
	e, ok := AsError(err)
	if !ok || e.Code != "AADSTS50011" {
		t.Fatalf("Run error = %v, want Entra's AADSTS50011", err)
	}
	assertInert(t, "the sign-in error", err.Error())
	assertInert(t, "the error's name", e.Name)
	assertInert(t, "the error's description", e.Description)
	if !strings.Contains(err.Error(), "does not match") {
		t.Errorf("the error lost Entra's words: %q", err)
	}
}

func TestEscapeSequenceInTokenErrorIsNeutralised(t *testing.T) {
	e := decodeErrorBody(http.StatusBadRequest, []byte(entraBody("invalid_client", 7000215,
		"Invalid client secret\\u001b[2J\\u001b]8;;https://evil.example\\u0007click\\u001b]8;;\\u0007 provided.")))
	assertInert(t, "the token error", e.Error())
	if e.Code != "AADSTS7000215" || !strings.Contains(e.Error(), "provided.") {
		t.Errorf("decoded %q (code %s)", e.Error(), e.Code)
	}
}

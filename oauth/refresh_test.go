package oauth

import (
	"context"
	"errors"
	"testing"
	"time"

	"golang.org/x/oauth2"
)

// signIn runs a browser sign-in against idp and returns its token.
func signIn(t *testing.T, idp *testIdP) (LoopbackLogin, *oauth2.Token) {
	t.Helper()
	l := idp.login(t)
	l.OpenURL = (&testBrowser{}).open
	tok, err := l.Run(context.Background())
	if err != nil {
		t.Fatalf("sign-in: %v", err)
	}
	return l, tok
}

func TestRefreshTokenSourceRotates(t *testing.T) {
	idp := newTestIdP(t, "")
	l, first := signIn(t, idp)
	var rotated []*oauth2.Token
	src := RefreshTokenSource(context.Background(), l, &oauth2.Token{RefreshToken: first.RefreshToken},
		func(tok *oauth2.Token) { rotated = append(rotated, tok) })

	tok, err := src.Token()
	if err != nil {
		t.Fatalf("Token: %v", err)
	}
	if tok.AccessToken == "" || tok.RefreshToken == first.RefreshToken || !tok.Valid() {
		t.Fatalf("renewed token = %+v", tok)
	}
	if len(rotated) != 1 || rotated[0].RefreshToken != tok.RefreshToken {
		t.Fatalf("onRotate calls = %v", rotated)
	}
	form := idp.tokenRequests()[1]
	if form.Get("grant_type") != "refresh_token" || form.Get("scope") == "" || form.Has("client_secret") {
		t.Errorf("refresh request = %v", form)
	}

	if again, err := src.Token(); err != nil || again.AccessToken != tok.AccessToken {
		t.Errorf("a valid token was not reused: %v", err)
	}
	if n := len(idp.tokenRequests()); n != 2 {
		t.Errorf("%d token requests, want 2 (sign-in and one renewal)", n)
	}

	stale := RefreshTokenSource(context.Background(), l, &oauth2.Token{RefreshToken: first.RefreshToken}, nil)
	_, err = stale.Token()
	var e *Error
	if !errors.As(err, &e) || e.Name != "invalid_grant" {
		t.Fatalf("the retired refresh token gave %v, want invalid_grant", err)
	}
}

func TestRefreshTokenSourceConfidentialClient(t *testing.T) {
	idp := newTestIdP(t, "abc8Q~confidential")
	l, first := signIn(t, idp)
	src := RefreshTokenSource(context.Background(), l, &oauth2.Token{RefreshToken: first.RefreshToken}, nil)
	if _, err := src.Token(); err != nil {
		t.Fatal(err)
	}
	if form := idp.tokenRequests()[1]; form.Get("client_secret") != idp.secret {
		t.Error("the renewal did not send the client secret")
	}
}

func TestRefreshTokenSourceWithoutRefreshToken(t *testing.T) {
	src := RefreshTokenSource(context.Background(), LoopbackLogin{}, nil, nil)
	if _, err := src.Token(); !errors.Is(err, errNoRefreshToken) {
		t.Fatalf("Token error = %v, want errNoRefreshToken", err)
	}
}

func TestParseTokenAnswer(t *testing.T) {
	now := time.Date(2026, 11, 22, 1, 0, 0, 0, time.UTC)
	for _, expires := range []string{`3600`, `"3600"`} {
		tok, err := parseTokenAnswer([]byte(`{"access_token":"a","token_type":"Bearer","expires_in":`+expires+`,"scope":"s","id_token":"i"}`), now)
		if err != nil || !tok.Expiry.Equal(now.Add(time.Hour)) || tok.Extra("id_token") != "i" || tok.RefreshToken != "" {
			t.Errorf("expires_in %s: %+v, %v", expires, tok, err)
		}
	}
	for _, bad := range []string{`{}`, `[`, `{"token_type":"Bearer"}`} {
		if _, err := parseTokenAnswer([]byte(bad), now); err == nil {
			t.Errorf("parseTokenAnswer(%s) succeeded", bad)
		}
	}
}

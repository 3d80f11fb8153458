package oauth

import (
	"context"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync"
	"testing"

	"golang.org/x/oauth2"
)

// recorder is a server that keeps every request it gets, and answers as a
// token endpoint would.
type recorder struct {
	srv *httptest.Server
	mu  sync.Mutex
	got []string
}

func newRecorder(t *testing.T) *recorder {
	t.Helper()
	rec := &recorder{}
	rec.srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body)
		rec.mu.Lock()
		rec.got = append(rec.got, r.Method+" "+r.URL.Path+" "+string(body))
		rec.mu.Unlock()
		w.Header().Set("Content-Type", "application/json")
		_, _ = io.WriteString(w, `{"access_token":"stolen","token_type":"Bearer","expires_in":3600,"refresh_token":"stolen"}`)
	}))
	t.Cleanup(rec.srv.Close)
	return rec
}

// requests says how many requests reached the recorder (never what they
// carried, which may be a secret).
func (rec *recorder) requests() int {
	rec.mu.Lock()
	defer rec.mu.Unlock()
	return len(rec.got)
}

// assertRefused checks that a token request answered with a redirect to
// the recorder failed with a RedirectRefusedError naming both origins, and
// that the recorder got nothing.
func assertRefused(t *testing.T, err error, idp *testIdP, rec *recorder, secret string) {
	t.Helper()
	var refused *RedirectRefusedError
	if !errors.As(err, &refused) {
		t.Fatalf("got %v, want the redirect refused", err)
	}
	msg := err.Error()
	if !strings.Contains(msg, idp.srv.URL) || !strings.Contains(msg, rec.srv.URL) || secret != "" && strings.Contains(msg, secret) {
		t.Errorf("message %q should name both addresses, and never the secret", msg)
	}
	if n := rec.requests(); n != 0 {
		t.Errorf("the server the token endpoint redirected to got %d requests", n)
	}
}

func TestClientCredentialsDoNotFollowARedirectToAnotherServer(t *testing.T) {
	const secret = "Abc8Q~client-secret-that-must-stay-0123456789"
	idp := newTestIdP(t, secret)
	rec := newRecorder(t)
	idp.sendTokensTo = rec.srv.URL
	e, err := CustomEndpoints(idp.srv.URL, idp.srv.URL)
	if err != nil {
		t.Fatal(err)
	}
	cc := ClientCredentials{Endpoints: e, Tenant: idp.tenant, ClientID: idp.clientID, Secret: secret}
	_, err = cc.TokenSource(context.Background()).Token()
	assertRefused(t, err, idp, rec, secret)

	// An injected client keeps its own transport and still follows no
	// redirect elsewhere.
	cc.HTTPClient = &http.Client{Transport: &http.Transport{}}
	_, err = cc.TokenSource(context.Background()).Token()
	assertRefused(t, err, idp, rec, secret)
}

func TestCodeRedemptionDoesNotFollowARedirectToAnotherServer(t *testing.T) {
	const secret = "Abc8Q~confidential-secret-that-must-stay-0123"
	idp := newTestIdP(t, secret)
	rec := newRecorder(t)
	idp.sendTokensTo = rec.srv.URL
	l := idp.login(t)
	l.OpenURL = (&testBrowser{}).open
	_, err := l.Run(context.Background())
	assertRefused(t, err, idp, rec, secret)
	if forms := idp.tokenRequests(); len(forms) != 1 || forms[0].Get("code") == "" {
		t.Errorf("the authority got %d token requests, want the one code redemption", len(forms))
	}
}

func TestRefreshDoesNotFollowARedirectToAnotherServer(t *testing.T) {
	idp := newTestIdP(t, "")
	l, first := signIn(t, idp)
	rec := newRecorder(t)
	idp.mu.Lock()
	idp.sendTokensTo = rec.srv.URL
	idp.mu.Unlock()
	src := RefreshTokenSource(context.Background(), l, &oauth2.Token{RefreshToken: first.RefreshToken}, nil)
	_, err := src.Token()
	assertRefused(t, err, idp, rec, first.RefreshToken)
}

func TestCheckRedirectFollowsOnlyWithinTheOrigin(t *testing.T) {
	parse := func(raw string) *http.Request {
		u, err := url.Parse(raw)
		if err != nil {
			t.Fatal(err)
		}
		return &http.Request{URL: u}
	}
	first := parse("https://login.microsoftonline.com/t/oauth2/v2.0/token")
	for to, allowed := range map[string]bool{
		"https://login.microsoftonline.com/other":     true,
		"https://LOGIN.microsoftonline.com:443/other": true,
		"http://login.microsoftonline.com/t":          false, // plain http
		"https://login.microsoftonline.com:8443/t":    false, // another port
		"https://evil.login.microsoftonline.com/t":    false, // a subdomain is another host
		"https://login.microsoftonline.com.example/t": false,
		"https://graph.microsoft.com/v1.0/me":         false,
	} {
		err := CheckRedirect(parse(to), []*http.Request{first})
		if (err == nil) != allowed {
			t.Errorf("redirect to %s: error %v, want allowed %t", to, err, allowed)
		}
	}
}

package oauth

import (
	"context"
	"errors"
	"net"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"
)

// redirectOf returns the redirect URI a sign-in URL asks Entra to use.
func redirectOf(t *testing.T, signInURL string) *url.URL {
	t.Helper()
	u, err := url.Parse(signInURL)
	if err != nil {
		t.Fatal(err)
	}
	r, err := url.Parse(u.Query().Get("redirect_uri"))
	if err != nil {
		t.Fatal(err)
	}
	return r
}

// assertClosed fails unless nothing listens on the redirect URI's port.
func assertClosed(t *testing.T, redirect *url.URL) {
	t.Helper()
	conn, err := net.DialTimeout("tcp", "127.0.0.1:"+redirect.Port(), time.Second)
	if err == nil {
		conn.Close()
		t.Errorf("the listener on port %s is still open after Run returned", redirect.Port())
	}
}

func TestLoopbackLoginPublicClient(t *testing.T) {
	idp := newTestIdP(t, "")
	browser := &testBrowser{}
	var shownURL string
	l := idp.login(t)
	l.OpenURL = browser.open
	l.OnURL = func(u string) { shownURL = u }

	tok, err := l.Run(context.Background())
	if err != nil {
		t.Fatalf("Run: %v", err)
	}
	if tok.AccessToken == "" || !strings.HasPrefix(tok.RefreshToken, "rt-") {
		t.Errorf("token without access or refresh token: %+v", tok)
	}
	c, err := TokenClaims(tok.AccessToken)
	if err != nil || len(c.Scopes) != 1 || c.Scopes[0] != "User.Read.All" {
		t.Errorf("claims = %+v, %v", c, err)
	}
	if shownURL == "" || shownURL != browser.opened[0] {
		t.Errorf("OnURL got %q, the browser opened %q", shownURL, browser.opened)
	}
	redirect := redirectOf(t, shownURL)
	if redirect.Scheme != "http" || redirect.Hostname() != "localhost" || redirect.Port() == "" || redirect.Path != "" {
		t.Errorf("redirect URI = %q, want http://localhost:PORT", redirect)
	}
	q := idp.authorizeRequests()[0]
	for _, scope := range []string{"https://graph.microsoft.com/User.Read.All", "offline_access", "openid"} {
		if !strings.Contains(q.Get("scope"), scope) {
			t.Errorf("authorize scope %q lacks %q", q.Get("scope"), scope)
		}
	}
	form := idp.tokenRequests()[0]
	if form.Has("client_secret") || form.Get("code_verifier") == "" || form.Get("redirect_uri") != redirect.String() {
		t.Errorf("token request = %v", form)
	}
	if status, page := browser.shown(); status != http.StatusOK || !strings.Contains(page, "You can close this tab and return to Entra Setup Wizard") {
		t.Errorf("browser showed %d %q", status, page)
	}
	assertClosed(t, redirect)
}

func TestLoopbackLoginConfidentialClientSendsSecretInBody(t *testing.T) {
	idp := newTestIdP(t, "abc8Q~confidential-secret-value")
	browser := &testBrowser{}
	l := idp.login(t)
	l.OpenURL = browser.open
	if _, err := l.Run(context.Background()); err != nil {
		t.Fatalf("Run: %v", err)
	}
	form := idp.tokenRequests()[0]
	if form.Get("client_secret") != idp.secret || form.Get("code_verifier") == "" {
		t.Errorf("token request lacks the secret or the PKCE verifier: keys %v", keys(form))
	}
	if strings.Contains(browser.opened[0], idp.secret) {
		t.Error("the secret appears in the sign-in URL")
	}
}

func keys(v url.Values) []string {
	var ks []string
	for k := range v {
		ks = append(ks, k)
	}
	return ks
}

func TestLoopbackLoginWrongSecretIsAnEntraError(t *testing.T) {
	idp := newTestIdP(t, "the-right-secret")
	browser := &testBrowser{}
	l := idp.login(t)
	l.Secret = "the-wrong-secret"
	l.OpenURL = browser.open
	_, err := l.Run(context.Background())
	e, ok := AsError(err)
	if !ok || e.Code != "AADSTS7000215" {
		t.Fatalf("Run error = %v, want AADSTS7000215", err)
	}
	status, page := browser.shown()
	if status != http.StatusBadRequest || !strings.Contains(page, "AADSTS7000215") || !strings.Contains(page, "Value") {
		t.Errorf("browser showed %d %q, want the failure page with the hint", status, page)
	}
	if strings.Contains(err.Error(), "the-wrong-secret") || strings.Contains(page, "the-wrong-secret") {
		t.Error("the secret appears in the error or the page")
	}
}

func TestLoopbackLoginFreshPKCEAndStateEachAttempt(t *testing.T) {
	idp := newTestIdP(t, "")
	l := idp.login(t)
	l.OpenURL = (&testBrowser{}).open
	for range 2 {
		if _, err := l.Run(context.Background()); err != nil {
			t.Fatal(err)
		}
	}
	a := idp.authorizeRequests()
	if a[0].Get("code_challenge") == a[1].Get("code_challenge") || a[0].Get("state") == a[1].Get("state") {
		t.Error("two attempts reused the PKCE challenge or the state")
	}
}

func TestLoopbackLoginEntraRefusal(t *testing.T) {
	idp := newTestIdP(t, "")
	idp.deny = url.Values{"error": {"access_denied"},
		"error_description": {"AADSTS65004: User declined to consent to access the app."}}
	browser := &testBrowser{}
	l := idp.login(t)
	l.OpenURL = browser.open
	_, err := l.Run(context.Background())
	var e *Error
	if !errors.As(err, &e) || e.Code != "AADSTS65004" || e.Hint == "" {
		t.Fatalf("Run error = %v, want AADSTS65004 with a hint", err)
	}
	if _, page := browser.shown(); !strings.Contains(page, "User declined to consent") {
		t.Errorf("browser page %q does not say what Entra said", page)
	}
	if len(idp.tokenRequests()) != 0 {
		t.Error("a token request was made after Entra refused")
	}
}

func TestLoopbackLoginRefusesStrayAnswersAndKeepsWaiting(t *testing.T) {
	idp := newTestIdP(t, "")
	stray, browser := &testBrowser{}, &testBrowser{}
	l := idp.login(t)
	l.OpenURL = func(signIn string) error {
		// Another page on this computer finds the port first, with a wrong
		// state, a missing one, and an error that is not for us.
		for _, q := range []url.Values{
			{"code": {"stolen"}, "state": {"not-this-attempt"}},
			{"code": {"stolen"}},
			{"error": {"access_denied"}, "state": {"forged"}},
		} {
			forged := redirectOf(t, signIn)
			forged.RawQuery = q.Encode()
			_ = stray.open(forged.String())
			if status, _ := stray.shown(); status != http.StatusBadRequest {
				t.Errorf("a stray answer %v got %d", q, status)
			}
		}
		return browser.open(signIn)
	}
	tok, err := l.Run(context.Background())
	if err != nil || tok.AccessToken == "" {
		t.Fatalf("Run = %v, %v; want the real sign-in to succeed after stray answers", tok, err)
	}
	if n := len(idp.tokenRequests()); n != 1 {
		t.Errorf("%d codes were redeemed, want only the real one", n)
	}
}

func TestLoopbackLoginTimeout(t *testing.T) {
	idp := newTestIdP(t, "")
	var signIn string
	l := idp.login(t)
	l.Timeout = 50 * time.Millisecond
	l.OpenURL = func(u string) error { signIn = u; return nil } // nobody signs in
	_, err := l.Run(context.Background())
	if !errors.Is(err, ErrLoginTimeout) || errors.Is(err, ErrNoBrowser) {
		t.Fatalf("Run error = %v, want ErrLoginTimeout alone", err)
	}
	assertClosed(t, redirectOf(t, signIn))
}

func TestLoopbackLoginContextDeadlineIsATimeout(t *testing.T) {
	idp := newTestIdP(t, "")
	l := idp.login(t)
	l.OpenURL = func(string) error { return nil }
	ctx, cancel := context.WithTimeout(context.Background(), 50*time.Millisecond)
	defer cancel()
	if _, err := l.Run(ctx); !errors.Is(err, ErrLoginTimeout) {
		t.Fatalf("Run error = %v, want ErrLoginTimeout", err)
	}
}

func TestLoopbackLoginCancel(t *testing.T) {
	idp := newTestIdP(t, "")
	ctx, cancel := context.WithCancel(context.Background())
	var signIn string
	l := idp.login(t)
	l.OpenURL = func(u string) error { signIn = u; cancel(); return nil } // the person pressed Cancel
	_, err := l.Run(ctx)
	if !errors.Is(err, ErrLoginCancelled) {
		t.Fatalf("Run error = %v, want ErrLoginCancelled", err)
	}
	assertClosed(t, redirectOf(t, signIn))
}

func TestLoopbackLoginWithoutBrowserWaitsForTheLinkToBeOpenedByHand(t *testing.T) {
	idp := newTestIdP(t, "")
	noBrowser := errors.New("xdg-open: not found")
	l := idp.login(t)
	l.OpenURL = func(string) error { return noBrowser }
	l.OnURL = func(u string) { go func() { _ = (&testBrowser{}).open(u) }() } // the person copies the link
	tok, err := l.Run(context.Background())
	if err != nil || tok.AccessToken == "" {
		t.Fatalf("Run = %v, %v; want a token once the link was opened by hand", tok, err)
	}
}

func TestLoopbackLoginWithoutBrowserTimesOutNamingTheBrowser(t *testing.T) {
	idp := newTestIdP(t, "")
	noBrowser := errors.New("xdg-open: not found")
	l := idp.login(t)
	l.Timeout = 50 * time.Millisecond
	l.OpenURL = func(string) error { return noBrowser }
	_, err := l.Run(context.Background())
	if !errors.Is(err, ErrLoginTimeout) || !errors.Is(err, ErrNoBrowser) || !errors.Is(err, noBrowser) {
		t.Fatalf("Run error = %v, want a timeout that names the browser failure", err)
	}
}

func TestLoopbackLoginRefusesBadInputBeforeListening(t *testing.T) {
	idp := newTestIdP(t, "")
	plainHTTP := idp.login(t)
	plainHTTP.Endpoints = Endpoints{Cloud: CloudCustom, Authority: "http://login.example.com", Graph: "https://graph.example.com"}
	badTenant := idp.login(t)
	badTenant.Tenant = "contoso"
	badClient := idp.login(t)
	badClient.ClientID = "my app"
	for _, l := range []LoopbackLogin{plainHTTP, badTenant, badClient} {
		l.OpenURL = func(string) error { t.Error("the browser was opened"); return nil }
		l.OnURL = func(string) { t.Error("a sign-in URL was shown") }
		if _, err := l.Run(context.Background()); err == nil {
			t.Errorf("Run(tenant %q, client %q, authority %q) succeeded", l.Tenant, l.ClientID, l.Authority)
		}
	}
	if _, err := plainHTTP.Run(context.Background()); !errors.Is(err, errPlainHTTP) {
		t.Errorf("plain http error = %v, want errPlainHTTP", err)
	}
}

func TestLoopbackLoginTrimsWhatWasPasted(t *testing.T) {
	idp := newTestIdP(t, "")
	l := idp.login(t)
	l.Tenant = " " + strings.ToUpper(idp.tenant) + "\n"
	l.ClientID = "\t" + strings.ToUpper(idp.clientID) + " "
	l.OpenURL = (&testBrowser{}).open
	if _, err := l.Run(context.Background()); err != nil {
		t.Fatalf("Run with pasted spaces and capitals: %v", err)
	}
}

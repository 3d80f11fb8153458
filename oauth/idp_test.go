package oauth

import (
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync"
	"testing"
)

// testIdP is a small identity provider that follows the Microsoft identity
// platform's documented authorization code flow with PKCE and refresh token
// rotation, for testing the browser sign-in without the demo tenant.
type testIdP struct {
	srv      *httptest.Server
	tenant   string
	clientID string
	secret   string // "" for a public client, which must not send one
	// deny, when set, makes the authorize endpoint redirect with these
	// error parameters instead of a code.
	deny url.Values
	// sendTokensTo, when set, makes the token endpoint answer 307 to this
	// origin, as a hostile or hijacked authority could.
	sendTokensTo string

	mu        sync.Mutex
	codes     map[string]issuedCode
	live      map[string]bool // refresh tokens that may still be redeemed
	authorize []url.Values    // every authorize request's query
	tokens    []url.Values    // every token request's form
}

type issuedCode struct {
	challenge, redirectURI, scope string
}

func newTestIdP(t testing.TB, secret string) *testIdP {
	t.Helper()
	idp := &testIdP{
		tenant:   "contoso.onmicrosoft.com",
		clientID: "11111111-2222-3333-4444-555555555555",
		secret:   secret,
		codes:    map[string]issuedCode{},
		live:     map[string]bool{},
	}
	mux := http.NewServeMux()
	mux.HandleFunc("GET /{tenant}/oauth2/v2.0/authorize", idp.handleAuthorize)
	mux.HandleFunc("POST /{tenant}/oauth2/v2.0/token", idp.handleToken)
	idp.srv = httptest.NewServer(mux)
	t.Cleanup(idp.srv.Close)
	return idp
}

// login returns a LoopbackLogin for the IdP's client.
func (idp *testIdP) login(t testing.TB) LoopbackLogin {
	t.Helper()
	e, err := CustomEndpoints(idp.srv.URL, idp.srv.URL)
	if err != nil {
		t.Fatal(err)
	}
	return LoopbackLogin{
		Endpoints: e,
		Tenant:    idp.tenant,
		ClientID:  idp.clientID,
		Secret:    idp.secret,
		Scopes:    e.DelegatedScopes("User.Read.All"),
	}
}

func (idp *testIdP) handleAuthorize(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	idp.mu.Lock()
	defer idp.mu.Unlock()
	idp.authorize = append(idp.authorize, q)
	redirect, err := url.Parse(q.Get("redirect_uri"))
	switch {
	case r.PathValue("tenant") != idp.tenant || q.Get("client_id") != idp.clientID:
		http.Error(w, "unknown tenant or client", http.StatusBadRequest)
		return
	case err != nil || redirect.Scheme != "http" || redirect.Hostname() != "localhost":
		http.Error(w, "AADSTS50011: redirect URI mismatch", http.StatusBadRequest)
		return
	case q.Get("response_type") != "code" || q.Get("code_challenge_method") != "S256" ||
		len(q.Get("code_challenge")) != 43 || q.Get("state") == "":
		http.Error(w, "bad authorize request", http.StatusBadRequest)
		return
	}
	answer := url.Values{"state": {q.Get("state")}}
	if idp.deny != nil {
		for k, v := range idp.deny {
			answer[k] = v
		}
	} else {
		code := rand.Text()
		idp.codes[code] = issuedCode{q.Get("code_challenge"), q.Get("redirect_uri"), q.Get("scope")}
		answer.Set("code", code)
	}
	redirect.RawQuery = answer.Encode()
	http.Redirect(w, r, redirect.String(), http.StatusFound)
}

func (idp *testIdP) handleToken(w http.ResponseWriter, r *http.Request) {
	if err := r.ParseForm(); err != nil {
		http.Error(w, err.Error(), http.StatusBadRequest)
		return
	}
	f := r.PostForm
	idp.mu.Lock()
	defer idp.mu.Unlock()
	idp.tokens = append(idp.tokens, f)
	if idp.sendTokensTo != "" {
		http.Redirect(w, r, idp.sendTokensTo+r.URL.Path, http.StatusTemporaryRedirect)
		return
	}
	if r.URL.RawQuery != "" {
		idpError(w, http.StatusBadRequest, "invalid_request", 900144, "Parameters belong in the body.")
		return
	}
	switch {
	case f.Get("client_id") != idp.clientID:
		idpError(w, http.StatusBadRequest, "unauthorized_client", 700016, "Application was not found.")
		return
	case idp.secret == "" && f.Has("client_secret"):
		idpError(w, http.StatusUnauthorized, "invalid_client", 700025, "Client is public so neither 'client_assertion' nor 'client_secret' should be presented.")
		return
	case idp.secret != "" && f.Get("client_secret") != idp.secret:
		idpError(w, http.StatusUnauthorized, "invalid_client", 7000215, "Invalid client secret provided.")
		return
	}
	switch f.Get("grant_type") {
	case "client_credentials":
		if r.Header.Get("Authorization") != "" || !strings.HasSuffix(f.Get("scope"), "/.default") {
			idpError(w, http.StatusBadRequest, "invalid_request", 900144, "Send the secret in the body and a .default scope.")
			return
		}
		idp.issue(w, f.Get("scope"))
	case "authorization_code":
		c, ok := idp.codes[f.Get("code")]
		delete(idp.codes, f.Get("code"))
		sum := sha256.Sum256([]byte(f.Get("code_verifier")))
		switch {
		case !ok:
			idpError(w, http.StatusBadRequest, "invalid_grant", 70008, "The provided authorization code has expired or was already redeemed.")
		case f.Get("redirect_uri") != c.redirectURI:
			idpError(w, http.StatusBadRequest, "invalid_grant", 50011, "The redirect URI does not match the one of the authorization request.")
		case base64.RawURLEncoding.EncodeToString(sum[:]) != c.challenge:
			idpError(w, http.StatusBadRequest, "invalid_grant", 501481, "The Code_Verifier does not match the code_challenge supplied in the authorization request.")
		default:
			idp.issue(w, c.scope)
		}
	case "refresh_token":
		rt := f.Get("refresh_token")
		switch {
		case f.Get("scope") == "":
			idpError(w, http.StatusBadRequest, "invalid_request", 900144, "The request body must contain the following parameter: 'scope'.")
		case !idp.live[rt]:
			idpError(w, http.StatusBadRequest, "invalid_grant", 70000, "The refresh token is not valid.")
		default:
			delete(idp.live, rt) // rotation: the old one is retired
			idp.issue(w, f.Get("scope"))
		}
	default:
		idpError(w, http.StatusBadRequest, "unsupported_grant_type", 70003, "Unsupported grant type.")
	}
}

// issue answers with a delegated access token and a new refresh token.
func (idp *testIdP) issue(w http.ResponseWriter, scope string) {
	var perms []string
	for _, s := range strings.Fields(scope) {
		if i := strings.LastIndex(s, "/"); i >= 0 {
			perms = append(perms, s[i+1:])
		}
	}
	payload, _ := json.Marshal(map[string]any{"tid": "t", "azp": idp.clientID, "scp": strings.Join(perms, " "),
		"preferred_username": "adele@contoso.onmicrosoft.com"})
	rt := "rt-" + rand.Text()
	idp.live[rt] = true
	w.Header().Set("Content-Type", "application/json")
	_ = json.NewEncoder(w).Encode(map[string]any{
		"token_type": "Bearer", "expires_in": 3599, "scope": scope,
		"access_token": unsignedJWT(string(payload)), "refresh_token": rt, "id_token": "id",
	})
}

func idpError(w http.ResponseWriter, status int, name string, code int, msg string) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_, _ = fmt.Fprint(w, entraBody(name, code, msg))
}

// tokenRequests returns a copy of the token requests received so far.
func (idp *testIdP) tokenRequests() []url.Values {
	idp.mu.Lock()
	defer idp.mu.Unlock()
	return append([]url.Values(nil), idp.tokens...)
}

func (idp *testIdP) authorizeRequests() []url.Values {
	idp.mu.Lock()
	defer idp.mu.Unlock()
	return append([]url.Values(nil), idp.authorize...)
}

// testBrowser stands in for the system browser: it loads a URL and follows
// redirects like a browser, keeping the last page it showed.
type testBrowser struct {
	busy   sync.WaitGroup // pages still loading: the sign-in no longer waits for them
	mu     sync.Mutex
	status int
	page   string
	opened []string
}

func (b *testBrowser) open(u string) error {
	b.busy.Add(1)
	defer b.busy.Done()
	b.mu.Lock()
	b.opened = append(b.opened, u)
	b.mu.Unlock()
	client := &http.Client{Transport: &http.Transport{}} // no proxy from the environment
	resp, err := client.Get(u)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	b.mu.Lock()
	b.status, b.page = resp.StatusCode, string(body)
	b.mu.Unlock()
	return err
}

func (b *testBrowser) shown() (int, string) {
	b.busy.Wait()
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.status, b.page
}

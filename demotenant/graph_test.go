package demotenant

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"strings"
	"testing"

	"golang.org/x/oauth2"
)

// graphClient calls a tenant's Graph over HTTP with one bearer token.
type graphClient struct {
	t     testing.TB
	s     *Server
	token string
}

// appGraph signs in as the scenario's app with its secret.
func appGraph(t *testing.T, s *Server) *graphClient {
	t.Helper()
	info := s.Info()
	return &graphClient{t: t, s: s, token: clientCredentialsToken(t, s, info.ClientID, info.ClientSecret)}
}

// delegatedGraph signs upn in through the public client's authorization
// code flow (AutoSignIn must be on) and returns a client acting for them.
func delegatedGraph(t *testing.T, s *Server, upn string, scopes ...string) *graphClient {
	t.Helper()
	info := s.Info()
	cfg := oauthConfig(s, info.TenantID, info.PublicClientID, "", "http://localhost:41000",
		append(scopes, "openid", "profile", "offline_access")...)
	verifier := oauth2.GenerateVerifier()
	code := autoCode(t, cfg, oauth2.S256ChallengeOption(verifier), oauth2.SetAuthURLParam("login_hint", upn))
	tok, err := cfg.Exchange(context.Background(), code, oauth2.VerifierOption(verifier))
	if err != nil {
		t.Fatalf("sign in %s: %v", upn, err)
	}
	return &graphClient{t: t, s: s, token: tok.AccessToken}
}

// graphAnswer is one Graph response, read whole.
type graphAnswer struct {
	Status int
	Header http.Header
	Body   []byte
}

// do sends a request to path below /v1.0; headers come in name, value pairs.
func (g *graphClient) do(method, path string, body any, headers ...string) graphAnswer {
	g.t.Helper()
	var rd io.Reader
	switch b := body.(type) {
	case nil:
	case string:
		rd = strings.NewReader(b)
	default:
		raw, err := json.Marshal(b)
		if err != nil {
			g.t.Fatal(err)
		}
		rd = bytes.NewReader(raw)
	}
	req, err := http.NewRequest(method, g.s.URL()+"/v1.0"+path, rd)
	if err != nil {
		g.t.Fatal(err)
	}
	if g.token != "" {
		req.Header.Set("Authorization", "Bearer "+g.token)
	}
	if rd != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	for i := 0; i+1 < len(headers); i += 2 {
		req.Header.Set(headers[i], headers[i+1])
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		g.t.Fatalf("%s %s: %v", method, path, err)
	}
	defer resp.Body.Close()
	raw, err := io.ReadAll(resp.Body)
	if err != nil {
		g.t.Fatalf("%s %s: read: %v", method, path, err)
	}
	return graphAnswer{Status: resp.StatusCode, Header: resp.Header, Body: raw}
}

func (g *graphClient) get(path string, headers ...string) graphAnswer {
	g.t.Helper()
	return g.do(http.MethodGet, path, nil, headers...)
}

// object decodes a 2xx JSON answer, failing the test on another status.
func (a graphAnswer) object(t testing.TB, want int) map[string]any {
	t.Helper()
	if a.Status != want {
		t.Fatalf("status %d, want %d: %s", a.Status, want, a.Body)
	}
	var m map[string]any
	if err := json.Unmarshal(a.Body, &m); err != nil {
		t.Fatalf("answer is not a JSON object: %v: %s", err, a.Body)
	}
	return m
}

// list decodes a collection answer and returns its objects.
func (a graphAnswer) list(t testing.TB) []map[string]any {
	t.Helper()
	var out []map[string]any
	for _, v := range a.object(t, http.StatusOK)["value"].([]any) {
		out = append(out, v.(map[string]any))
	}
	return out
}

// wantGraphError checks the answer is Graph's error JSON with status and
// code, the request-id headers and inner error, and returns the message.
func (a graphAnswer) wantError(t testing.TB, status int, code string) string {
	t.Helper()
	var body struct {
		Error struct {
			Code       string `json:"code"`
			Message    string `json:"message"`
			InnerError struct {
				Date            string `json:"date"`
				RequestID       string `json:"request-id"`
				ClientRequestID string `json:"client-request-id"`
			} `json:"innerError"`
		} `json:"error"`
	}
	if err := json.Unmarshal(a.Body, &body); err != nil {
		t.Fatalf("status %d: not Graph's error JSON: %v: %s", a.Status, err, a.Body)
	}
	if a.Status != status || body.Error.Code != code {
		t.Fatalf("got %d %s (%s), want %d %s", a.Status, body.Error.Code, body.Error.Message, status, code)
	}
	inner := body.Error.InnerError
	if inner.RequestID == "" || inner.RequestID != a.Header.Get("request-id") || inner.Date == "" || inner.ClientRequestID == "" {
		t.Errorf("inner error %+v does not match request-id header %q", inner, a.Header.Get("request-id"))
	}
	if body.Error.Message == "" {
		t.Error("empty error message")
	}
	return body.Error.Message
}

// names collects one string property of listed objects.
func names(items []map[string]any, prop string) []string {
	out := make([]string, 0, len(items))
	for _, it := range items {
		s, _ := it[prop].(string)
		out = append(out, s)
	}
	return out
}

const eventual = "ConsistencyLevel"

func TestGraphOrganization(t *testing.T) {
	s := startTenant(t, Options{})
	org := appGraph(t, s).get("/organization").list(t)
	if len(org) != 1 || org[0]["id"] != s.Info().TenantID || org[0]["displayName"] == "" {
		t.Fatalf("organization: %v", org)
	}
	domains := org[0]["verifiedDomains"].([]any)
	if first := domains[0].(map[string]any); first["name"] != s.Info().TenantDomain || first["isInitial"] != true {
		t.Errorf("first verified domain: %v", first)
	}
}

func TestGraphRefusesMissingAndBadTokens(t *testing.T) {
	s := startTenant(t, Options{})
	for _, tok := range []string{"", "not-a-jwt", "eyJhbGciOiJSUzI1NiJ9.e30.c2ln"} {
		a := (&graphClient{t: t, s: s, token: tok}).get("/users")
		a.wantError(t, http.StatusUnauthorized, "InvalidAuthenticationToken")
		if a.Header.Get("WWW-Authenticate") == "" {
			t.Errorf("token %q: no WWW-Authenticate header", tok)
		}
	}
}

func TestGraphUnknownPathsAndMethods(t *testing.T) {
	s := startTenant(t, Options{})
	g := appGraph(t, s)
	if msg := g.get("/usres").wantError(t, http.StatusBadRequest, "BadRequest"); !strings.Contains(msg, "'usres'") {
		t.Errorf("unknown segment message: %s", msg)
	}
	g.get("/users/"+s.Info().TenantID+"/photos/x/y").wantError(t, http.StatusBadRequest, "BadRequest")
	g.do(http.MethodPut, "/organization", "{}").wantError(t, http.StatusMethodNotAllowed, "Request_BadRequest")
	g.do(http.MethodPost, "/users", "{not json").wantError(t, http.StatusBadRequest, "BadRequest")
}

func TestGraphClientRequestIDIsEchoed(t *testing.T) {
	s := startTenant(t, Options{})
	a := appGraph(t, s).get("/users/nobody@nowhere.example", "client-request-id", "c0ffee00-1111-2222-3333-444455556666")
	a.wantError(t, http.StatusNotFound, "Request_ResourceNotFound")
	if got := a.Header.Get("client-request-id"); got != "c0ffee00-1111-2222-3333-444455556666" {
		t.Errorf("client-request-id %q", got)
	}
}

func TestGraphBetaAnswersLikeV1(t *testing.T) {
	s := startTenant(t, Options{})
	g := appGraph(t, s)
	req, _ := http.NewRequest(http.MethodGet, s.URL()+"/beta/organization", nil)
	req.Header.Set("Authorization", "Bearer "+g.token)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var body map[string]any
	if err := json.NewDecoder(resp.Body).Decode(&body); err != nil || resp.StatusCode != http.StatusOK {
		t.Fatalf("beta organization: %d %v", resp.StatusCode, err)
	}
	if ctx, _ := body["@odata.context"].(string); !strings.HasPrefix(ctx, s.URL()+"/beta/$metadata#") {
		t.Errorf("context %q", ctx)
	}
}

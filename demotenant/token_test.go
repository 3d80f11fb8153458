package demotenant

import (
	"context"
	"crypto/rsa"
	"encoding/json"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"testing"
	"time"

	"golang.org/x/oauth2"
	"golang.org/x/oauth2/clientcredentials"
)

// testClock is an Options.Now that tests move forward.
type testClock struct {
	mu  sync.Mutex
	now time.Time
}

func newClock() *testClock {
	return &testClock{now: time.Date(2026, 3, 1, 9, 0, 0, 0, time.UTC)}
}

func (c *testClock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.now
}

func (c *testClock) Advance(d time.Duration) {
	c.mu.Lock()
	c.now = c.now.Add(d)
	c.mu.Unlock()
}

// clientCredentialsToken gets an app-only token with golang.org/x/oauth2,
// the client the program itself uses.
func clientCredentialsToken(t *testing.T, s *Server, clientID, secret string) string {
	t.Helper()
	cfg := clientcredentials.Config{
		ClientID: clientID, ClientSecret: secret,
		TokenURL: s.URL() + "/" + s.Info().TenantID + "/oauth2/v2.0/token",
		Scopes:   []string{"https://graph.microsoft.com/.default"},
	}
	tok, err := cfg.Token(context.Background())
	if err != nil {
		t.Fatalf("client credentials: %v", err)
	}
	if tok.TokenType != "Bearer" || tok.Expiry.IsZero() {
		t.Errorf("token type %q, expiry %v", tok.TokenType, tok.Expiry)
	}
	return tok.AccessToken
}

// bearerPrincipal runs authenticate on a request carrying tok.
func bearerPrincipal(t *testing.T, s *Server, tok string) *principal {
	t.Helper()
	p, err := s.authenticate(bearerRequest(tok))
	if err != nil {
		t.Fatalf("authenticate: %v", err)
	}
	return p
}

func bearerRequest(tok string) *http.Request {
	r, _ := http.NewRequest(http.MethodGet, "http://graph.test/v1.0/users", nil)
	r.Header.Set("Authorization", "Bearer "+tok)
	return r
}

func TestClientCredentialsTokenShape(t *testing.T) {
	s := startTenant(t, Options{})
	info := s.Info()
	resp, raw := postToken(t, s, info.TenantDomain, url.Values{
		"grant_type": {"client_credentials"}, "client_id": {info.ClientID},
		"client_secret": {info.ClientSecret}, "scope": {graphAppID + "/.default"},
	})
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("status %d: %s", resp.StatusCode, raw)
	}
	if cc := resp.Header.Get("Cache-Control"); !strings.Contains(cc, "no-store") {
		t.Errorf("Cache-Control = %q", cc)
	}
	var fields map[string]any
	if err := json.Unmarshal(raw, &fields); err != nil {
		t.Fatal(err)
	}
	for _, k := range []string{"token_type", "expires_in", "ext_expires_in", "access_token"} {
		if _, ok := fields[k]; !ok {
			t.Errorf("answer lacks %s: %s", k, raw)
		}
	}
	if _, ok := fields["refresh_token"]; ok {
		t.Error("client credentials answer carries a refresh token")
	}
	var c accessClaims
	if err := verifyJWS(fields["access_token"].(string), &signingKeyOf(t, s).PublicKey, s.kid, &c); err != nil {
		t.Fatal(err)
	}
	if c.Aud != graphAppID || c.Iss != "https://sts.windows.net/"+info.TenantID+"/" || c.IDTyp != "app" ||
		c.Exp-c.Iat != 3599 || c.Oid == "" || c.Sub != c.Oid || c.Scp != "" || len(c.Roles) != len(wizardRoles) {
		t.Errorf("claims: %+v", c)
	}
}

func TestClientCredentialsWithHTTPBasic(t *testing.T) {
	s := startTenant(t, Options{})
	info := s.Info()
	req, _ := http.NewRequest(http.MethodPost, s.URL()+"/"+info.TenantID+"/oauth2/v2.0/token",
		strings.NewReader("grant_type=client_credentials&scope=https%3A%2F%2Fgraph.microsoft.com%2F.default"))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.SetBasicAuth(url.QueryEscape(info.ClientID), url.QueryEscape(info.ClientSecret))
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("status %d", resp.StatusCode)
	}
	// x/oauth2 picks Basic or form by itself; force Basic as well.
	cfg := clientcredentials.Config{ClientID: info.ClientID, ClientSecret: info.ClientSecret,
		TokenURL: s.URL() + "/" + info.TenantID + "/oauth2/v2.0/token", AuthStyle: oauth2.AuthStyleInHeader,
		Scopes: []string{"https://graph.microsoft.com/.default"}}
	if _, err := cfg.Token(context.Background()); err != nil {
		t.Fatalf("x/oauth2 with Basic: %v", err)
	}
}

func TestClientCredentialsErrors(t *testing.T) {
	s := startTenant(t, Options{})
	info := s.Info()
	apps := map[string]AppInfo{}
	for _, a := range info.Apps {
		apps[a.Name] = a
	}
	main := apps[appMain]
	form := func(clientID, secret, scope string) url.Values {
		v := url.Values{"grant_type": {"client_credentials"}, "scope": {scope}, "client_id": {clientID}}
		if secret != "" {
			v.Set("client_secret", secret)
		}
		return v
	}
	const scope = "https://graph.microsoft.com/.default"
	cases := []struct {
		name   string
		tenant string
		form   url.Values
		status int
		error  string
		code   int
	}{
		{"secret id instead of value", info.TenantID, form(main.ClientID, stableGUID("secret id: "+appMain+" valid"), scope), 401, "invalid_client", 7000215},
		{"expired secret", info.TenantID, form(main.ClientID, main.ExpiredSecret, scope), 401, "invalid_client", 7000222},
		{"unknown client", info.TenantID, form("0b7d8d0e-0000-4000-8000-000000000000", "x", scope), 400, "unauthorized_client", 700016},
		{"no service principal", info.TenantID, form(apps[appOrphan].ClientID, apps[appOrphan].Secret, scope), 401, "invalid_client", 7000229},
		{"no secret", info.TenantID, form(main.ClientID, "", scope), 401, "invalid_client", 7000218},
		{"unknown tenant", "contoso.onmicrosoft.com", form(main.ClientID, main.Secret, scope), 400, "invalid_request", 90002},
		{"malformed tenant", "contoso", form(main.ClientID, main.Secret, scope), 400, "invalid_request", 900023},
		{"organizations", "organizations", form(main.ClientID, main.Secret, scope), 400, "invalid_request", 50059},
		{"scope without .default", info.TenantID, form(main.ClientID, main.Secret, "https://graph.microsoft.com/User.Read.All"), 400, "invalid_scope", 1002012},
		{"other resource", info.TenantID, form(main.ClientID, main.Secret, "https://management.azure.com/.default"), 400, "invalid_scope", 70011},
		{"missing scope", info.TenantID, form(main.ClientID, main.Secret, ""), 400, "invalid_request", 900144},
		{"missing grant type", info.TenantID, url.Values{"client_id": {main.ClientID}}, 400, "invalid_request", 900144},
		{"unsupported grant", info.TenantID, url.Values{"grant_type": {"urn:example:made-up"}, "client_id": {main.ClientID}}, 400, "unsupported_grant_type", 70003},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			resp, raw := postToken(t, s, c.tenant, c.form)
			wantEntraError(t, resp, raw, c.status, c.error, c.code)
			if sec := c.form.Get("client_secret"); sec != "" && strings.Contains(string(raw), sec) {
				t.Error("the error answer repeats the secret")
			}
		})
	}
}

func TestCorrelationIDEchoesClientRequestID(t *testing.T) {
	s := startTenant(t, Options{})
	const id = "0f5e7a12-3456-4789-8abc-def012345678"
	req, _ := http.NewRequest(http.MethodPost, s.URL()+"/"+s.Info().TenantID+"/oauth2/v2.0/token",
		strings.NewReader("grant_type=nonsense"))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.Header.Set("client-request-id", id)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var body entraErrorBody
	if err := json.NewDecoder(resp.Body).Decode(&body); err != nil {
		t.Fatal(err)
	}
	if body.CorrelationID != id || !strings.Contains(body.ErrorDescription, "Correlation ID: "+id) {
		t.Errorf("correlation id %q, description %q", body.CorrelationID, body.ErrorDescription)
	}
}

func TestX2OAuthSurfacesEntraErrors(t *testing.T) {
	s := startTenant(t, Options{})
	info := s.Info()
	cfg := clientcredentials.Config{ClientID: info.ClientID, ClientSecret: "wrong",
		TokenURL: s.URL() + "/" + info.TenantID + "/oauth2/v2.0/token",
		Scopes:   []string{"https://graph.microsoft.com/.default"}}
	_, err := cfg.Token(context.Background())
	re, ok := err.(*oauth2.RetrieveError)
	if !ok {
		t.Fatalf("error %T %v, want *oauth2.RetrieveError", err, err)
	}
	if re.ErrorCode != "invalid_client" || !strings.HasPrefix(re.ErrorDescription, "AADSTS7000215: ") {
		t.Errorf("RetrieveError code %q, description %q", re.ErrorCode, re.ErrorDescription)
	}
}

func TestAuthenticateRefusesBadTokens(t *testing.T) {
	clock := newClock()
	s := startTenant(t, Options{Now: clock.Now})
	info := s.Info()
	tok := clientCredentialsToken(t, s, info.ClientID, info.ClientSecret)
	bearerPrincipal(t, s, tok)

	parts := strings.Split(tok, ".")
	var c accessClaims
	if err := verifyJWS(tok, &signingKeyOf(t, s).PublicKey, s.kid, &c); err != nil {
		t.Fatal(err)
	}
	c.Roles = append(c.Roles, "Application.ReadWrite.All")
	forgedBody, _ := json.Marshal(c)
	forged := parts[0] + "." + b64.EncodeToString(forgedBody) + "." + parts[2]

	otherAud := c
	otherAud.Aud = "https://management.azure.com"
	wrongAud, err := s.sign(otherAud)
	if err != nil {
		t.Fatal(err)
	}
	otherTenant := c
	otherTenant.Tid = "11111111-2222-4333-8444-555555555555"
	wrongTid, _ := s.sign(otherTenant)

	cases := []struct {
		name, header string
		want         tokenError
	}{
		{"no header", "", errTokenEmpty},
		{"empty bearer", "Bearer ", errTokenEmpty},
		{"not a JWT", "Bearer abc", errTokenMalformed},
		{"tampered claims", "Bearer " + forged, errTokenSignature},
		{"wrong audience", "Bearer " + wrongAud, errTokenAudience},
		{"other tenant", "Bearer " + wrongTid, errTokenIssuer},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			r, _ := http.NewRequest(http.MethodGet, "http://graph.test/v1.0/users", nil)
			if tc.header != "" {
				r.Header.Set("Authorization", tc.header)
			}
			if _, err := s.authenticate(r); err != tc.want {
				t.Errorf("got %v, want %v", err, tc.want)
			}
		})
	}

	clock.Advance(time.Hour + 4*time.Minute) // inside the allowed clock skew
	bearerPrincipal(t, s, tok)
	clock.Advance(2 * time.Minute)
	if _, err := s.authenticate(bearerRequest(tok)); err != errTokenExpired {
		t.Errorf("an hour later: got %v, want %v", err, errTokenExpired)
	}
}

// FuzzTokenForm posts arbitrary bodies to the token endpoint: every answer
// must be a token or Entra's error JSON, never a crash or another shape.
func FuzzTokenForm(f *testing.F) {
	s := startTenant(f, Options{})
	info := s.Info()
	f.Add(info.TenantID, "grant_type=client_credentials&client_id="+info.ClientID+"&client_secret="+url.QueryEscape(info.ClientSecret)+"&scope=https%3A%2F%2Fgraph.microsoft.com%2F.default", "")
	f.Add(info.TenantDomain, "grant_type=authorization_code&code=abc&redirect_uri=http%3A%2F%2Flocalhost&client_id="+info.PublicClientID, "")
	f.Add("organizations", "grant_type=refresh_token&refresh_token=1.AQxyz&client_id="+info.PublicClientID, "")
	f.Add("common", "%zz&&==;grant_type", "Basic !!!")
	f.Add(info.TenantID, "grant_type=client_credentials", "Basic "+b64.EncodeToString([]byte("a%zz:b")))
	f.Fuzz(func(t *testing.T, tenant, body, authz string) {
		target := s.URL() + "/" + url.PathEscape(tenant) + "/oauth2/v2.0/token"
		req, err := http.NewRequest(http.MethodPost, target, strings.NewReader(body))
		if err != nil || tenant == "" || strings.ContainsAny(tenant, "/") {
			t.Skip()
		}
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		if authz != "" && printableASCII(authz) {
			req.Header.Set("Authorization", authz)
		}
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatalf("request failed: %v", err)
		}
		defer resp.Body.Close()
		var answer struct {
			AccessToken string `json:"access_token"`
			Error       string `json:"error"`
			Codes       []int  `json:"error_codes"`
		}
		if err := json.NewDecoder(resp.Body).Decode(&answer); err != nil {
			if resp.StatusCode == http.StatusNotFound || resp.StatusCode == http.StatusMethodNotAllowed {
				return // the path did not reach the token endpoint
			}
			t.Fatalf("status %d, answer is not JSON: %v", resp.StatusCode, err)
		}
		switch {
		case resp.StatusCode == http.StatusOK && answer.AccessToken != "":
		case (resp.StatusCode == 400 || resp.StatusCode == 401) && answer.Error != "" && len(answer.Codes) == 1:
		default:
			t.Fatalf("status %d with %+v", resp.StatusCode, answer)
		}
	})
}

// printableASCII reports whether s can be sent as a header value.
func printableASCII(s string) bool {
	for _, c := range []byte(s) {
		if c < 0x20 || c > 0x7e {
			return false
		}
	}
	return true
}

func TestTokenEndpointOnlyAcceptsPOST(t *testing.T) {
	s := startTenant(t, Options{})
	resp, err := http.Get(s.URL() + "/" + s.Info().TenantID + "/oauth2/v2.0/token?grant_type=client_credentials")
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var raw json.RawMessage
	if err := json.NewDecoder(resp.Body).Decode(&raw); err != nil {
		t.Fatal(err)
	}
	wantEntraError(t, resp, raw, http.StatusBadRequest, "invalid_request", 900561)
}

// signingKeyOf is the tenant's token signing key, once it is made.
func signingKeyOf(t *testing.T, s *Server) *rsa.PrivateKey {
	t.Helper()
	key, err := s.signingKey()
	if err != nil {
		t.Fatal(err)
	}
	return key
}

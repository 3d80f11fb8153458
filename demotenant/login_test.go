package demotenant

import (
	"crypto/rsa"
	"encoding/base64"
	"encoding/json"
	"math/big"
	"net/http"
	"net/url"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"
)

// startTenant runs a demo tenant for one test.
func startTenant(t testing.TB, opts Options) *Server {
	t.Helper()
	s, err := Start(opts)
	if err != nil {
		t.Fatalf("Start: %v", err)
	}
	t.Cleanup(func() { _ = s.Close() })
	return s
}

// browser is an HTTP client that, like a test of a redirect, stops at the
// first 3xx answer instead of following it.
var browser = &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error {
	return http.ErrUseLastResponse
}}

func postToken(t *testing.T, s *Server, tenant string, form url.Values) (*http.Response, []byte) {
	t.Helper()
	resp, err := http.PostForm(s.URL()+"/"+tenant+"/oauth2/v2.0/token", form)
	if err != nil {
		t.Fatalf("POST token: %v", err)
	}
	defer resp.Body.Close()
	var raw json.RawMessage
	if err := json.NewDecoder(resp.Body).Decode(&raw); err != nil {
		t.Fatalf("token answer is not JSON: %v", err)
	}
	return resp, raw
}

// wantEntraError checks an answer is Entra's error JSON for code, with the
// status and OAuth error name given.
func wantEntraError(t *testing.T, resp *http.Response, raw []byte, status int, name string, code int) entraErrorBody {
	t.Helper()
	var body entraErrorBody
	if err := json.Unmarshal(raw, &body); err != nil {
		t.Fatalf("decode error: %v", err)
	}
	if resp.StatusCode != status || body.Error != name || !slices.Equal(body.ErrorCodes, []int{code}) {
		t.Fatalf("got %d %s %v (%s), want %d %s [%d]", resp.StatusCode, body.Error, body.ErrorCodes,
			body.ErrorDescription, status, name, code)
	}
	checkEntraShape(t, body, code)
	return body
}

var entraDescription = regexp.MustCompile(`^AADSTS(\d+): .+\r\nTrace ID: [0-9a-f-]{36}\r\nCorrelation ID: [0-9a-f-]{36}\r\nTimestamp: \d{4}-\d\d-\d\d \d\d:\d\d:\d\dZ$`)

// checkEntraShape checks the fields every Entra error answer carries.
func checkEntraShape(t *testing.T, body entraErrorBody, code int) {
	t.Helper()
	m := entraDescription.FindStringSubmatch(body.ErrorDescription)
	if m == nil || m[1] != itoa(code) {
		t.Errorf("error_description %q does not have Entra's shape for AADSTS%d", body.ErrorDescription, code)
	}
	if !isGUID(body.TraceID) || !isGUID(body.CorrelationID) {
		t.Errorf("trace_id %q, correlation_id %q: want GUIDs", body.TraceID, body.CorrelationID)
	}
	if !strings.Contains(body.ErrorDescription, body.TraceID) || !strings.Contains(body.ErrorDescription, body.Timestamp) {
		t.Errorf("description does not repeat the trace id and timestamp: %q", body.ErrorDescription)
	}
	if body.ErrorURI != "https://login.microsoftonline.com/error?code="+itoa(code) {
		t.Errorf("error_uri = %q", body.ErrorURI)
	}
}

func itoa(n int) string { return big.NewInt(int64(n)).String() }

func TestDiscoveryDocumentNamesTheEndpoints(t *testing.T) {
	s := startTenant(t, Options{})
	info := s.Info()
	for _, tenant := range []string{info.TenantID, info.TenantDomain, "organizations"} {
		resp, err := http.Get(s.URL() + "/" + tenant + "/v2.0/.well-known/openid-configuration")
		if err != nil {
			t.Fatal(err)
		}
		var doc map[string]any
		err = json.NewDecoder(resp.Body).Decode(&doc)
		resp.Body.Close()
		if err != nil || resp.StatusCode != http.StatusOK {
			t.Fatalf("%s: status %d, %v", tenant, resp.StatusCode, err)
		}
		base := s.URL() + "/" + tenant
		for key, want := range map[string]string{
			"token_endpoint":         base + "/oauth2/v2.0/token",
			"authorization_endpoint": base + "/oauth2/v2.0/authorize",
			"jwks_uri":               base + "/discovery/v2.0/keys",
		} {
			if doc[key] != want {
				t.Errorf("%s: %s = %v, want %s", tenant, key, doc[key], want)
			}
		}
		wantIssuer := s.URL() + "/" + info.TenantID + "/v2.0"
		if tenant == "organizations" {
			wantIssuer = s.URL() + "/{tenantid}/v2.0"
		}
		if doc["issuer"] != wantIssuer {
			t.Errorf("%s: issuer = %v, want %s", tenant, doc["issuer"], wantIssuer)
		}
	}
}

func TestTenantSegmentErrors(t *testing.T) {
	s := startTenant(t, Options{})
	cases := []struct {
		tenant string
		code   int
	}{
		{"11111111-2222-3333-4444-555555555555", 90002},
		{"contoso.onmicrosoft.com", 90002},
		{"not a tenant!", 900023},
		{"fabrikam.onmicrosoft.us", 90038},
	}
	for _, c := range cases {
		t.Run(c.tenant, func(t *testing.T) {
			resp, err := http.Get(s.URL() + "/" + url.PathEscape(c.tenant) + "/v2.0/.well-known/openid-configuration")
			if err != nil {
				t.Fatal(err)
			}
			defer resp.Body.Close()
			var raw json.RawMessage
			if err := json.NewDecoder(resp.Body).Decode(&raw); err != nil {
				t.Fatal(err)
			}
			body := wantEntraError(t, resp, raw, http.StatusBadRequest, "invalid_request", c.code)
			if !strings.Contains(body.ErrorDescription, c.tenant) {
				t.Errorf("description does not name the tenant: %q", body.ErrorDescription)
			}
		})
	}
}

func TestJWKSVerifiesIssuedTokens(t *testing.T) {
	s := startTenant(t, Options{})
	info := s.Info()
	tok := clientCredentialsToken(t, s, info.ClientID, info.ClientSecret)

	resp, err := http.Get(s.URL() + "/" + info.TenantID + "/discovery/v2.0/keys")
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var set struct {
		Keys []struct{ Kty, Kid, N, E string }
	}
	if err := json.NewDecoder(resp.Body).Decode(&set); err != nil || len(set.Keys) != 1 {
		t.Fatalf("keys: %v, %+v", err, set)
	}
	k := set.Keys[0]
	n, err1 := base64.RawURLEncoding.DecodeString(k.N)
	e, err2 := base64.RawURLEncoding.DecodeString(k.E)
	if err1 != nil || err2 != nil || k.Kty != "RSA" {
		t.Fatalf("bad key %+v", k)
	}
	pub := &rsa.PublicKey{N: new(big.Int).SetBytes(n), E: int(new(big.Int).SetBytes(e).Int64())}
	var claims accessClaims
	if err := verifyJWS(tok, pub, k.Kid, &claims); err != nil {
		t.Fatalf("token does not verify with the published key: %v", err)
	}
	if claims.Tid != info.TenantID || claims.AppID != info.ClientID {
		t.Errorf("claims tid=%s appid=%s", claims.Tid, claims.AppID)
	}
	other := &rsa.PublicKey{N: new(big.Int).Add(pub.N, big.NewInt(2)), E: pub.E}
	if err := verifyJWS(tok, other, k.Kid, &claims); err == nil {
		t.Error("token verified with a different key")
	}
}

func TestInfoDescribesEveryScenario(t *testing.T) {
	for _, sc := range Scenarios[:3] {
		t.Run(sc, func(t *testing.T) {
			s := startTenant(t, Options{Scenario: sc})
			info := s.Info()
			if info.Authority != s.URL() || info.Graph != s.URL() || info.TenantID == "" || info.TenantDomain == "" {
				t.Fatalf("incomplete info: %+v", info)
			}
			if info.ClientID == "" || info.ClientSecret == "" || info.PublicClientID == "" {
				t.Fatalf("missing credentials: %+v", info)
			}
			if len(info.ClientSecret) != 40 || info.ClientSecret[3:6] != "8Q~" {
				t.Errorf("secret does not look like an Entra secret value")
			}
			tok := clientCredentialsToken(t, s, info.ClientID, info.ClientSecret)
			p := bearerPrincipal(t, s, tok)
			want := map[string][]string{
				ScenarioDefault:   wizardRoles,
				ScenarioReadOnly:  {"User.Read.All", "Group.Read.All"},
				ScenarioNoConsent: nil,
			}[sc]
			if !slices.Equal(p.Roles, want) {
				t.Errorf("roles = %v, want %v", p.Roles, want)
			}
			if len(info.Users) < 2 || !info.Users[0].Admin || info.Users[0].UPN != "admin@"+info.TenantDomain {
				t.Errorf("sign-in users = %+v, want the administrator first", info.Users)
			}
		})
	}
}

func TestInfoListsTheSpecialApps(t *testing.T) {
	s := startTenant(t, Options{Now: func() time.Time { return time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC) }})
	info := s.Info()
	byName := map[string]AppInfo{}
	for _, a := range info.Apps {
		byName[a.Name] = a
	}
	if a := byName[appMain]; a.Secret == "" || a.ExpiredSecret == "" || a.Secret == a.ExpiredSecret {
		t.Errorf("main app: want a valid and an expired secret, got %+v", a)
	}
	if a := byName[appPublic]; !a.Public || a.Secret != "" || a.ClientID != info.PublicClientID {
		t.Errorf("public app: %+v", a)
	}
	if a := byName[appNoConsent]; len(a.Roles) != 0 {
		t.Errorf("no-consent app has roles %v", a.Roles)
	}
	for _, name := range []string{appReadOnly, appWeb, appOrphan} {
		if byName[name].ClientID == "" {
			t.Errorf("Info.Apps lacks %q", name)
		}
	}
}

func TestLogout(t *testing.T) {
	s := startTenant(t, Options{})
	base := s.URL() + "/" + s.Info().TenantID + "/oauth2/v2.0/logout"
	back := getPage(t, base+"?post_logout_redirect_uri="+url.QueryEscape("http://localhost:47000/bye"))
	if back.Status != http.StatusFound || back.Location != "http://localhost:47000/bye" {
		t.Errorf("loopback return: %d %q", back.Status, back.Location)
	}
	stay := getPage(t, base+"?post_logout_redirect_uri="+url.QueryEscape("https://evil.example/"))
	if stay.Status != http.StatusOK || stay.Location != "" || !strings.Contains(stay.Body, "You signed out") {
		t.Errorf("foreign return: %d %q", stay.Status, stay.Location)
	}
}

func BenchmarkInfoLargeTenant(b *testing.B) {
	s := startTenant(b, Options{Scenario: ScenarioLarge})
	b.ReportAllocs()
	for b.Loop() {
		if len(s.Info().Users) == 0 {
			b.Fatal("no sign-in users")
		}
	}
}

func TestSignInUsersAreTheAdminsThenTheFirstMembers(t *testing.T) {
	s := startTenant(t, Options{})
	// The accounts a policy stops come after these; login_policy_test.go
	// covers them.
	got := slices.DeleteFunc(s.Info().Users, func(u SignInUser) bool { return u.Note != "" })
	s.mu.Lock()
	var all []*user
	for _, u := range s.dir.users {
		if u.AccountEnabled && u.UserType == "Member" {
			all = append(all, u)
		}
	}
	s.mu.Unlock()
	slices.SortFunc(all, func(a, b *user) int {
		switch {
		case a.Admin != b.Admin && a.Admin:
			return -1
		case a.Admin != b.Admin:
			return 1
		}
		return a.CreatedDateTime.Compare(b.CreatedDateTime)
	})
	admins := 0
	for _, u := range all {
		if u.Admin {
			admins++
		}
	}
	if len(got) != admins+5 {
		t.Fatalf("%d sign-in users, want %d admins and 5 members", len(got), admins)
	}
	for i, u := range got {
		if u.UPN != all[i].UserPrincipalName || u.Password != all[i].Password || u.Admin != all[i].Admin {
			t.Errorf("user %d = %+v, want %s", i, u, all[i].UserPrincipalName)
		}
	}
}

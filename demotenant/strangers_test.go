package demotenant

import (
	"net/http"
	"net/url"
	"strings"
	"testing"
)

// Another user of the computer, or a web page, must not be able to drive a
// running demo tenant with credentials known in advance.
func TestEveryTenantHasSecretsOfItsOwn(t *testing.T) {
	a, b := startTenant(t, Options{}).Info(), startTenant(t, Options{}).Info()
	if a.ClientSecret == "" || a.ClientSecret == b.ClientSecret {
		t.Errorf("two tenants share the client secret (%d characters)", len(a.ClientSecret))
	}
	if len(a.ClientSecret) != 40 || a.ClientSecret[3:6] != "8Q~" {
		t.Errorf("the client secret (%d characters) does not look like an Entra secret", len(a.ClientSecret))
	}
	for i := range a.Apps {
		if a.Apps[i].Secret != "" && a.Apps[i].Secret == b.Apps[i].Secret {
			t.Errorf("two tenants share %s's secret", a.Apps[i].Name)
		}
		if a.Apps[i].ExpiredSecret != "" && a.Apps[i].ExpiredSecret == b.Apps[i].ExpiredSecret {
			t.Errorf("two tenants share %s's expired secret", a.Apps[i].Name)
		}
	}
	for i := range a.Users {
		if a.Users[i].Password == b.Users[i].Password {
			t.Errorf("two tenants share %s's password", a.Users[i].UPN)
		}
	}
}

// A web page can point a name of its own at 127.0.0.1 (DNS rebinding) and
// have the browser send requests to the tenant under that name: they are
// refused, while the tenant's own loopback names are served.
func TestRequestsForAnotherHostAreRefused(t *testing.T) {
	s := startTenant(t, Options{})
	info := s.Info()
	form := url.Values{"grant_type": {"client_credentials"}, "client_id": {info.ClientID},
		"client_secret": {info.ClientSecret}, "scope": {"https://graph.microsoft.com/.default"}}
	port := strings.TrimPrefix(s.URL(), "http://127.0.0.1:")
	for host, want := range map[string]int{
		"evil.example":             http.StatusMisdirectedRequest,
		"evil.example:" + port:     http.StatusMisdirectedRequest,
		"127.0.0.1":                http.StatusMisdirectedRequest,
		"127.0.0.1.nip.io:" + port: http.StatusMisdirectedRequest,
		"127.0.0.1:" + port:        http.StatusOK,
		"LOCALHOST:" + port:        http.StatusOK,
	} {
		req, err := http.NewRequest(http.MethodPost, s.URL()+"/"+info.TenantID+"/oauth2/v2.0/token", strings.NewReader(form.Encode()))
		if err != nil {
			t.Fatal(err)
		}
		req.Host = host
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != want {
			t.Errorf("Host %s: status %d, want %d", host, resp.StatusCode, want)
		}
	}
}

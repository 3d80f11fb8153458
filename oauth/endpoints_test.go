package oauth

import (
	"slices"
	"strings"
	"testing"
)

func TestEndpointsForEveryCloud(t *testing.T) {
	tests := []struct {
		cloud, authority, graph, scope, portal string
	}{
		{"", "https://login.microsoftonline.com", "https://graph.microsoft.com",
			"https://graph.microsoft.com/.default", "https://entra.microsoft.com"},
		{"global", "https://login.microsoftonline.com", "https://graph.microsoft.com",
			"https://graph.microsoft.com/.default", "https://entra.microsoft.com"},
		{"usgov", "https://login.microsoftonline.us", "https://graph.microsoft.us",
			"https://graph.microsoft.us/.default", "https://portal.azure.us"},
		{"usgov-dod", "https://login.microsoftonline.us", "https://dod-graph.microsoft.us",
			"https://dod-graph.microsoft.us/.default", "https://portal.azure.us"},
		{"china", "https://login.partner.microsoftonline.cn", "https://microsoftgraph.chinacloudapi.cn",
			"https://microsoftgraph.chinacloudapi.cn/.default", "https://portal.azure.cn"},
	}
	for _, tt := range tests {
		t.Run(tt.cloud, func(t *testing.T) {
			e, err := EndpointsFor(tt.cloud)
			if err != nil {
				t.Fatal(err)
			}
			if e.Authority != tt.authority || e.Graph != tt.graph || e.Portal != tt.portal {
				t.Errorf("EndpointsFor(%q) = %+v", tt.cloud, e)
			}
			if got := e.GraphScope(); got != tt.scope {
				t.Errorf("GraphScope() = %q, want %q", got, tt.scope)
			}
			if got, want := e.GraphBaseURL(), tt.graph+"/v1.0"; got != want {
				t.Errorf("GraphBaseURL() = %q, want %q", got, want)
			}
		})
	}
}

func TestEndpointsForUnknownCloud(t *testing.T) {
	_, err := EndpointsFor("mars")
	if err == nil || !strings.Contains(err.Error(), "usgov-dod") {
		t.Fatalf("EndpointsFor(mars) error = %v, want one listing the clouds", err)
	}
}

func TestCloudsHaveDistinctNamesAndHTTPSURLs(t *testing.T) {
	seen := map[string]bool{}
	for _, c := range Clouds {
		if seen[c.Name] {
			t.Errorf("cloud %q listed twice", c.Name)
		}
		seen[c.Name] = true
		for _, u := range []string{c.LoginURL, c.GraphURL, c.PortalURL} {
			if !strings.HasPrefix(u, "https://") || strings.HasSuffix(u, "/") {
				t.Errorf("cloud %q: URL %q should be https without a trailing slash", c.Name, u)
			}
		}
	}
	if _, ok := CloudByName("custom"); ok {
		t.Error("CloudByName(custom) found a cloud; custom endpoints are not a cloud")
	}
}

func TestEndpointURLs(t *testing.T) {
	e, _ := EndpointsFor("global")
	if got, want := e.TokenURL("contoso.onmicrosoft.com"),
		"https://login.microsoftonline.com/contoso.onmicrosoft.com/oauth2/v2.0/token"; got != want {
		t.Errorf("TokenURL = %q, want %q", got, want)
	}
	if got, want := e.AuthorizeURL("organizations"),
		"https://login.microsoftonline.com/organizations/oauth2/v2.0/authorize"; got != want {
		t.Errorf("AuthorizeURL = %q, want %q", got, want)
	}
	if got := e.TokenURL("a/b?c"); strings.Count(got, "/") != 6 || strings.Contains(got, "?") {
		t.Errorf("TokenURL with a slash and a question mark = %q: the tenant must stay one path segment", got)
	}
}

func TestCustomEndpoints(t *testing.T) {
	tests := []struct {
		authority, graph string
		ok               bool
	}{
		{"https://login.example.com/", "https://graph.example.com", true},
		{"http://127.0.0.1:8080", "http://127.0.0.1:8080", true},
		{"http://127.5.6.7:1", "http://[::1]:9000/", true},
		{"http://localhost:5000", "http://LOCALHOST:5000", true},
		{"  https://proxy.example.com/login  ", "https://proxy.example.com/graph", true},
		{"http://login.example.com", "https://graph.example.com", false},
		{"https://login.example.com", "http://graph.example.com", false},
		{"http://10.0.0.1", "https://graph.example.com", false},
		{"http://localhost.example.com", "https://graph.example.com", false},
		{"", "https://graph.example.com", false},
		{"login.example.com", "https://graph.example.com", false},
		{"ftp://login.example.com", "https://graph.example.com", false},
		{"https://user:pw@login.example.com", "https://graph.example.com", false},
		{"https://login.example.com?x=1", "https://graph.example.com", false},
	}
	for _, tt := range tests {
		e, err := CustomEndpoints(tt.authority, tt.graph)
		if tt.ok != (err == nil) {
			t.Errorf("CustomEndpoints(%q, %q) error = %v, want ok=%v", tt.authority, tt.graph, err, tt.ok)
			continue
		}
		if err != nil {
			continue
		}
		if e.Cloud != CloudCustom || strings.HasSuffix(e.Authority, "/") || strings.HasSuffix(e.Graph, "/") {
			t.Errorf("CustomEndpoints(%q, %q) = %+v", tt.authority, tt.graph, e)
		}
		if got := e.GraphScope(); got != "https://graph.microsoft.com/.default" {
			t.Errorf("custom GraphScope() = %q, want the global Graph scope", got)
		}
	}
}

func TestCustomEndpointsRefusePlainHTTPInWords(t *testing.T) {
	_, err := CustomEndpoints("http://login.example.com", "https://graph.example.com")
	if err == nil || !strings.Contains(err.Error(), "use https") {
		t.Fatalf("error = %v, want one saying to use https", err)
	}
}

func TestDelegatedScopes(t *testing.T) {
	gov, _ := EndpointsFor("usgov")
	got := gov.DelegatedScopes("User.Read.All", " Group.Read.All ", "offline_access", "User.Read.All",
		"https://graph.microsoft.us/Directory.Read.All", "")
	want := []string{
		"https://graph.microsoft.us/User.Read.All",
		"https://graph.microsoft.us/Group.Read.All",
		"offline_access",
		"https://graph.microsoft.us/Directory.Read.All",
		"openid", "profile",
	}
	if !slices.Equal(got, want) {
		t.Errorf("DelegatedScopes = %q\nwant %q", got, want)
	}
	custom, _ := CustomEndpoints("http://127.0.0.1:1", "http://127.0.0.1:1")
	if got := custom.DelegatedScopes("User.Read"); got[0] != "https://graph.microsoft.com/User.Read" {
		t.Errorf("custom DelegatedScopes = %q, want global Graph names", got)
	}
}

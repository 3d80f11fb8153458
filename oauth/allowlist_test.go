package oauth

import (
	"errors"
	"slices"
	"strings"
	"testing"
)

func TestCheckEndpoints(t *testing.T) {
	tests := []struct {
		name             string
		authority, graph string
		allowCustom      bool
		want             error
	}{
		{"global", "https://login.microsoftonline.com", "https://graph.microsoft.com", false, nil},
		{"usgov", "https://login.microsoftonline.us", "https://graph.microsoft.us", false, nil},
		{"usgov-dod", "https://login.microsoftonline.us", "https://dod-graph.microsoft.us", false, nil},
		{"china", "https://login.partner.microsoftonline.cn", "https://microsoftgraph.chinacloudapi.cn", false, nil},
		{"china, older sign-in alias", "https://login.chinacloudapi.cn", "https://microsoftgraph.chinacloudapi.cn", false, nil},
		{"china sign-in, global Graph", "https://login.partner.microsoftonline.cn", "https://graph.microsoft.com", true, ErrMixedEndpoints},
		{"loopback demo", "http://127.0.0.1:4000", "http://127.0.0.1:4000", false, nil},
		{"localhost", "http://localhost:4000", "https://[::1]:4001", false, nil},
		{"foreign host", "https://login.example.net", "https://graph.example.net", false, ErrCustomEndpoints},
		{"foreign host allowed", "https://login.example.net", "https://graph.example.net", true, nil},
		{"look-alike", "https://login.microsoftonline.com.evil.example", "https://graph.microsoft.com.evil.example", false, ErrCustomEndpoints},
		{"Microsoft sign-in, foreign Graph", "https://login.microsoftonline.com", "https://graph.evil.example", true, ErrMixedEndpoints},
		{"foreign sign-in, Microsoft Graph", "https://login.evil.example", "https://graph.microsoft.com", true, ErrMixedEndpoints},
		{"clouds crossed", "https://login.microsoftonline.com", "https://graph.microsoft.us", true, ErrMixedEndpoints},
		{"Microsoft sign-in, loopback Graph", "https://login.microsoftonline.com", "http://127.0.0.1:4000", true, ErrMixedEndpoints},
		{"loopback sign-in, foreign Graph", "http://127.0.0.1:4000", "https://graph.evil.example", false, ErrCustomEndpoints},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e, err := CustomEndpoints(tt.authority, tt.graph)
			if err != nil {
				t.Fatal(err)
			}
			err = CheckEndpoints(e, tt.allowCustom)
			if tt.want == nil && err != nil || tt.want != nil && !errors.Is(err, tt.want) {
				t.Fatalf("CheckEndpoints = %v, want %v", err, tt.want)
			}
		})
	}
}

func TestCustomHostsNamesTheForeignHosts(t *testing.T) {
	e, _ := CustomEndpoints("https://login.example.net/", "https://graph.example.net")
	if got := CustomHosts(e); !slices.Equal(got, []string{"login.example.net", "graph.example.net"}) {
		t.Fatalf("CustomHosts = %q", got)
	}
	err := CheckEndpoints(e, false)
	if err == nil || !containsAll(err.Error(), "login.example.net", "graph.example.net", "allow custom endpoints") {
		t.Fatalf("the refusal does not name the hosts and the way out: %v", err)
	}
}

func containsAll(s string, parts ...string) bool {
	for _, p := range parts {
		if !strings.Contains(s, p) {
			return false
		}
	}
	return true
}

// China's cloud signs in at the host Microsoft's Entra documentation names
// today; the older one stays accepted.
func TestChinaSignsInAtItsCurrentHost(t *testing.T) {
	c, ok := CloudByName(CloudChina)
	if !ok {
		t.Fatal("no China cloud")
	}
	if c.LoginURL != "https://login.partner.microsoftonline.cn" {
		t.Errorf("China signs in at %s, want https://login.partner.microsoftonline.cn", c.LoginURL)
	}
}

package connection

import (
	"errors"
	"testing"

	"github.com/entra-wizard/entra-wizard/keystore"
)

func TestResolve(t *testing.T) {
	demo := &DemoTenant{Authority: "http://127.0.0.1:4000", Graph: "http://127.0.0.1:4000"}
	cases := []struct {
		name, cloud, authority, graph string
		demo                          *DemoTenant
		wantAuthority, wantGraph      string
	}{
		{"default is global", "", "", "", nil, "https://login.microsoftonline.com", "https://graph.microsoft.com"},
		{"global", "global", "", "", nil, "https://login.microsoftonline.com", "https://graph.microsoft.com"},
		{"usgov", "usgov", "", "", nil, "https://login.microsoftonline.us", "https://graph.microsoft.us"},
		{"usgov-dod", "usgov-dod", "", "", nil, "https://login.microsoftonline.us", "https://dod-graph.microsoft.us"},
		{"china", "china", "", "", nil, "https://login.chinacloudapi.cn", "https://microsoftgraph.chinacloudapi.cn"},
		{"custom", keystore.CloudCustom, "http://localhost:9000/", "http://localhost:9001", nil, "http://localhost:9000", "http://localhost:9001"},
		{"demo", keystore.CloudDemo, "", "", demo, demo.Authority, demo.Graph},
		{"demo ignores saved addresses", keystore.CloudDemo, "https://elsewhere.example", "https://elsewhere.example", demo, demo.Authority, demo.Graph},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			ep, err := Resolve(c.cloud, c.authority, c.graph, c.demo)
			if err != nil {
				t.Fatal(err)
			}
			if ep.Authority != c.wantAuthority || ep.Graph != c.wantGraph {
				t.Errorf("got %s and %s, want %s and %s", ep.Authority, ep.Graph, c.wantAuthority, c.wantGraph)
			}
		})
	}
}

func TestResolveRefuses(t *testing.T) {
	if _, err := Resolve(keystore.CloudDemo, "", "", nil); !errors.Is(err, ErrDemoNotRunning) {
		t.Errorf("demo without a demo tenant: %v", err)
	}
	if _, err := Resolve("mars", "", "", nil); err == nil {
		t.Error("an unknown cloud resolved")
	}
	if _, err := Resolve(keystore.CloudCustom, "http://login.example.com", "https://graph.example.com", nil); err == nil {
		t.Error("plain http to a host that is not loopback was accepted")
	}
}

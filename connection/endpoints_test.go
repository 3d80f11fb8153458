package connection

import (
	"context"
	"crypto/tls"
	"errors"
	"net"
	"net/http"
	"net/http/httptest"
	"sync/atomic"
	"testing"

	"github.com/entra-wizard/entra-wizard/keystore"
	"github.com/entra-wizard/entra-wizard/oauth"
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
		{"china", "china", "", "", nil, "https://login.partner.microsoftonline.cn", "https://microsoftgraph.chinacloudapi.cn"},
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

func TestTestSendsNothingToUntrustedHosts(t *testing.T) {
	var requests atomic.Int32
	srv := httptest.NewTLSServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		requests.Add(1)
		http.Error(w, "{}", http.StatusUnauthorized)
	}))
	defer srv.Close()
	// The client reaches the test server under any host name.
	tr := srv.Client().Transport.(*http.Transport).Clone()
	tr.TLSClientConfig = &tls.Config{InsecureSkipVerify: true} //nolint:gosec // a test server standing in for any host
	tr.DialContext = func(ctx context.Context, network, _ string) (net.Conn, error) {
		return (&net.Dialer{}).DialContext(ctx, network, srv.Listener.Addr().String())
	}
	e := &Engine{HTTPClient: &http.Client{Transport: tr}}
	p := keystore.Profile{Cloud: keystore.CloudCustom, Authority: "https://login.contoso-proxy.example",
		Graph: "https://graph.contoso-proxy.example", Tenant: "contoso.com",
		ClientID: "11111111-2222-3333-4444-555555555555", Method: keystore.MethodClientSecret}

	res := e.Test(context.Background(), Attempt{Profile: p, Secret: "a-secret-value"})
	if !errors.Is(res.Report.Err, oauth.ErrCustomEndpoints) || requests.Load() != 0 {
		t.Fatalf("untrusted: error %v after %d requests; want ErrCustomEndpoints and none", res.Report.Err, requests.Load())
	}
	mixed := p
	mixed.Authority = "https://login.microsoftonline.com"
	if res := e.Test(context.Background(), Attempt{Profile: mixed, Secret: "a-secret-value", AllowCustom: true}); !errors.Is(res.Report.Err, oauth.ErrMixedEndpoints) || requests.Load() != 0 {
		t.Fatalf("mixed: error %v after %d requests", res.Report.Err, requests.Load())
	}
	e.Test(context.Background(), Attempt{Profile: p, Secret: "a-secret-value", AllowCustom: true})
	if requests.Load() == 0 {
		t.Error("trusted explicitly, the host still got nothing")
	}
}

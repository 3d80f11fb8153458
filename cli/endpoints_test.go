package cli

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/entra-wizard/entra-wizard/demotenant"
)

// A foreign host must not receive the secret unless allowed, and a
// Microsoft sign-in is never paired with a foreign Graph.
func TestConnectRefusesForeignEndpointsWithoutOptIn(t *testing.T) {
	f := newConnectFixture(t, demotenant.Options{})
	var hits atomic.Int32
	foreign := httptest.NewTLSServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { hits.Add(1) }))
	defer foreign.Close()
	host := strings.TrimPrefix(foreign.URL, "https://")
	host = strings.Replace(host, "127.0.0.1", "evil.example", 1)
	for _, c := range []struct {
		name             string
		authority, graph string
		allow            bool
		want             string
	}{
		{"foreign", "https://" + host, "https://" + host, false, "--allow-custom-endpoints"},
		{"mixed", "https://login.microsoftonline.com", "https://" + host, true, "cannot be used with the Graph address"},
	} {
		t.Run(c.name, func(t *testing.T) {
			args := []string{"--name", "evil", "--tenant", f.info.TenantID, "--client-id", f.info.ClientID,
				"--client-secret-stdin", "--authority", c.authority, "--graph", c.graph}
			if c.allow {
				args = append(args, "--allow-custom-endpoints")
			}
			res := f.run(t, runConnect, "the-secret\n", args...)
			if res.code != 2 || !strings.Contains(res.stderr, c.want) || !strings.Contains(res.stderr, "evil.example") {
				t.Fatalf("exit %d, stderr %q; want exit 2 naming the host and saying %q", res.code, res.stderr, c.want)
			}
			if strings.Contains(res.stdout+res.stderr, "the-secret") {
				t.Fatal("the secret was printed")
			}
			assertNothingSaved(t, f, "evil")
		})
	}
	if hits.Load() != 0 {
		t.Fatalf("the foreign host received %d requests", hits.Load())
	}
}

package connection

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"strings"
	"sync"
	"testing"

	"github.com/entra-wizard/entra-wizard/keystore"
)

// recorder is a server that would gladly take a secret: it counts every
// request it gets.
type recorder struct {
	*httptest.Server
	mu       sync.Mutex
	requests []string
}

func newRecorder(t *testing.T) *recorder {
	r := &recorder{}
	r.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, req *http.Request) {
		r.mu.Lock()
		defer r.mu.Unlock()
		r.requests = append(r.requests, req.Method+" "+req.URL.Path)
		http.Error(w, "{}", http.StatusBadRequest)
	}))
	t.Cleanup(r.Close)
	return r
}

func (r *recorder) got() []string {
	r.mu.Lock()
	defer r.mu.Unlock()
	return append([]string(nil), r.requests...)
}

// pointSettingsTo rewrites the settings file by hand, replacing address
// from with to.
func pointSettingsTo(t *testing.T, store *keystore.Store, from, to string) {
	t.Helper()
	data, err := os.ReadFile(store.SettingsFile())
	if err != nil || !strings.Contains(string(data), from) {
		t.Fatalf("the settings file does not hold %s (%v)", from, err)
	}
	if err := os.WriteFile(store.SettingsFile(), []byte(strings.ReplaceAll(string(data), from, to)), 0o600); err != nil {
		t.Fatal(err)
	}
}

func hostOf(t *testing.T, raw string) string {
	u, err := url.Parse(raw)
	if err != nil {
		t.Fatal(err)
	}
	return u.Host
}

func TestOpenRefusesAnAddressTheSecretWasNotSavedFor(t *testing.T) {
	for _, edited := range []string{"authority", "graph"} {
		t.Run(edited, func(t *testing.T) {
			f := newFixture(t)
			f.saveSecret(t, "Northwind")
			other := newRecorder(t)
			from := f.info.Authority
			if edited == "graph" {
				// The demo tenant serves both on one address: give the
				// authority a spelling of its own first, then move Graph.
				p, _ := f.store.Get("Northwind")
				p.Graph = strings.Replace(f.info.Graph, "127.0.0.1", "localhost", 1)
				if _, err := f.store.Save(p, keystore.Secrets{ClientSecret: f.info.ClientSecret}); err != nil {
					t.Fatal(err)
				}
				from = p.Graph
			}
			pointSettingsTo(t, f.store, `"`+edited+`": "`+from, `"`+edited+`": "`+other.URL)

			c, err := f.engine().Open(context.Background(), "Northwind")
			var changed *EndpointsChangedError
			if c != nil || !errors.As(err, &changed) || !errors.Is(err, keystore.ErrEndpointsChanged) {
				t.Fatalf("Open gave %v, %v; want an EndpointsChangedError", c, err)
			}
			msg := err.Error()
			for _, want := range []string{`"Northwind"`, hostOf(t, other.URL), hostOf(t, from), "connect again to use the new address"} {
				if !strings.Contains(msg, want) {
					t.Errorf("message %q lacks %q", msg, want)
				}
			}
			if strings.Contains(msg, f.info.ClientSecret) {
				t.Error("the message contains the secret")
			}
			if got := other.got(); len(got) > 0 {
				t.Errorf("the other address received %v", got)
			}

			// Back where it was saved for, it works again.
			pointSettingsTo(t, f.store, `"`+edited+`": "`+other.URL, `"`+edited+`": "`+from)
			c, err = f.engine().Open(context.Background(), "Northwind")
			if err != nil {
				t.Fatal(err)
			}
			if report := c.Check(context.Background()); !report.OK() {
				t.Errorf("the restored connection fails: %v", report.Err)
			}
		})
	}
}

func TestOpenRefusesABrowserSignInMovedToAnotherCloud(t *testing.T) {
	f := newFixture(t)
	f.saveBrowser(t, "Me")
	pointSettingsTo(t, f.store, `"cloud": "demo"`, `"cloud": "china"`)
	_, err := f.engine().Open(context.Background(), "Me")
	if !errors.Is(err, keystore.ErrEndpointsChanged) {
		t.Fatalf("error %v, want ErrEndpointsChanged", err)
	}
	if msg := err.Error(); !strings.Contains(msg, "login.partner.microsoftonline.cn") || !strings.Contains(msg, hostOf(t, f.info.Authority)) {
		t.Errorf("message %q should name the China cloud's sign-in host and the demo tenant's", msg)
	}
}

package ldap

import (
	"bytes"
	"io"
	"path/filepath"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"

	"github.com/entra-wizard/entra-wizard/connection"
	"github.com/entra-wizard/entra-wizard/keystore"
	"github.com/entra-wizard/entra-wizard/ldapconn"
	"github.com/entra-wizard/entra-wizard/ldapconn/adtest"
	"github.com/entra-wizard/entra-wizard/ldapconn/slapdtest"
)

// harness is a real slapd, a store of the test's own, and a queue that
// runs background results on the test goroutine, as fyne.Do would on the
// UI goroutine.
type harness struct {
	srv *slapdtest.Server
	// ad is the proxy in front of srv, for a harness of newADHarness.
	ad *adtest.Server
	// port is where the panel connects: slapd's, or the proxy's in front
	// of it.
	port   int
	store  *keystore.Store
	queue  chan func()
	deps   Deps
	opened []string
	files  map[string]*bytes.Buffer
}

func newHarness(t *testing.T) *harness {
	t.Helper()
	srv := slapdtest.Start(t)
	return harnessOn(t, srv, srv.Port)
}

// newADHarness is a harness whose server answers as Active Directory does,
// with its large domain (package adtest).
func newADHarness(t *testing.T) *harness {
	t.Helper()
	ad := adtest.Start(t)
	h := harnessOn(t, ad.Slapd, ad.Port)
	h.ad = ad
	return h
}

func harnessOn(t *testing.T, srv *slapdtest.Server, port int) *harness {
	t.Helper()
	app := test.NewTempApp(t)
	h := &harness{srv: srv, port: port, queue: make(chan func(), 64), files: map[string]*bytes.Buffer{}}
	store, err := keystore.Open(filepath.Join(t.TempDir(), "config"), keystore.MemoryKeyring())
	if err != nil {
		t.Fatal(err)
	}
	h.store = store
	h.deps = Deps{
		Store:     store,
		Engine:    &connection.Engine{Store: store, LDAP: ldapconn.Config{Resolver: slapdtest.Resolver{}, Timeout: 10 * time.Second}},
		OpenURL:   func(u string) error { h.opened = append(h.opened, u); return nil },
		Clipboard: app.Clipboard(),
		Do:        func(f func()) { h.queue <- f },
		SaveFile: func(name string, chosen func(io.WriteCloser, error)) {
			b := &bytes.Buffer{}
			h.files[name] = b
			chosen(nopCloser{b}, nil)
		},
	}
	return h
}

type nopCloser struct{ io.Writer }

func (nopCloser) Close() error { return nil }

// waitFor runs queued UI work until cond holds.
func (h *harness) waitFor(t *testing.T, what string, cond func() bool) {
	t.Helper()
	deadline := time.After(30 * time.Second)
	for !cond() {
		select {
		case f := <-h.queue:
			f()
		case <-deadline:
			t.Fatalf("timed out waiting for %s", what)
		}
	}
}

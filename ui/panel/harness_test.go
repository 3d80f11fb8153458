package panel

import (
	"bytes"
	"context"
	"io"
	"strings"
	"sync"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/test"

	"github.com/entra-wizard/entra-wizard/demotenant"
	"github.com/entra-wizard/entra-wizard/demotenant/demotest"
	"github.com/entra-wizard/entra-wizard/graph"
	"github.com/entra-wizard/entra-wizard/keystore"
	"github.com/entra-wizard/entra-wizard/oauth"
	"github.com/entra-wizard/entra-wizard/ui/kit"
)

// waitLimit is how long a test waits for the panel to show a result. It
// is generous: the machine may be busy; a passing test never waits it out.
const waitLimit = 60 * time.Second

// windowSize is the program window's first size, in which the panel
// must fit.
var windowSize = kit.FirstWindowSize()

// harness runs the panel in a test window against a demo tenant over
// real HTTP, with the real oauth and graph clients. Work the panel hands to
// the UI goroutine is queued and run by the test goroutine, so widgets are
// only ever touched from one goroutine.
type harness struct {
	t      testing.TB
	srv    *demotenant.Server
	info   demotenant.Info
	client *graph.Client
	report graph.Report
	store  *keystore.Store
	win    fyne.Window
	panel  *Panel

	queue chan func()
	added int // times the panel asked to add a connection
	// open is what the panel's opener returns; it defaults to the
	// tenant's working app.
	open func() (*graph.Client, graph.Report, error)

	mu      sync.Mutex
	exports map[string]*bytes.Buffer
}

func newHarness(t testing.TB, opts demotenant.Options) *harness {
	t.Helper()
	app := test.NewTempApp(t)
	srv := demotest.Start(t, opts)
	h := &harness{t: t, srv: srv, info: srv.Info(), queue: make(chan func(), 4096), exports: map[string]*bytes.Buffer{}}
	h.client, h.report = testConnect(t, h.info, h.info.ClientID, h.info.ClientSecret)
	h.open = func() (*graph.Client, graph.Report, error) { return h.client, h.report, nil }

	var err error
	h.store, err = keystore.Open(t.TempDir(), keystore.MemoryKeyring())
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"Northwind", "Spare"} {
		p := keystore.Profile{Name: name, Cloud: "demo", Authority: h.info.Authority, Graph: h.info.Graph,
			Tenant: h.info.TenantID, ClientID: h.info.ClientID, Method: "client_secret"}
		if _, err := h.store.Save(p, keystore.Secrets{ClientSecret: h.info.ClientSecret}); err != nil {
			t.Fatal(err)
		}
	}

	h.win = test.NewTempWindow(t, nil)
	h.panel = New(Config{
		Window:      h.win,
		Connections: h.store,
		Open: func(context.Context, string) (*graph.Client, graph.Report, error) {
			return h.open()
		},
		OnAdd:     func() { h.added++ },
		Clipboard: app.Clipboard(),
		SaveFile:  h.saveFile,
		Do:        h.do,
	})
	h.win.SetContent(h.panel.Content())
	h.win.Resize(fyne.NewSize(1200, 800))
	return h
}

// testConnect builds a Graph client for an app of the tenant and runs
// the connection test, as the program does. A failed test is in the
// report's Err.
func testConnect(t testing.TB, info demotenant.Info, clientID, secret string) (*graph.Client, graph.Report) {
	t.Helper()
	ep, err := oauth.CustomEndpoints(info.Authority, info.Graph)
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	ts := oauth.ClientCredentials{Endpoints: ep, Tenant: info.TenantID, ClientID: clientID, Secret: secret}.TokenSource(ctx)
	cfg := graph.Config{BaseURL: ep.GraphBaseURL(), TokenSource: ts, Clock: testClock}
	client, err := graph.New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	return client, graph.Check(ctx, graph.CheckConfig{Config: cfg, Links: oauth.PortalLinks(ep, clientID)})
}

// openAs makes the panel's connection use another app of the tenant while
// keeping the first app's report: as if permissions were revoked after the
// connection test.
func (h *harness) openAs(appName string) {
	h.t.Helper()
	a := demotest.App(h.t, h.info, appName)
	client, _ := testConnect(h.t, h.info, a.ClientID, a.Secret)
	h.open = func() (*graph.Client, graph.Report, error) { return client, h.report, nil }
}

// do queues f for the test goroutine, standing in for fyne.Do.
func (h *harness) do(f func()) { h.queue <- f }

// saveFile stands in for the save dialog: the export goes to memory.
func (h *harness) saveFile(name string, chosen func(io.WriteCloser, error)) {
	h.mu.Lock()
	buf := &bytes.Buffer{}
	h.exports[name] = buf
	h.mu.Unlock()
	chosen(testFile{name: name, buf: buf, mu: &h.mu}, nil)
}

// testFile is a file the save dialog stands-in chose, in an admin's
// Documents folder.
type testFile struct {
	name string
	buf  *bytes.Buffer
	mu   *sync.Mutex
}

func (f testFile) URI() fyne.URI { return storage.NewFileURI("/home/admin/Documents/" + f.name) }

func (f testFile) Write(p []byte) (int, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.buf.Write(p)
}

func (f testFile) Close() error { return nil }

func (h *harness) export(name string) string {
	h.mu.Lock()
	defer h.mu.Unlock()
	if b := h.exports[name]; b != nil {
		return b.String()
	}
	return ""
}

// waitFor runs queued UI work until cond holds, failing the test after
// waitLimit.
func (h *harness) waitFor(what string, cond func() bool) {
	h.t.Helper()
	deadline := time.NewTimer(waitLimit)
	defer deadline.Stop()
	for {
		for drained := false; !drained; {
			select {
			case f := <-h.queue:
				f()
			default:
				drained = true
			}
		}
		if cond() {
			return
		}
		select {
		case f := <-h.queue:
			f()
		case <-time.After(20 * time.Millisecond):
		case <-deadline.C:
			h.t.Fatalf("gave up waiting for %s", what)
		}
	}
}

// openConnection opens a saved connection and waits for its users.
func (h *harness) openConnection(name string) {
	h.t.Helper()
	if h.report.Err != nil {
		h.t.Fatalf("the connection test failed: %v", h.report.Err)
	}
	h.panel.Open(name)
	h.waitFor("the users list", func() bool {
		return h.panel.session != nil && len(h.panel.users.list.items) > 0
	})
}

// waitText waits until a label's text contains want.
func (h *harness) waitText(what string, text func() string, want string) {
	h.t.Helper()
	h.waitFor(what+" to say "+want, func() bool { return strings.Contains(text(), want) })
}

// searchList runs a search in a list and waits for its first page.
func searchFor[T any](h *harness, l *searchList[T], text string) {
	h.t.Helper()
	l.search.SetText(text)
	l.reload()
	h.waitFor("results for "+text, func() bool { return !l.loading })
}

// pick selects the first row for which match holds, failing if none
// does.
func pick[T any](h *harness, l *searchList[T], match func(T) bool) T {
	h.t.Helper()
	for i, it := range l.items {
		if match(it) {
			l.list.Select(i)
			return it
		}
	}
	h.t.Fatalf("no row of %d matches", len(l.items))
	var zero T
	return zero
}

// selectUser searches for a user by name and opens their details.
func (h *harness) selectUser(name string) graph.User {
	h.t.Helper()
	return h.selectUserWhere(name, func(u graph.User) bool { return u.DisplayName == name })
}

// selectUserWhere searches users and opens the first result that matches.
func (h *harness) selectUserWhere(search string, match func(graph.User) bool) graph.User {
	h.t.Helper()
	searchFor(h, h.panel.users.list, search)
	u := pick(h, h.panel.users.list, match)
	d := h.panel.users.details
	h.waitFor("the groups, licenses and manager of "+u.DisplayName, func() bool {
		return d.groups.Text != "Loading…" && !d.licenses.loading && d.manager.manager.Text != "Loading…"
	})
	return u
}

// selectGroup searches for a group by name and opens it.
func (h *harness) selectGroup(name string) graph.Group {
	h.t.Helper()
	searchFor(h, h.panel.groups.list, name)
	g := pick(h, h.panel.groups.list, func(g graph.Group) bool { return g.DisplayName == name })
	h.waitFor("the members of "+name, func() bool { return !h.panel.groups.details.members.list.loading })
	return g
}

// memberIDs reads a group's direct members back from the tenant.
func (h *harness) memberIDs(groupID string) map[string]bool {
	h.t.Helper()
	members, err := h.client.Members(groupID, false).All(context.Background())
	if err != nil {
		h.t.Fatal(err)
	}
	ids := map[string]bool{}
	for _, m := range members {
		ids[m.ID] = true
	}
	return ids
}

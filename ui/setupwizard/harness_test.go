package setupwizard

import (
	"errors"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/entra-wizard/entra-wizard/connection"
	"github.com/entra-wizard/entra-wizard/demotenant"
	"github.com/entra-wizard/entra-wizard/demotenant/demotest"
	"github.com/entra-wizard/entra-wizard/keystore"
	"github.com/entra-wizard/entra-wizard/ui/kit"
	"github.com/entra-wizard/entra-wizard/ui/setupwizard/flow"
)

// uiQueue stands in for fyne.Do: background work queues its UI
// updates, and the test runs them on its own goroutine, so widgets are
// only ever touched by one goroutine.
type uiQueue struct{ ch chan func() }

func newUIQueue() *uiQueue { return &uiQueue{ch: make(chan func(), 64)} }

func (q *uiQueue) do(f func()) { q.ch <- f }

// until runs queued updates until cond holds, failing the test if it does
// not within a generous bound (a hang, not a speed check).
func (q *uiQueue) until(t *testing.T, what string, cond func() bool) {
	t.Helper()
	limit := time.NewTimer(60 * time.Second)
	defer limit.Stop()
	for !cond() {
		select {
		case f := <-q.ch:
			f()
		case <-limit.C:
			t.Fatalf("gave up waiting for %s", what)
		}
	}
}

// harness is a wizard in a test window, against a running demo
// tenant and a store in a temporary folder.
type harness struct {
	t      *testing.T
	v      *Wizard
	win    fyne.Window
	q      *uiQueue
	tenant *demotenant.Server
	info   demotenant.Info
	store  *keystore.Store
	// configDir holds the settings file; home is where the file dialogs
	// save and open, as the admin's own folder.
	configDir, home string
	browser         *fakeBrowser
	finished        string // the name OnFinish was called with
	// saveAs is the name the save dialog is given, "" for the suggested
	// one; pick is the file the open dialog chooses.
	saveAs, pick string
}

type harnessOptions struct {
	scenario string
	demo     bool // run the wizard in demo mode
	keyring  keystore.Keyring
	browser  *fakeBrowser
	// loginTimeout bounds a browser sign-in; 0 means 30 seconds.
	loginTimeout time.Duration
	// httpClient sends the wizard's requests; nil is the default client.
	httpClient *http.Client
}

func newHarness(t *testing.T, o harnessOptions) *harness {
	t.Helper()
	app := test.NewTempApp(t)
	srv := demotest.Start(t, demotenant.Options{Scenario: o.scenario, AutoSignIn: true})
	if o.keyring == nil {
		o.keyring = keystore.MemoryKeyring()
	}
	configDir := t.TempDir()
	store, err := keystore.Open(configDir, o.keyring)
	if err != nil {
		t.Fatalf("opening the store: %v", err)
	}
	if o.browser == nil {
		o.browser = &fakeBrowser{}
	}
	if o.loginTimeout == 0 {
		o.loginTimeout = 30 * time.Second
	}
	h := &harness{t: t, q: newUIQueue(), tenant: srv, info: srv.Info(), store: store, browser: o.browser,
		configDir: configDir, home: t.TempDir()}
	deps := Deps{
		App: app, Store: store, OpenURL: o.browser.open, Do: h.q.do,
		LoginTimeout: o.loginTimeout, HTTPClient: o.httpClient,
		OnFinish: func(name string) { h.finished = name },
		SaveFile: h.saveFile, OpenFile: h.openFile,
		Focus: func(f fyne.Focusable) {
			if h.win != nil {
				kit.Focus(h.win.Canvas(), f)
			}
		},
	}
	if o.demo {
		deps.Demo = &connection.DemoTenant{Authority: h.info.Authority, Graph: h.info.Graph, TenantDomain: h.info.TenantDomain,
			ClientID: h.info.ClientID, ClientSecret: h.info.ClientSecret, PublicClientID: h.info.PublicClientID,
			UploadCertificate: func(der []byte) error {
				_, err := srv.UploadCertificate(h.info.ClientID, der)
				return err
			}}
	}
	h.v = New(deps)
	h.win = test.NewTempWindow(t, h.v.Content())
	h.win.Resize(windowSize)
	h.win.Canvas().SetOnTypedKey(h.v.OnKey)
	h.v.FocusPage()
	return h
}

// saveFile plays the save dialog: the admin keeps the suggested name, in
// their home folder, unless saveAs names another file there.
func (h *harness) saveFile(suggested string, chosen func(io.WriteCloser, error)) {
	if h.saveAs != "" {
		suggested = h.saveAs
	}
	f, err := os.Create(filepath.Join(h.home, suggested))
	chosen(f, err)
}

// openFile plays the open dialog: the admin picks h.pick.
func (h *harness) openFile(chosen func(io.ReadCloser, error)) {
	f, err := os.Open(h.pick)
	chosen(f, err)
}

// windowSize is the program window's first size, which the markup
// goldens were taken at.
var windowSize = kit.FirstWindowSize()

// secretProfile is a client-secret connection to the demo tenant.
func secretProfile(info demotenant.Info, name string) (keystore.Profile, keystore.Secrets) {
	return keystore.Profile{Name: name, Cloud: keystore.CloudCustom, Authority: info.Authority, Graph: info.Graph,
			Tenant: info.TenantID, ClientID: info.ClientID, Method: keystore.MethodClientSecret},
		keystore.Secrets{ClientSecret: info.ClientSecret}
}

// next taps Next and checks the wizard moved to want.
func (h *harness) next(want flow.Step) {
	h.t.Helper()
	if h.v.wz.Step() == flow.StepWelcome && !h.v.welcome.chosen() {
		h.v.welcome.choice.SetSelected(choiceManual) // the admin registers the app
	}
	test.Tap(h.v.next)
	if got := h.v.wz.Step(); got != want {
		h.t.Fatalf("after Next: step %v, want %v (problems: %q)", got, want, h.v.problems.Text)
	}
}

// walkTo taps Next until the wizard shows step.
func (h *harness) walkTo(step flow.Step) {
	h.t.Helper()
	for h.v.wz.Step() < step {
		h.next(h.v.wz.Step() + 1)
	}
}

// runTest taps the test step's button and waits for the result.
func (h *harness) runTest() {
	h.t.Helper()
	test.Tap(h.v.check.start)
	h.q.until(h.t, "the connection test", func() bool { return !h.v.check.running() })
}

// fakeBrowser is the system browser as the tests see it: it either
// follows the sign-in page like a browser (the demo tenant signs in at
// once and redirects to the program's listener), fails to open, or opens
// and leaves the person staring at it.
type fakeBrowser struct {
	mu     sync.Mutex
	opened []string
	fail   bool   // the browser cannot be opened
	idle   bool   // the page opens but nobody signs in
	hint   string // the account to sign in with; "" is the administrator
	// hang, when set, makes open block until it is closed, like xdg-open
	// running the browser in the foreground or an opener that hung.
	hang chan struct{}
}

func (b *fakeBrowser) open(url string) error {
	b.mu.Lock()
	b.opened = append(b.opened, url)
	fail, idle, hint, hang := b.fail, b.idle, b.hint, b.hang
	b.mu.Unlock()
	if hang != nil {
		<-hang
		return nil
	}
	if hint != "" {
		url += "&login_hint=" + strings.ReplaceAll(hint, "@", "%40")
	}
	if fail {
		return errors.New("xdg-open: no method available for opening " + url)
	}
	if idle || !strings.HasPrefix(url, "http://127.0.0.1:") {
		return nil // portal pages on the internet are only recorded
	}
	go demotest.Visit(url)
	return nil
}

func (b *fakeBrowser) urls() []string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return append([]string(nil), b.opened...)
}

package setupwizard

import (
	"context"
	"crypto/tls"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"

	"fyne.io/fyne/v2/test"

	"github.com/entra-wizard/entra-wizard/ui/setupwizard/flow"
)

// foreignHosts is an https server that stands in for every host on the
// internet (the client dials it whatever the name), recording each request
// it gets: it would gladly take a secret.
type foreignHosts struct {
	srv      *httptest.Server
	mu       sync.Mutex
	requests []string
}

func newForeignHosts(t *testing.T) *foreignHosts {
	f := &foreignHosts{}
	f.srv = httptest.NewTLSServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		f.mu.Lock()
		f.requests = append(f.requests, r.Method+" "+r.Host+r.URL.Path)
		f.mu.Unlock()
		http.Error(w, `{"error":"invalid_client"}`, http.StatusUnauthorized)
	}))
	t.Cleanup(f.srv.Close)
	return f
}

// client reaches the server under any host name.
func (f *foreignHosts) client() *http.Client {
	tr := f.srv.Client().Transport.(*http.Transport).Clone()
	tr.TLSClientConfig = &tls.Config{InsecureSkipVerify: true} //nolint:gosec // a test server standing in for any host
	tr.DialContext = func(ctx context.Context, network, _ string) (net.Conn, error) {
		return (&net.Dialer{}).DialContext(ctx, network, f.srv.Listener.Addr().String())
	}
	return &http.Client{Transport: tr}
}

func (f *foreignHosts) got() []string {
	f.mu.Lock()
	defer f.mu.Unlock()
	return append([]string(nil), f.requests...)
}

func TestWizardCustomHostNeedsExplicitTrust(t *testing.T) {
	foreign := newForeignHosts(t)
	h := newHarness(t, harnessOptions{httpClient: foreign.client()})
	h.next(flow.StepMethod)
	h.v.method.choice.SetSelected(methodSecretLabel)
	h.next(flow.StepCloud)
	h.v.cloud.choice.SetSelected(cloudCustomTitle)
	trust := h.v.cloud.trust
	if trust.box.Visible() {
		t.Error("the warning shows before any address was typed")
	}

	test.Type(h.v.cloud.authority, "https://login.contoso-proxy.example")
	test.Type(h.v.cloud.graph, "https://graph.contoso-proxy.example")
	if !trust.box.Visible() || !strings.Contains(trust.warning.Text, "login.contoso-proxy.example and graph.contoso-proxy.example") ||
		!strings.Contains(trust.warning.Text, "client secret") || trust.check.Checked {
		t.Fatalf("warning %q (shown %t, ticked %t)", trust.warning.Text, trust.box.Visible(), trust.check.Checked)
	}
	test.Tap(h.v.next)
	if h.v.wz.Step() != flow.StepCloud || !strings.Contains(h.v.cloud.cloudErr.Text, "login.contoso-proxy.example") ||
		!strings.Contains(h.v.cloud.cloudErr.Text, "Tick the box") {
		t.Fatalf("Next without trusting: step %v, message %q", h.v.wz.Step(), h.v.cloud.cloudErr.Text)
	}

	test.Tap(trust.check)
	if !strings.Contains(trust.check.Text, "I trust login.contoso-proxy.example") || !h.v.wz.State.CustomHostsTrusted() {
		t.Fatalf("ticking %q did not trust the hosts", trust.check.Text)
	}
	// Another host is another decision.
	test.Type(h.v.cloud.authority, "x")
	if trust.check.Checked || h.v.wz.State.CustomHostsTrusted() {
		t.Fatal("the trust given to one host carried over to another")
	}
	h.v.cloud.authority.SetText("https://login.contoso-proxy.example")
	if trust.check.Checked {
		t.Fatal("trust came back by itself")
	}
	test.Tap(trust.check)

	// A Microsoft sign-in with a stranger's Graph is refused outright.
	h.v.cloud.graph.SetText("https://graph.microsoft.com.evil.example")
	h.v.cloud.authority.SetText("https://login.microsoftonline.com")
	if trust.box.Visible() {
		t.Error("a mixed pair offers to be trusted")
	}
	test.Tap(h.v.next)
	if h.v.wz.Step() != flow.StepCloud || !strings.Contains(h.v.cloud.cloudErr.Text, "different services") {
		t.Fatalf("mixed pair: step %v, message %q", h.v.wz.Step(), h.v.cloud.cloudErr.Text)
	}
	if got := foreign.got(); len(got) > 0 {
		t.Fatalf("requests went out before anything was trusted: %v", got)
	}

	h.v.cloud.authority.SetText("https://login.contoso-proxy.example")
	h.v.cloud.graph.SetText("https://graph.contoso-proxy.example")
	test.Tap(trust.check)
	h.next(flow.StepRegister)
	h.next(flow.StepCredentials)
	test.Type(h.v.credentials.clientID, h.info.ClientID)
	test.Type(h.v.credentials.tenant, h.info.TenantID)
	test.Type(h.v.credentials.secret, h.info.ClientSecret)
	h.next(flow.StepConsent)
	h.next(flow.StepTest)
	h.runTest()
	got := foreign.got()
	if len(got) == 0 || !strings.HasPrefix(got[0], "POST login.contoso-proxy.example/") {
		t.Errorf("the trusted host got %v, want the token request", got)
	}
}

package panel

import (
	"context"
	"slices"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/entra-wizard/entra-wizard/connection"
	"github.com/entra-wizard/entra-wizard/demotenant"
	"github.com/entra-wizard/entra-wizard/demotenant/demotest"
	"github.com/entra-wizard/entra-wizard/graph"
	"github.com/entra-wizard/entra-wizard/keystore"
	"github.com/entra-wizard/entra-wizard/provision"
)

// renewFixture is a panel on a connection made by "Set it up for me" whose
// secret or certificate expires in ten days.
type renewFixture struct {
	srv       *demotenant.Server
	store     *keystore.Store
	app       fyne.App
	p         *Panel
	line      *secretLine
	old       keystore.Profile
	oldSecret keystore.Secrets
	until     func(what string, cond func() bool)
}

const expiringApp = "Expiring app"

// renewOptions vary the fixture: the credential's kind (a secret by
// default), what the panel notifies, and its settings folder.
type renewOptions struct {
	method    string
	notify    func(*fyne.Notification)
	configDir string
}

// newRenewFixture sets the connection up and opens the panel on it. The
// panel's renewals sign in through renewBrowser.
func newRenewFixture(t *testing.T, renewBrowser func(string) error, opts ...renewOptions) *renewFixture {
	t.Helper()
	var o renewOptions
	if len(opts) > 0 {
		o = opts[0]
	}
	if o.method == "" {
		o.method = provision.MethodSecret
	}
	app := test.NewTempApp(t)
	srv := demotest.Start(t, demotenant.Options{AutoSignIn: true})
	info := srv.Info()
	store, err := keystore.Open(t.TempDir(), keystore.MemoryKeyring())
	if err != nil {
		t.Fatal(err)
	}
	save := func(p keystore.Profile, sec keystore.Secrets) error {
		_, err := store.Save(p, sec)
		return err
	}
	demo := &connection.DemoTenant{Authority: info.Authority, Graph: info.Graph}
	ep, err := connection.Resolve(keystore.CloudDemo, "", "", demo)
	if err != nil {
		t.Fatal(err)
	}
	setup := provision.New(provision.Deps{OpenURL: demotest.Browse, Save: save})
	if _, err := setup.Start(context.Background(), provision.Request{Name: "Expiring", Endpoints: ep, Tenant: info.TenantID,
		AppName: expiringApp, Method: o.method, Features: []graph.Feature{graph.ReadUsers}}); err != nil {
		t.Fatalf("setting the connection up: %v", err)
	}
	// Ten days before the secret or certificate expires.
	f := &renewFixture{srv: srv, store: store, app: app}
	f.old, _ = store.Get("Expiring")
	if f.oldSecret, err = store.Secrets("Expiring"); err != nil {
		t.Fatal(err)
	}
	soon := time.Now().Add(10*24*time.Hour - time.Hour)
	if f.old.Certificate != nil {
		f.old.Certificate.Expires = soon
	} else {
		f.old.SecretExpires = &soon
	}
	if _, err := store.Save(f.old, f.oldSecret); err != nil {
		t.Fatal(err)
	}

	engine := &connection.Engine{Store: store, OpenURL: demotest.Browse, Demo: demo}
	queue := make(chan func(), 256)
	f.p = New(Config{
		Window: test.NewTempWindow(t, nil), Connections: store, Do: func(f func()) { queue <- f },
		Clipboard: app.Clipboard(), Notify: o.notify, ConfigDir: o.configDir,
		Open: func(ctx context.Context, name string) (*graph.Client, graph.Report, error) {
			c, err := engine.Open(ctx, name)
			if err != nil {
				return nil, graph.Report{}, err
			}
			return c.Graph, c.Check(ctx), nil
		},
		Renew: func(ctx context.Context, name string, onURL func(string)) (string, error) {
			renewal := provision.New(provision.Deps{OpenURL: renewBrowser, OnURL: onURL, Save: save})
			_, err := renewal.RenewSaved(ctx, store, name, demo, 0)
			return "", err
		},
	})
	t.Cleanup(func() { f.p.Close(); f.p.Wait() })
	f.until = func(what string, cond func() bool) {
		t.Helper()
		limit := time.After(60 * time.Second)
		for !cond() {
			select {
			case fn := <-queue:
				fn()
			case <-limit:
				t.Fatalf("gave up waiting for %s", what)
			}
		}
	}
	f.line = f.p.conn.secret
	f.p.Open("Expiring")
	f.until("the connection to open", func() bool { name, r := f.p.Current(); return name == "Expiring" && r.OK() })
	return f
}

func TestPanelWarnsOfAnExpiringSecretAndRenewsIt(t *testing.T) {
	f := newRenewFixture(t, demotest.Browse)
	p, line := f.p, f.line
	if !line.box.Visible() || !strings.Contains(line.expiry.Text, "expires in 10 days") ||
		line.expiry.Importance != widget.WarningImportance || !line.renew.Visible() {
		t.Fatalf("connection line %q (importance %v, renew shown %t)", line.expiry.Text, line.expiry.Importance, line.renew.Visible())
	}

	test.Tap(line.renew)
	if line.renew.Text != "Cancel renewal" || !strings.Contains(p.conn.status.Text, "sign in as an administrator") {
		t.Errorf("while renewing: button %q, status %q", line.renew.Text, p.conn.status.Text)
	}
	f.until("the renewal", func() bool { return strings.Contains(p.Notice(), "was renewed") })
	f.until("the test with the new secret", func() bool { _, r := p.Current(); return r.OK() && !p.conn.retest.Disabled() })

	renewed, _ := f.store.Get("Expiring")
	newSecret, err := f.store.Secrets("Expiring")
	if err != nil || newSecret.ClientSecret == f.oldSecret.ClientSecret || renewed.SecretKeyID == f.old.SecretKeyID {
		t.Fatalf("the saved secret was not replaced (err %v)", err)
	}
	if apps := f.srv.AppsNamed(expiringApp); len(apps) != 1 || !slices.Equal(apps[0].Secrets, []string{renewed.SecretKeyID}) {
		t.Errorf("secrets in Entra %v; want only the new one %s", apps, renewed.SecretKeyID)
	}
	if line.renew.Text != "Renew secret" {
		t.Errorf("after renewing, the button says %q", line.renew.Text)
	}
	if strings.Contains(line.expiry.Text, "10 days") || line.expiry.Importance == widget.WarningImportance {
		t.Errorf("after renewing, the line says %q (importance %v)", line.expiry.Text, line.expiry.Importance)
	}
}

// An administrator who never signs in (the browser was closed, or opened
// on another screen) can stop the renewal, and nothing changes.
func TestPanelRenewalCanBeCancelledWhileItWaitsForTheSignIn(t *testing.T) {
	opened := make(chan string, 1)
	f := newRenewFixture(t, func(url string) error { opened <- url; return nil })
	p, line := f.p, f.line

	test.Tap(line.renew)
	select {
	case <-opened:
	case <-time.After(30 * time.Second):
		t.Fatal("the renewal never asked the browser to open the sign-in page")
	}
	if line.renew.Text != "Cancel renewal" || !strings.Contains(p.conn.status.Text, "Cancel renewal") {
		t.Fatalf("while waiting for the sign-in: button %q, status %q", line.renew.Text, p.conn.status.Text)
	}
	test.Tap(line.renew)
	f.until("the renewal to stop", func() bool { return line.renew.Text == "Renew secret" })
	if !strings.Contains(p.conn.status.Text, "cancelled") || !strings.Contains(p.conn.status.Text, "unchanged") {
		t.Errorf("after Cancel the status says %q", p.conn.status.Text)
	}
	kept, _ := f.store.Get("Expiring")
	secret, err := f.store.Secrets("Expiring")
	if err != nil || secret.ClientSecret != f.oldSecret.ClientSecret || kept.SecretKeyID != f.old.SecretKeyID {
		t.Fatalf("Cancel changed the saved connection (err %v)", err)
	}
	if apps := f.srv.AppsNamed(expiringApp); len(apps) != 1 || !slices.Equal(apps[0].Secrets, []string{f.old.SecretKeyID}) {
		t.Errorf("secrets in Entra %v; want only the old one %s", apps, f.old.SecretKeyID)
	}

	// It can be started again.
	test.Tap(line.renew)
	if line.renew.Text != "Cancel renewal" {
		t.Errorf("a second renewal did not start: the button says %q", line.renew.Text)
	}
	<-opened
	test.Tap(line.renew)
	f.until("the second renewal to stop", func() bool { return line.renew.Text == "Renew secret" })
}

func TestSecretExpiryWarnsFromThirtyDays(t *testing.T) {
	now := time.Date(2026, 11, 26, 12, 0, 0, 0, time.UTC)
	cases := []struct {
		in         time.Duration
		want       string
		importance widget.Importance
	}{
		{31 * 24 * time.Hour, "expires in 31 days", widget.MediumImportance},
		{30 * 24 * time.Hour, "expires in 30 days", widget.WarningImportance},
		{2 * time.Hour, "expires in 1 day", widget.WarningImportance},
		{-time.Hour, "expired on", widget.DangerImportance},
	}
	for _, c := range cases {
		if got := expiryText(credential{"client secret", "secret", now.Add(c.in)}, now); !strings.Contains(got, c.want) || expiryImportance(now.Add(c.in), now) != c.importance {
			t.Errorf("%v before expiry: %q (importance %v), want %q", c.in, got, expiryImportance(now.Add(c.in), now), c.want)
		}
	}
}

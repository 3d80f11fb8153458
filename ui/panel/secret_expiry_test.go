package panel

import (
	"context"
	"io"
	"net/http"
	"slices"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/entra-wizard/entra-wizard/appsetup"
	"github.com/entra-wizard/entra-wizard/connection"
	"github.com/entra-wizard/entra-wizard/demotenant"
	"github.com/entra-wizard/entra-wizard/graph"
	"github.com/entra-wizard/entra-wizard/keystore"
)

// signInBrowser plays the browser for the demo tenant, which signs the
// administrator in at once and redirects to the program's listener.
func signInBrowser(url string) error {
	go func() {
		resp, err := http.Get(url)
		if err == nil {
			_, _ = io.Copy(io.Discard, resp.Body)
			_ = resp.Body.Close()
		}
	}()
	return nil
}

func TestPanelWarnsOfAnExpiringSecretAndRenewsIt(t *testing.T) {
	test.NewTempApp(t)
	srv, err := demotenant.Start(demotenant.Options{AutoSignIn: true})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = srv.Close() })
	info := srv.Info()
	store, err := keystore.Open(t.TempDir(), keystore.MemoryKeyring())
	if err != nil {
		t.Fatal(err)
	}
	demo := &connection.DemoTenant{Authority: info.Authority, Graph: info.Graph}
	setup := appsetup.New(appsetup.Deps{OpenURL: signInBrowser, Save: func(p keystore.Profile, sec keystore.Secrets) error {
		_, err := store.Save(p, sec)
		return err
	}})
	ep, err := connection.Resolve(keystore.CloudDemo, "", "", demo)
	if err != nil {
		t.Fatal(err)
	}
	const appName = "Expiring app"
	if _, err := setup.Start(context.Background(), appsetup.Request{Name: "Expiring", Endpoints: ep, Tenant: info.TenantID,
		AppName: appName, Features: []graph.Feature{graph.ReadUsers}}); err != nil {
		t.Fatalf("setting the connection up: %v", err)
	}
	// Ten days before the secret expires.
	old, _ := store.Get("Expiring")
	oldSecret, err := store.Secrets("Expiring")
	if err != nil {
		t.Fatal(err)
	}
	soon := time.Now().Add(10*24*time.Hour - time.Hour)
	old.SecretExpires = &soon
	if _, err := store.Save(old, oldSecret); err != nil {
		t.Fatal(err)
	}

	engine := &connection.Engine{Store: store, OpenURL: signInBrowser, Demo: demo}
	queue := make(chan func(), 256)
	p := New(Config{
		Window: test.NewTempWindow(t, nil), Connections: store, Do: func(f func()) { queue <- f },
		Open: func(ctx context.Context, name string) (*graph.Client, graph.Report, error) {
			c, err := engine.Open(ctx, name)
			if err != nil {
				return nil, graph.Report{}, err
			}
			return c.Graph, c.Check(ctx), nil
		},
		Renew: func(ctx context.Context, name string) (string, error) {
			_, err := setup.RenewSaved(ctx, store, name, demo)
			return "", err
		},
	})
	t.Cleanup(func() { p.Close(); p.Wait() })
	until := func(what string, cond func() bool) {
		t.Helper()
		limit := time.After(60 * time.Second)
		for !cond() {
			select {
			case f := <-queue:
				f()
			case <-limit:
				t.Fatalf("gave up waiting for %s", what)
			}
		}
	}
	line := p.conn.secret
	p.Open("Expiring")
	until("the connection to open", func() bool { name, r := p.Current(); return name == "Expiring" && r.OK() })
	if !line.box.Visible() || !strings.Contains(line.expiry.Text, "expires in 10 days") ||
		line.expiry.Importance != widget.WarningImportance || !line.renew.Visible() {
		t.Fatalf("connection line %q (importance %v, renew shown %t)", line.expiry.Text, line.expiry.Importance, line.renew.Visible())
	}

	test.Tap(line.renew)
	if !line.renew.Disabled() || !strings.Contains(p.conn.status.Text, "sign in as an administrator") {
		t.Errorf("while renewing: button enabled %t, status %q", !line.renew.Disabled(), p.conn.status.Text)
	}
	until("the renewal", func() bool { return strings.Contains(p.Notice(), "was renewed") })
	until("the test with the new secret", func() bool { _, r := p.Current(); return r.OK() && !p.conn.retest.Disabled() })

	renewed, _ := store.Get("Expiring")
	newSecret, err := store.Secrets("Expiring")
	if err != nil || newSecret.ClientSecret == oldSecret.ClientSecret || renewed.SecretKeyID == old.SecretKeyID {
		t.Fatalf("the saved secret was not replaced (err %v)", err)
	}
	if apps := srv.AppsNamed(appName); len(apps) != 1 || !slices.Equal(apps[0].Secrets, []string{renewed.SecretKeyID}) {
		t.Errorf("secrets in Entra %v; want only the new one %s", apps, renewed.SecretKeyID)
	}
	if strings.Contains(line.expiry.Text, "10 days") || line.expiry.Importance == widget.WarningImportance {
		t.Errorf("after renewing, the line says %q (importance %v)", line.expiry.Text, line.expiry.Importance)
	}
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
		if got := expiryText(now.Add(c.in), now); !strings.Contains(got, c.want) || expiryImportance(now.Add(c.in), now) != c.importance {
			t.Errorf("%v before expiry: %q (importance %v), want %q", c.in, got, expiryImportance(now.Add(c.in), now), c.want)
		}
	}
}

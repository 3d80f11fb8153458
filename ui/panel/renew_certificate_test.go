package panel

import (
	"errors"
	"slices"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/entra-wizard/entra-wizard/demotenant/demotest"
	"github.com/entra-wizard/entra-wizard/provision"
)

// noBrowser is a computer where no browser opens.
func noBrowser(string) error { return errors.New("no browser is installed") }

// TestPanelRenewsACertificateWithoutASignIn: a certificate connection's
// line warns as a secret's does and its button renews the certificate
// with no browser at all.
func TestPanelRenewsACertificateWithoutASignIn(t *testing.T) {
	f := newRenewFixture(t, func(string) error {
		t.Error("renewing a certificate opened a sign-in page")
		return nil
	}, renewOptions{method: provision.MethodCertificate})
	p, line := f.p, f.line
	if !line.box.Visible() || !strings.Contains(line.expiry.Text, "The certificate expires in 10 days") ||
		line.expiry.Importance != widget.WarningImportance || line.renew.Text != "Renew certificate" {
		t.Fatalf("connection line %q (importance %v), button %q", line.expiry.Text, line.expiry.Importance, line.renew.Text)
	}
	test.Tap(line.renew)
	if !strings.Contains(p.conn.status.Text, "no sign-in is needed") {
		t.Errorf("while renewing the status says %q", p.conn.status.Text)
	}
	f.until("the renewal", func() bool { return strings.Contains(p.Notice(), "certificate of \"Expiring\" was renewed") })
	f.until("the test with the new certificate", func() bool { _, r := p.Current(); return r.OK() && !p.conn.retest.Disabled() })
	renewed, _ := f.store.Get("Expiring")
	if keys := f.srv.AppsNamed(expiringApp)[0].Keys; renewed.Certificate.KeyID == f.old.Certificate.KeyID ||
		!slices.Equal(keys, []string{renewed.Certificate.KeyID}) {
		t.Errorf("certificates in Entra %v, saved %s, old %s", keys, renewed.Certificate.KeyID, f.old.Certificate.KeyID)
	}
	if line.renew.Text != "Renew certificate" || strings.Contains(line.expiry.Text, "10 days") {
		t.Errorf("after renewing: button %q, line %q", line.renew.Text, line.expiry.Text)
	}
}

// TestPanelShowsTheSignInLinkWhenNoBrowserOpens: renewing a secret on a
// computer where no browser opens shows the sign-in address to copy, as
// the wizard does, and opening it by hand finishes the renewal.
func TestPanelShowsTheSignInLinkWhenNoBrowserOpens(t *testing.T) {
	f := newRenewFixture(t, noBrowser)
	p, line := f.p, f.line
	if line.signInRow.Visible() {
		t.Fatal("a sign-in link is shown before any renewal")
	}
	test.Tap(line.renew)
	f.until("the sign-in link", func() bool { return line.signInRow.Visible() })
	link := line.signIn.Text
	if !strings.Contains(link, "/oauth2/v2.0/authorize?") || !strings.Contains(p.conn.status.Text, "copy the address below") {
		t.Fatalf("link %q, status %q", link, p.conn.status.Text)
	}
	test.Tap(line.copySignIn)
	if got := f.app.Clipboard().Content(); got != link {
		t.Errorf("Copy put %q on the clipboard, want the link", got)
	}
	if err := demotest.Browse(link); err != nil { // the admin opens it by hand
		t.Fatal(err)
	}
	f.until("the renewal", func() bool { return strings.Contains(p.Notice(), "was renewed") })
	if line.signInRow.Visible() {
		t.Error("the sign-in link stays after the renewal")
	}
	if renewed, _ := f.store.Get("Expiring"); renewed.SecretKeyID == f.old.SecretKeyID {
		t.Error("the secret was not renewed")
	}
}

// TestPanelNotifiesOfAnExpiringCertificateOnceADay: from 30 days before
// expiry the desktop is notified, once a day per connection, also after
// the program starts again that day.
func TestPanelNotifiesOfAnExpiringCertificateOnceADay(t *testing.T) {
	dir := t.TempDir()
	var sent []*fyne.Notification
	notify := func(n *fyne.Notification) {
		sent = append(sent, n)
		fyne.CurrentApp().SendNotification(n)
	}
	f := newRenewFixture(t, noBrowser, renewOptions{method: provision.MethodCertificate, notify: notify, configDir: dir})
	if len(sent) != 1 || sent[0].Title != `Renew the certificate of "Expiring"` ||
		!strings.Contains(sent[0].Content, "The certificate expires in 10 days") || !strings.Contains(sent[0].Content, "Renew certificate") {
		t.Fatalf("notifications %+v", sent)
	}
	tomorrow := time.Now().Add(24 * time.Hour)
	want := fyne.NewNotification(sent[0].Title, strings.Replace(sent[0].Content, "10 days", "9 days", 1))
	test.AssertNotificationSent(t, want, func() { f.p.notifyExpiring(tomorrow) })
	if len(sent) != 2 {
		t.Errorf("the next day: %d notifications, want 2", len(sent))
	}
	// The same day again, and after a restart: nothing more.
	f.p.Open("Expiring")
	f.until("the connection to open again", func() bool { _, r := f.p.Current(); return r.OK() && !f.p.conn.retest.Disabled() })
	again := New(Config{Connections: f.store, Notify: notify, ConfigDir: dir})
	again.notifyExpiring(tomorrow)
	if len(sent) != 2 {
		t.Errorf("%d notifications after reopening and restarting, want 2", len(sent))
	}
	// Forty days ahead is not yet worth a notification.
	far := f.old
	far.Certificate.Expires = time.Now().AddDate(0, 0, 40)
	if _, err := f.store.Save(far, f.oldSecret); err != nil {
		t.Fatal(err)
	}
	again.notifyExpiring(tomorrow.Add(24 * time.Hour))
	if len(sent) != 2 {
		t.Errorf("a certificate valid for 40 more days was notified: %+v", sent[len(sent)-1])
	}
}

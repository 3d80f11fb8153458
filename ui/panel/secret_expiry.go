package panel

import (
	"context"
	"fmt"
	"math"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/entra-wizard/entra-wizard/keystore"
)

// SecretRenewer replaces the client secret or certificate of the saved
// connection called name, as "entra-wizard renew" does: for a secret the
// admin signs in in the browser, a new secret is added, tested and saved,
// then the old one is removed; a certificate renews itself with no
// sign-in. onURL hears the sign-in page's address, from any goroutine, so
// the panel can show it to open by hand when no browser opens. note says
// what the admin should still know (an old secret or certificate that
// could not be removed); err says why nothing changed. It is called from
// a background goroutine.
type SecretRenewer func(ctx context.Context, name string, onURL func(url string)) (note string, err error)

// secretWarnDays is how long before a secret or certificate expires the
// line warns and the desktop is notified.
const secretWarnDays = 30

// credential is what a saved connection signs in with, when it expires,
// as this program recorded it when it was created or renewed here.
type credential struct {
	// kind is "client secret" or "certificate"; short is "secret" or
	// "certificate", as the button names it.
	kind, short string
	expires     time.Time
}

// credentialOf finds p's client secret or certificate and its expiry; ok
// is false for a browser connection or one whose expiry is not known.
func credentialOf(p keystore.Profile) (c credential, ok bool) {
	switch {
	case p.Method == keystore.MethodClientSecret && p.SecretExpires != nil:
		return credential{"client secret", "secret", *p.SecretExpires}, true
	case p.Method == keystore.MethodCertificate && p.Certificate != nil && !p.Certificate.Expires.IsZero():
		return credential{"certificate", "certificate", p.Certificate.Expires}, true
	}
	return credential{}, false
}

// secretLine says when the open connection's client secret or certificate
// expires and offers to renew it.
type secretLine struct {
	b      *connectionBar
	expiry *widget.Label
	renew  *widget.Button
	// signIn is the renewal's sign-in address, to open by hand when no
	// browser opened; hidden unless a renewal waits for a sign-in.
	signIn     *widget.Label
	copySignIn *widget.Button
	signInRow  *fyne.Container
	box        *fyne.Container
	// cred is the credential shown; cancel stops the renewal under way,
	// nil when none is.
	cred   credential
	cancel context.CancelFunc
}

func newSecretLine(b *connectionBar) *secretLine {
	l := &secretLine{b: b, expiry: widget.NewLabel(""), signIn: widget.NewLabel("")}
	l.expiry.Wrapping = fyne.TextWrapWord
	l.renew = widget.NewButtonWithIcon("Renew secret", theme.ViewRefreshIcon(), l.onRenew)
	l.signIn.Wrapping, l.signIn.Selectable = fyne.TextWrapBreak, true
	l.signIn.TextStyle = fyne.TextStyle{Monospace: true}
	l.copySignIn = widget.NewButtonWithIcon("Copy", theme.ContentCopyIcon(), func() {
		if c := b.p.cfg.Clipboard; c != nil {
			c.SetContent(l.signIn.Text)
		}
	})
	l.signInRow = container.NewBorder(nil, nil, nil, l.copySignIn, l.signIn)
	l.signInRow.Hide()
	l.box = container.NewVBox(container.NewBorder(nil, nil, nil, l.renew, l.expiry), l.signInRow)
	l.box.Hide()
	return l
}

// show fills the line for the connection called name; it hides for a
// connection without a client secret or certificate of known expiry.
func (l *secretLine) show(name string) {
	p, ok := l.b.profile(name)
	var cred credential
	if ok {
		cred, ok = credentialOf(p)
	}
	if !ok {
		l.box.Hide()
		return
	}
	l.cred = cred
	now := time.Now()
	l.expiry.SetText(expiryText(cred, now))
	l.expiry.Importance = expiryImportance(cred.expires, now)
	l.expiry.Refresh()
	if l.cancel == nil {
		l.idleButton()
	}
	if l.b.p.cfg.Renew == nil {
		l.renew.Hide()
	} else {
		l.renew.Show()
	}
	l.box.Show()
}

// idleButton names the renewal of the credential shown.
func (l *secretLine) idleButton() {
	l.renew.SetText("Renew " + l.cred.short)
	l.renew.SetIcon(theme.ViewRefreshIcon())
}

// daysLeft counts whole days until expires, rounding up, so a secret that
// expires tomorrow afternoon has 2 days left today.
func daysLeft(expires, now time.Time) int {
	return int(math.Ceil(expires.Sub(now).Hours() / 24))
}

func expiryText(c credential, now time.Time) string {
	date := c.expires.Local().Format("2 January 2006")
	switch n := daysLeft(c.expires, now); {
	case n <= 0:
		return fmt.Sprintf("The %s expired on %s: renew it to use this connection again.", c.kind, date)
	case n == 1:
		return fmt.Sprintf("The %s expires in 1 day (%s): renew it now.", c.kind, date)
	case n <= secretWarnDays:
		return fmt.Sprintf("The %s expires in %d days (%s): renew it soon.", c.kind, n, date)
	default:
		return fmt.Sprintf("The %s expires in %d days (%s).", c.kind, n, date)
	}
}

func expiryImportance(expires, now time.Time) widget.Importance {
	switch n := daysLeft(expires, now); {
	case n <= 0:
		return widget.DangerImportance
	case n <= secretWarnDays:
		return widget.WarningImportance
	}
	return widget.MediumImportance
}

// renewingText says what happens while the renewal runs: a secret waits
// for the admin's sign-in, a certificate needs none.
func renewingText(c credential, name string) string {
	if c.short == "certificate" {
		return fmt.Sprintf("Renewing the certificate of %q: no sign-in is needed. Press Cancel renewal to stop.", name)
	}
	return fmt.Sprintf("Renewing the secret of %q: sign in as an administrator in the browser window that opens, "+
		"or press Cancel renewal to stop.", name)
}

// showSignIn shows the renewal's sign-in address while it waits for it.
func (l *secretLine) showSignIn(url string) {
	if l.cancel == nil {
		return // the renewal ended meanwhile
	}
	l.signIn.SetText(url)
	if l.b.p.cfg.Clipboard == nil {
		l.copySignIn.Hide() // the address can still be selected
	}
	l.signInRow.Show()
	l.b.status.SetText(fmt.Sprintf("Renewing the %s of %q: sign in as an administrator in the browser window that opens. "+
		"If none opens, copy the address below into a browser. Press Cancel renewal to stop.", l.cred.short, l.b.current))
}

// onRenew renews the secret or certificate in the background; on success
// it tests the connection again with the new one. While it runs, the
// button cancels it: the admin may close the browser or never sign in.
func (l *secretLine) onRenew() {
	if l.cancel != nil {
		l.cancel()
		return
	}
	name := l.b.current
	if name == "" || l.b.p.cfg.Renew == nil {
		return
	}
	ctx, cancel := context.WithCancel(context.Background())
	l.cancel = cancel
	cred := l.cred
	l.renew.SetText("Cancel renewal")
	l.renew.SetIcon(theme.CancelIcon())
	l.b.status.SetText(renewingText(cred, name))
	renew, do := l.b.p.cfg.Renew, l.b.p.cfg.Do
	l.b.p.working.Add(1)
	go func() {
		defer l.b.p.working.Done()
		note, err := renew(ctx, name, func(url string) { do(func() { l.showSignIn(url) }) })
		do(func() {
			cancelled := ctx.Err() != nil
			cancel()
			l.cancel = nil
			l.signInRow.Hide()
			l.idleButton()
			unchanged := fmt.Sprintf(" The saved connection is unchanged and keeps its current %s.", cred.short)
			if err != nil && cancelled {
				l.b.status.SetText(fmt.Sprintf("Renewal of the %s of %q cancelled.", cred.short, name) + unchanged)
				return
			}
			if err != nil {
				l.b.status.SetText(errorText(fmt.Sprintf("renew the %s of %q", cred.short, name), err) + unchanged)
				return
			}
			l.b.p.ShowNotice(strings.TrimSpace(fmt.Sprintf("The %s of %q was renewed. %s", cred.short, name, note)))
			if name == l.b.current {
				l.b.open(name) // test it with the new one
			}
		})
	}()
}

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

// SecretRenewer replaces the client secret of the saved connection called
// name, as "entra-wizard renew-secret" does: the admin signs in in the
// browser, a new secret is added, tested and saved, then the old one is
// removed. note says what the admin should still know (an old secret that
// could not be removed); err says why nothing changed. It is called from a
// background goroutine.
type SecretRenewer func(ctx context.Context, name string) (note string, err error)

// secretWarnDays is how long before a secret expires the line warns.
const secretWarnDays = 30

// secretLine says when the open connection's client secret expires, as
// recorded when it was created or renewed here, and offers to renew it.
type secretLine struct {
	b      *connectionBar
	expiry *widget.Label
	renew  *widget.Button
	box    *fyne.Container
	// cancel stops the renewal under way; nil when none is.
	cancel context.CancelFunc
}

func newSecretLine(b *connectionBar) *secretLine {
	l := &secretLine{b: b, expiry: widget.NewLabel("")}
	l.expiry.Wrapping = fyne.TextWrapWord
	l.renew = widget.NewButtonWithIcon("Renew secret", theme.ViewRefreshIcon(), l.onRenew)
	l.box = container.NewBorder(nil, nil, nil, l.renew, l.expiry)
	l.box.Hide()
	return l
}

// show fills the line for the connection called name; it hides for a
// connection without a client secret or a recorded expiry.
func (l *secretLine) show(name string) {
	p, ok := l.profile(name)
	if !ok || p.Method != keystore.MethodClientSecret || p.SecretExpires == nil {
		l.box.Hide()
		return
	}
	l.expiry.SetText(expiryText(*p.SecretExpires, time.Now()))
	l.expiry.Importance = expiryImportance(*p.SecretExpires, time.Now())
	l.expiry.Refresh()
	if l.b.p.cfg.Renew == nil {
		l.renew.Hide()
	} else {
		l.renew.Show()
	}
	l.box.Show()
}

func (l *secretLine) profile(name string) (keystore.Profile, bool) {
	if l.b.p.cfg.Connections == nil {
		return keystore.Profile{}, false
	}
	profiles, err := l.b.p.cfg.Connections.List()
	if err != nil {
		return keystore.Profile{}, false
	}
	for _, p := range profiles {
		if p.Name == name {
			return p, true
		}
	}
	return keystore.Profile{}, false
}

// daysLeft counts whole days until expires, rounding up, so a secret that
// expires tomorrow afternoon has 2 days left today.
func daysLeft(expires, now time.Time) int {
	return int(math.Ceil(expires.Sub(now).Hours() / 24))
}

func expiryText(expires, now time.Time) string {
	date := expires.Local().Format("2 January 2006")
	switch n := daysLeft(expires, now); {
	case n <= 0:
		return fmt.Sprintf("The client secret expired on %s: renew it to use this connection again.", date)
	case n == 1:
		return fmt.Sprintf("The client secret expires in 1 day (%s): renew it now.", date)
	case n <= secretWarnDays:
		return fmt.Sprintf("The client secret expires in %d days (%s): renew it soon.", n, date)
	default:
		return fmt.Sprintf("The client secret expires in %d days (%s).", n, date)
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

// onRenew renews the secret in the background; on success it tests the
// connection again with the new secret. While it runs, the button cancels
// it: the admin may close the browser or never sign in.
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
	l.renew.SetText("Cancel renewal")
	l.renew.SetIcon(theme.CancelIcon())
	l.b.status.SetText(fmt.Sprintf("Renewing the secret of %q: sign in as an administrator in the browser window that opens, "+
		"or press Cancel renewal to stop.", name))
	renew := l.b.p.cfg.Renew
	l.b.p.working.Add(1)
	go func() {
		defer l.b.p.working.Done()
		note, err := renew(ctx, name)
		l.b.p.cfg.Do(func() {
			cancelled := ctx.Err() != nil
			cancel()
			l.cancel = nil
			l.renew.SetText("Renew secret")
			l.renew.SetIcon(theme.ViewRefreshIcon())
			if err != nil && cancelled {
				l.b.status.SetText(fmt.Sprintf("Renewal of the secret of %q cancelled. The saved connection is unchanged and keeps its current secret.", name))
				return
			}
			if err != nil {
				l.b.status.SetText(errorText(fmt.Sprintf("renew the secret of %q", name), err) +
					" The saved connection is unchanged and keeps its current secret.")
				return
			}
			l.b.p.ShowNotice(strings.TrimSpace(fmt.Sprintf("The secret of %q was renewed. %s", name, note)))
			if name == l.b.current {
				l.b.open(name) // test it with the new secret
			}
		})
	}()
}

package ldap

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"github.com/entra-wizard/entra-wizard/ldapconn/slapdtest"
)

func TestPanelRecoversFromALostConnectionAndOffersRetryWhenTheServerIsDown(t *testing.T) {
	h := newHarness(t)
	savedConnection(t, h, "Managed domain")
	p := NewPanel(h.deps, "Managed domain", nil, nil)
	defer p.Close()
	test.NewTempWindow(t, p.View())
	h.waitFor(t, "users and groups", func() bool { return len(p.users.items) > 0 && len(p.groups.items) > 0 })

	// A restart closes the connection; the next search opens another.
	h.srv.Restart(t)
	test.Type(p.users.query, "meg")
	p.users.query.OnSubmitted(p.users.query.Text)
	h.waitFor(t, "the search after the restart", func() bool { return len(p.users.items) == 1 })
	if p.retry.Visible() || !strings.Contains(p.header.Text, "read-only") {
		t.Fatalf("after the restart: header %q, status %q, Retry shown %t", p.header.Text, p.status.Text, p.retry.Visible())
	}

	// With the server down, connecting again fails and says why.
	h.srv.Stop()
	p.users.query.OnSubmitted(p.users.query.Text)
	h.waitFor(t, "the failure", func() bool { return p.retry.Visible() })
	for _, want := range []string{"connection to the server was lost", "refused the connection"} {
		if !strings.Contains(p.status.Text, want) {
			t.Errorf("status %q lacks %q", p.status.Text, want)
		}
	}
	if !strings.Contains(p.header.Text, "connection lost") {
		t.Errorf("header %q", p.header.Text)
	}

	// Once it is back, Retry lists users and groups again.
	h.srv.Restart(t)
	p.users.items, p.groups.items = nil, nil
	test.Tap(p.retry)
	h.waitFor(t, "users and groups after Retry", func() bool { return len(p.users.items) == 1 && len(p.groups.items) == slapdtest.Groups })
	if p.retry.Visible() || !strings.Contains(p.header.Text, "read-only") || strings.Contains(p.status.Text, "lost") {
		t.Errorf("after Retry: header %q, status %q, Retry shown %t", p.header.Text, p.status.Text, p.retry.Visible())
	}
}

func TestPanelOffersRetryWhenTheFirstConnectionFails(t *testing.T) {
	h := newHarness(t)
	savedConnection(t, h, "Managed domain")
	h.srv.Stop()
	p := NewPanel(h.deps, "Managed domain", nil, nil)
	defer p.Close()
	test.NewTempWindow(t, p.View())
	h.waitFor(t, "the refusal", func() bool { return strings.Contains(p.header.Text, "not connected") })
	if !p.retry.Visible() || !strings.Contains(p.status.Text, "refused the connection") {
		t.Fatalf("status %q, Retry shown %t", p.status.Text, p.retry.Visible())
	}
	h.srv.Restart(t)
	test.Tap(p.retry)
	h.waitFor(t, "users after Retry", func() bool { return len(p.users.items) == slapdtest.Users })
}

package ui

import (
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/entra-wizard/entra-wizard/keystore"
	"github.com/entra-wizard/entra-wizard/ldapconn"
	"github.com/entra-wizard/entra-wizard/ldapconn/slapdtest"
	"github.com/entra-wizard/entra-wizard/ui/kit"
)

// walk visits every object shown under o, the way a person sees the
// window, including the pages inside tabs and scrolled content.
func walk(o fyne.CanvasObject, visit func(fyne.CanvasObject)) {
	if o == nil {
		return
	}
	visit(o)
	switch c := o.(type) {
	case *fyne.Container:
		for _, child := range c.Objects {
			walk(child, visit)
		}
	case *container.Scroll:
		walk(c.Content, visit)
	case *container.Split:
		walk(c.Leading, visit)
		walk(c.Trailing, visit)
	case *container.AppTabs:
		for _, it := range c.Items {
			walk(it.Content, visit)
		}
	case *widget.Form:
		for _, it := range c.Items {
			walk(it.Widget, visit)
		}
	case *widget.Accordion:
		for _, it := range c.Items {
			walk(it.Detail, visit)
		}
	}
}

// button is a widget.Button or a kit.Button.
type button interface {
	fyne.Tappable
	Disabled() bool
}

func findButton(t *testing.T, root fyne.CanvasObject, text string) button {
	t.Helper()
	var found button
	walk(root, func(o fyne.CanvasObject) {
		if found != nil {
			return
		}
		switch b := o.(type) {
		case *widget.Button:
			if b.Text == text {
				found = b
			}
		case *kit.Button:
			if b.Text == text {
				found = b
			}
		}
	})
	if found == nil {
		t.Fatalf("no %q button on the page", text)
	}
	return found
}

func findEntry(t *testing.T, root fyne.CanvasObject, placeholder string) *widget.Entry {
	t.Helper()
	var found *widget.Entry
	walk(root, func(o fyne.CanvasObject) {
		if e, ok := o.(*widget.Entry); ok && e.PlaceHolder == placeholder && found == nil {
			found = e
		}
	})
	if found == nil {
		t.Fatalf("no field with the placeholder %q", placeholder)
	}
	return found
}

func pageText(root fyne.CanvasObject) string {
	var b strings.Builder
	walk(root, func(o fyne.CanvasObject) {
		if l, ok := o.(*widget.Label); ok {
			b.WriteString(l.Text + "\n")
		}
	})
	return b.String()
}

func TestWizardChoosesLDAPTrustsTheCertificateSavesAndOpensTheLDAPView(t *testing.T) {
	srv := slapdtest.Start(t)
	store, err := keystore.Open(filepath.Join(t.TempDir(), "config"), keystore.MemoryKeyring())
	if err != nil {
		t.Fatal(err)
	}
	q := newQueue()
	u := newUI(test.NewTempApp(t), Deps{Store: store,
		LDAP: ldapconn.Config{Resolver: slapdtest.Resolver{}, Timeout: 10 * time.Second}}, q.do)
	content := func() fyne.CanvasObject { return u.win.Content() }

	chooseFirst(content(), "I'll register the app myself")
	test.Tap(findButton(t, content(), "Start")) // past the welcome page
	var radio *kit.Radio
	walk(content(), func(o fyne.CanvasObject) {
		if r, ok := o.(*kit.Radio); ok {
			radio = r
		}
	})
	if radio == nil || !strings.Contains(strings.Join(radio.Options, "|"), "LDAP (Entra Domain Services)") {
		t.Fatalf("the method choice lacks LDAP: %v", radio)
	}
	radio.SetSelected("LDAP (Entra Domain Services)")
	test.Tap(findButton(t, content(), "Next"))
	if u.ldapSetup == nil {
		t.Fatal("Next with LDAP chosen did not open the secure LDAP page")
	}

	page := content()
	test.Type(findEntry(t, page, "for example: Contoso directory"), "Managed domain")
	test.Type(findEntry(t, page, "for example: ldaps.aaddscontoso.com"), slapdtest.ServerName)
	findEntry(t, page, "636").SetText(strconv.Itoa(srv.Port))
	test.Type(findEntry(t, page, "for example: admin@aaddscontoso.com"), slapdtest.BindDN)
	var password *widget.Entry
	walk(page, func(o fyne.CanvasObject) {
		if e, ok := o.(*widget.Entry); ok && e.Password {
			password = e
		}
	})
	test.Type(password, slapdtest.BindPassword)

	testButton := findButton(t, page, "Test connection")
	test.Tap(testButton)
	q.until(t, "the first test", func() bool { return !testButton.Disabled() })
	fp := ldapconn.Fingerprint(srv.CertificateDER())
	if text := pageText(page); !strings.Contains(text, fp) || !strings.Contains(text, "not from an authority this computer trusts") {
		t.Fatalf("the page does not show the untrusted certificate:\n%s", text)
	}
	test.Tap(findButton(t, page, "Trust this certificate"))
	q.until(t, "the test after trusting", func() bool { return !testButton.Disabled() })
	save := findButton(t, page, "Save connection")
	if save.Disabled() {
		t.Fatalf("the trusted test did not pass:\n%s", pageText(page))
	}
	test.Tap(save)

	if u.ldapPanel == nil || u.ldapSetup != nil {
		t.Fatal("saving did not open the secure LDAP view")
	}
	p, err := store.Get("Managed domain")
	if err != nil || p.Method != keystore.MethodLDAP || p.LDAP.Fingerprint != fp {
		t.Fatalf("saved %+v, %v", p, err)
	}
	q.until(t, "the users and groups", func() bool {
		text := pageText(content())
		return strings.Contains(text, "5 users") && strings.Contains(text, "3 groups")
	})
	if text := pageText(content()); !strings.Contains(text, "(read-only)") {
		t.Errorf("the LDAP view shows:\n%s", text)
	}

	// The app starts on the LDAP view from now on.
	again := newUI(test.NewTempApp(t), Deps{Store: store, LDAP: ldapconn.Config{Resolver: slapdtest.Resolver{}}}, q.do)
	if again.ldapPanel == nil {
		t.Error("a saved LDAP connection does not open its own view at start")
	}
	again.closeContent()
	u.closeContent()
}

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
	"github.com/entra-wizard/entra-wizard/ui/kit/kittest"
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
		e, ok := o.(*widget.Entry)
		if k, isKit := o.(*kit.Entry); isKit {
			e, ok = &k.Entry, true
		}
		if ok && e.PlaceHolder == placeholder && found == nil {
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

// openLDAPSetup walks a new wizard to the secure LDAP setup page.
func openLDAPSetup(t *testing.T, u *UI) fyne.CanvasObject {
	t.Helper()
	content := u.win.Content()
	chooseFirst(content, "I'll register the app myself")
	test.Tap(findButton(t, content, "Start"))
	walk(u.win.Content(), func(o fyne.CanvasObject) {
		if r, ok := o.(*kit.Radio); ok {
			r.SetSelected("LDAP (Entra Domain Services)")
		}
	})
	test.Tap(findButton(t, u.win.Content(), "Next"))
	if u.ldapSetup == nil {
		t.Fatal("Next with LDAP chosen did not open the secure LDAP page")
	}
	return u.win.Content()
}

// newLDAPUI is the window with a store of the test's own.
func newLDAPUI(t *testing.T) (*UI, *keystore.Store) {
	t.Helper()
	store, err := keystore.Open(filepath.Join(t.TempDir(), "config"), keystore.MemoryKeyring())
	if err != nil {
		t.Fatal(err)
	}
	u := newUI(test.NewTempApp(t), Deps{Store: store}, newQueue().do)
	t.Cleanup(u.closeContent)
	return u, store
}

// TestLDAPSetupHasAFieldForTheManagedDomain: the domain typed in its own
// field names the server and the bind account's example.
func TestLDAPSetupHasAFieldForTheManagedDomain(t *testing.T) {
	u, _ := newLDAPUI(t)
	page := openLDAPSetup(t, u)
	test.Type(findEntry(t, page, "for example: aaddscontoso.com"), "corp.fabrikam.com")
	if got := findEntry(t, page, "for example: ldaps.aaddscontoso.com").Text; got != "ldaps.corp.fabrikam.com" {
		t.Errorf("the server field follows the domain as %q", got)
	}
	findEntry(t, page, "for example: admin@corp.fabrikam.com")
}

// TestLDAPSetupCountsTheGuideSteps: the page says which of the guide's
// steps shows, and Next step moves on.
func TestLDAPSetupCountsTheGuideSteps(t *testing.T) {
	u, _ := newLDAPUI(t)
	page := openLDAPSetup(t, u)
	if text := pageText(page); !strings.Contains(text, "Step 1 of 6") {
		t.Fatalf("no step counter on the page:\n%s", text)
	}
	test.Tap(findButton(t, page, "Next step"))
	if text := pageText(page); !strings.Contains(text, "Step 2 of 6") {
		t.Errorf("Next step does not move the counter:\n%s", text)
	}
}

// TestLDAPSetupCancelAndEscapeGoBackWithoutSaving: Cancel, and Escape in a
// field, go back to the wizard's first page and save nothing.
func TestLDAPSetupCancelAndEscapeGoBackWithoutSaving(t *testing.T) {
	u, store := newLDAPUI(t)
	page := openLDAPSetup(t, u)
	test.Tap(findButton(t, page, "Cancel"))
	if u.ldapSetup != nil || u.wizard == nil {
		t.Fatal("Cancel did not go back to the wizard")
	}
	findButton(t, u.win.Content(), "Start") // its first page

	page = openLDAPSetup(t, u)
	name := findEntry(t, page, "for example: Contoso directory")
	test.Type(name, "Not saved")
	test.Type(findEntry(t, page, "for example: aaddscontoso.com"), "fabrikam.com")
	var field fyne.Focusable = name
	walk(page, func(o fyne.CanvasObject) {
		if e, ok := o.(*kit.Entry); ok && &e.Entry == name {
			field = e
		}
	})
	u.win.Canvas().Focus(field)
	kittest.PressKey(u.win.Canvas(), fyne.KeyEscape)
	if u.ldapSetup != nil || u.wizard == nil {
		t.Fatal("Escape in a field did not go back to the wizard")
	}
	if list, err := store.List(); err != nil || len(list) != 0 {
		t.Errorf("leaving saved %v, %v", list, err)
	}

	// Coming back, what was typed is there again.
	page = openLDAPSetup(t, u)
	if got := findEntry(t, page, "for example: Contoso directory").Text; got != "Not saved" {
		t.Errorf("the name came back as %q", got)
	}
	server := findEntry(t, page, "for example: ldaps.aaddscontoso.com")
	if server.Text != "ldaps.fabrikam.com" {
		t.Errorf("the server came back as %q", server.Text)
	}
	// The server still follows the domain: it was not typed by the admin.
	findEntry(t, page, "for example: aaddscontoso.com").SetText("contoso.com")
	if server.Text != "ldaps.contoso.com" {
		t.Errorf("after coming back the server no longer follows the domain: %q", server.Text)
	}
}

package ui

import (
	"net/http"
	"path/filepath"

	"fyne.io/fyne/v2"

	"github.com/entra-wizard/entra-wizard/assets"
	"github.com/entra-wizard/entra-wizard/connection"
	"github.com/entra-wizard/entra-wizard/keystore"
	"github.com/entra-wizard/entra-wizard/ldapconn"
	"github.com/entra-wizard/entra-wizard/ui/kit"
	"github.com/entra-wizard/entra-wizard/ui/ldap"
	"github.com/entra-wizard/entra-wizard/ui/panel"
	"github.com/entra-wizard/entra-wizard/ui/setupwizard"
)

const appTitle = "Entra Setup Wizard"

// Deps are the program's real dependencies, built by main.
type Deps struct {
	// Store holds the saved connections; nil if it could not be opened,
	// with StoreErr saying why.
	Store    *keystore.Store
	StoreErr error
	// Demo is the running demo tenant with --demo; nil otherwise.
	Demo *connection.DemoTenant
	// OpenURL opens a page in the system browser.
	OpenURL    func(string) error
	HTTPClient *http.Client
	// LDAP is how secure LDAP connections reach their servers; the zero
	// value uses the system's resolver and trusted authorities.
	LDAP ldapconn.Config
}

// UI is the program's window: the setup wizard, or the management panel
// once a connection is saved.
type UI struct {
	app  fyne.App
	deps Deps
	win  fyne.Window

	wizard *setupwizard.Wizard // the wizard on screen; nil while the panel shows
	// cancelWizard is how the last wizard shown leaves without saving; nil
	// when there was nowhere to go back to.
	cancelWizard func()
	panel        *panel.Panel
	// ldapSetup and ldapPanel are the secure LDAP pages, when shown.
	ldapSetup *ldap.Setup
	ldapPanel *ldap.Panel
	// ldapDraft is what was typed on the secure LDAP setup page when it
	// was left without saving.
	ldapDraft *ldap.Draft
	about     *kit.Dialog // the About box, once opened
	// do runs UI updates from background work: fyne.Do, or a queue the
	// tests drain.
	do func(func())
}

// New builds the window. It starts on the management panel when
// connections are saved, and on the wizard otherwise (always on the wizard
// with the demo tenant, which is there to be tried).
func New(app fyne.App, deps Deps) *UI { return newUI(app, deps, fyne.Do) }

func newUI(app fyne.App, deps Deps, do func(func())) *UI {
	u := &UI{app: app, deps: deps, do: do}
	app.Settings().SetTheme(kit.Theme()) // a focus that shows on every button
	u.win = app.NewWindow(appTitle)
	u.win.SetIcon(assets.WindowIcon)
	u.win.Resize(kit.FirstWindowSize())
	u.win.SetMaster()
	u.win.SetMainMenu(u.mainMenu())
	u.win.Canvas().SetOnTypedKey(u.onKey)
	u.win.SetOnClosed(u.closeContent)
	if first := u.firstConnection(); first != "" && deps.Demo == nil {
		u.showPanel(first)
	} else {
		u.showWizard(nil)
	}
	return u
}

// ShowAndRun shows the window and runs the app until it is closed.
func (u *UI) ShowAndRun() { u.win.ShowAndRun() }

// Quit stops the window's work and ends the app; run it on the main loop
// (through fyne.Do), as on a termination signal. It leaves the window open
// for the app to destroy as it ends instead of closing it first: Fyne (2.7)
// goes on handling the events of a closed window until the next frame, and
// a pointer event then reaches a window that has no native window left and
// crashes the program.
func (u *UI) Quit() {
	u.closeContent()
	u.app.Driver().Quit()
}

// Window is the program's window.
func (u *UI) Window() fyne.Window { return u.win }

// firstConnection names the first saved connection, or "" if there is
// none or they cannot be read.
func (u *UI) firstConnection() string {
	if u.deps.Store == nil {
		return ""
	}
	profiles, err := u.deps.Store.List()
	if err != nil || len(profiles) == 0 {
		return ""
	}
	return profiles[0].Name
}

// showWizard replaces the window's content with a new wizard. onCancel
// leaves it without saving; nil when there is nowhere to go back to.
func (u *UI) showWizard(onCancel func()) {
	u.closeContent()
	u.cancelWizard = onCancel
	deps := setupwizard.Deps{
		App: u.app, Demo: u.deps.Demo, StoreErr: u.deps.StoreErr,
		OpenURL: u.deps.OpenURL, HTTPClient: u.deps.HTTPClient, OnFinish: u.showPanel, Do: u.do,
		OnLDAP: u.showLDAPSetup, OnCancel: onCancel, Focus: func(f fyne.Focusable) { kit.Focus(u.win.Canvas(), f) },
		SaveFile: ldap.SaveDialog(u.win), OpenFile: openDialog(u.win),
	}
	if u.deps.Store != nil {
		deps.Store = u.deps.Store
	}
	u.wizard = setupwizard.New(deps)
	u.win.SetContent(u.wizard.Content())
	u.wizard.FocusPage()
}

// showPanel replaces the window's content with the management panel and
// opens the named connection.
func (u *UI) showPanel(name string) {
	if u.isLDAP(name) {
		u.showLDAPPanel(name)
		return
	}
	u.closeContent()
	cfg := panel.Config{
		Window: u.win,
		Open:   openConnection(u.engine(), func(name string) { u.do(func() { u.showPanel(name) }) }),
		OnAdd:  u.addConnection,
		Do:     u.do,
	}
	if u.deps.Store != nil {
		cfg.Connections = u.deps.Store
		cfg.Renew = u.renew
		cfg.ConfigDir = filepath.Dir(u.deps.Store.SettingsFile())
	}
	if u.app != nil {
		cfg.Clipboard, cfg.Notify = u.app.Clipboard(), u.app.SendNotification
	}
	u.panel = panel.New(cfg)
	u.win.SetContent(u.panel.Content())
	u.panel.Open(name)
}

// addConnection opens the wizard from the panel; Cancel comes back to the
// connection the panel showed.
func (u *UI) addConnection() {
	back := ""
	if u.panel != nil {
		back, _ = u.panel.Current()
	}
	u.addConnectionFrom(back)
}

// addConnectionFrom opens the wizard with a Cancel that goes back to the
// connection called back (the first saved one if that is "").
func (u *UI) addConnectionFrom(back string) {
	u.showWizard(func() {
		if back == "" {
			back = u.firstConnection()
		}
		u.showPanel(back)
	})
}

// closeContent stops the work of what the window shows now.
func (u *UI) closeContent() {
	if u.panel != nil {
		u.panel.Close()
		u.panel = nil
	}
	if u.wizard != nil {
		u.wizard.Close()
		u.wizard = nil
	}
	u.closeLDAP()
}

// onKey sends Enter and Escape to the wizard, or the secure LDAP setup
// page, when no field has the keyboard.
func (u *UI) onKey(ev *fyne.KeyEvent) {
	switch {
	case u.wizard != nil:
		u.wizard.OnKey(ev)
	case u.ldapSetup != nil:
		u.ldapSetup.OnKey(ev)
	}
}

package ui

import "github.com/entra-wizard/entra-wizard/ui/ldap"

// ldapDeps are what the secure LDAP pages need from the window.
func (u *UI) ldapDeps() ldap.Deps {
	d := ldap.Deps{Engine: u.engine(), OpenURL: u.deps.OpenURL, Do: u.do, SaveFile: ldap.SaveDialog(u.win)}
	if u.deps.Store != nil {
		d.Store = u.deps.Store
	}
	if u.app != nil {
		d.Clipboard = u.app.Clipboard()
	}
	return d
}

// showLDAPSetup replaces the window's content with the secure LDAP setup
// page; Back returns to a new wizard, which can still be cancelled if the
// one it replaces could. What was typed there before in this run is filled
// in again. Cancel (or Escape) leaves as the wizard's Cancel would, or to
// the wizard's first page when there is nowhere else to go.
func (u *UI) showLDAPSetup() {
	u.closeContent()
	cancel := u.cancelWizard
	u.ldapSetup = ldap.NewSetup(u.ldapDeps(), func() { u.showWizard(cancel) }, func(name string) {
		u.showPanel(name)
		u.ldapDraft = nil // saved: a new setup starts empty
	})
	if u.ldapDraft != nil {
		u.ldapSetup.Restore(*u.ldapDraft)
	}
	u.ldapSetup.SetOnCancel(func() {
		if cancel != nil {
			cancel()
			return
		}
		u.showWizard(nil)
	})
	u.win.SetContent(u.ldapSetup.View())
}

// showLDAPPanel replaces the window's content with the read-only view of
// the secure LDAP connection called name.
func (u *UI) showLDAPPanel(name string) {
	u.closeContent()
	u.ldapPanel = ldap.NewPanel(u.ldapDeps(), name, u.showPanel, func() { u.addConnectionFrom(name) })
	u.win.SetContent(u.ldapPanel.View())
}

// isLDAP reports whether the saved connection called name is secure LDAP.
func (u *UI) isLDAP(name string) bool {
	if u.deps.Store == nil {
		return false
	}
	p, err := u.deps.Store.Get(name)
	return err == nil && p.IsLDAP()
}

func (u *UI) closeLDAP() {
	if u.ldapSetup != nil {
		d := u.ldapSetup.Draft()
		u.ldapDraft = &d
		u.ldapSetup.Close()
		u.ldapSetup = nil
	}
	if u.ldapPanel != nil {
		u.ldapPanel.Close()
		u.ldapPanel = nil
	}
}

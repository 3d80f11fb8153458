package ldap

import (
	"context"
	"fmt"

	"fyne.io/fyne/v2"

	"github.com/entra-wizard/entra-wizard/connection"
	"github.com/entra-wizard/entra-wizard/ldapconn"
)

// onTest runs the checklist in the background with the typed values.
func (s *Setup) onTest() {
	st, err := s.settings()
	if err != nil {
		s.problem.SetText(err.Error())
		return
	}
	s.problem.SetText("")
	s.saved.SetText("")
	s.save.Disable()
	s.trust.Hide()
	s.test.Disable()
	s.checklist.running()
	if s.cancel != nil {
		s.cancel()
	}
	ctx, cancel := context.WithCancel(context.Background())
	s.cancel = cancel
	key, password := s.key(), s.password.Text
	go func() {
		rep := s.deps.engine().TestLDAP(ctx, st, password)
		s.deps.do(func() { s.showReport(rep, key) })
	}()
}

// showReport puts a finished test on the page.
func (s *Setup) showReport(rep ldapconn.Report, key string) {
	s.test.Enable()
	s.checklist.show(rep)
	s.showChecklist()
	s.offered = nil
	if rep.OK() {
		if key == s.key() {
			s.passedFor = key
			s.save.Enable()
		}
		return
	}
	if rep.Err.CanTrust() {
		s.offered = rep.Err.Certificate
		s.trust.Show()
	}
}

// onTrust pins the certificate the last test showed and tests again.
func (s *Setup) onTrust() {
	if s.offered == nil {
		return
	}
	s.pinned = s.offered.Fingerprint
	s.trusted.SetText("Trusted certificate (SHA-256): " + s.pinned + ". It is saved with the connection; " +
		"a different certificate will be refused.")
	s.trusted.Show()
	s.trust.Hide()
	s.onTest()
}

// onSave saves the tested connection: settings and the trusted fingerprint
// in the settings file, the password in the keychain.
func (s *Setup) onSave() {
	if s.passedFor == "" || s.passedFor != s.key() {
		s.problem.SetText("Test the connection with these values first.")
		s.save.Disable()
		return
	}
	if s.deps.Store == nil {
		s.problem.SetText("The saved connections could not be opened, so nothing can be saved.")
		return
	}
	st, err := s.settings()
	if err != nil {
		s.problem.SetText(err.Error())
		return
	}
	saved, err := s.deps.Store.Save(connection.LDAPProfile(s.name.Text, st), keystoreSecrets(s.password.Text))
	if err != nil {
		s.problem.SetText("Not saved: " + err.Error())
		return
	}
	s.saved.SetText(fmt.Sprintf("Saved %q: settings in %s; password in %s.", s.name.Text, saved.SettingsFile, saved.Keychain))
	if s.onSaved != nil {
		s.onSaved(s.name.Text)
	}
}

// showChecklist scrolls the page so the checklist's top shows: below the
// fields it is out of sight on a laptop's screen, and Test would seem to
// do nothing.
func (s *Setup) showChecklist() {
	s.root.Refresh()
	app := fyne.CurrentApp()
	if app == nil || s.scroll.Content == nil {
		return
	}
	d := app.Driver()
	top := d.AbsolutePositionForObject(s.checklist.box).Y - d.AbsolutePositionForObject(s.scroll.Content).Y
	if top < s.scroll.Offset.Y || top > s.scroll.Offset.Y+s.scroll.Size().Height/2 {
		s.scroll.ScrollToOffset(fyne.NewPos(0, top))
	}
}

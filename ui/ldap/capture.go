//go:build screenshots

package ldap

import (
	"errors"
	"strconv"
	"time"

	"fyne.io/fyne/v2"
)

// CaptureValues are what CaptureSetup types into the fields.
type CaptureValues struct {
	Name, Server, Bind, Password string
	Port                         int
}

// CaptureSetup walks the setup page for the documentation's pictures: the
// guide, a test that meets an untrusted certificate, the test after
// trusting it; then it saves. shot takes a picture of the window. It runs
// off the UI goroutine and touches widgets only through fyne.DoAndWait.
func (s *Setup) CaptureSetup(v CaptureValues, shot func(name string) error) error {
	fyne.DoAndWait(func() {
		s.name.SetText(v.Name)
		s.server.SetText(v.Server)
		s.port.SetText(strconv.Itoa(v.Port))
		s.bind.SetText(v.Bind)
		s.password.SetText(v.Password)
		s.guide.show(3)
	})
	if err := settle(shot, "ldap-01-guide"); err != nil {
		return err
	}
	for _, step := range []string{"ldap-02-untrusted", "ldap-03-trusted"} {
		fyne.DoAndWait(func() {
			if step == "ldap-02-untrusted" {
				s.onTest()
			} else {
				s.onTrust()
			}
		})
		if !waitUntil(func() bool { return !s.test.Disabled() }) {
			return errors.New("the connection test did not finish")
		}
		fyne.DoAndWait(func() { s.scroll.ScrollToBottom() })
		if err := settle(shot, step); err != nil {
			return err
		}
	}
	var saved bool
	fyne.DoAndWait(func() { s.onSave(); saved = s.saved.Text != "" })
	if !saved {
		return errors.New("the tested connection was not saved: " + s.problem.Text)
	}
	return nil
}

// CapturePanel pictures the panel's users, then the Sales group and its
// members.
func (p *Panel) CapturePanel(group string, shot func(name string) error) error {
	if !waitUntil(func() bool { return len(p.users.items) > 0 && len(p.groups.items) > 0 }) {
		return errors.New("the panel did not list users and groups: " + p.status.Text)
	}
	if err := settle(shot, "ldap-04-users"); err != nil {
		return err
	}
	fyne.DoAndWait(func() {
		p.tabs.SelectIndex(1)
		for i, g := range p.groups.items {
			if g.DisplayName == group {
				p.groups.list.Select(i)
			}
		}
	})
	if !waitUntil(func() bool { return len(p.members) > 0 }) {
		return errors.New("the group's members did not load")
	}
	return settle(shot, "ldap-05-members")
}

// settle lets the window draw, then takes the picture.
func settle(shot func(string) error, name string) error {
	time.Sleep(700 * time.Millisecond)
	return shot(name)
}

// waitUntil polls cond on the UI goroutine for up to 30 seconds.
func waitUntil(cond func() bool) bool {
	for range 300 {
		var ok bool
		fyne.DoAndWait(func() { ok = cond() })
		if ok {
			return true
		}
		time.Sleep(100 * time.Millisecond)
	}
	return false
}

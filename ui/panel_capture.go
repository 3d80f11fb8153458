package ui

import (
	"errors"
	"fmt"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
)

// Who and what the panel's screenshots show in the demo tenant.
const (
	panelCaptureUser      = "Megan Bowen"
	panelCaptureGroup     = "Engineering" // has direct members and nested groups
	panelCaptureBulkGroup = "Finance"
	panelCaptureBulkUsers = 3
)

// CapturePanel opens the management panel from the wizard's last step and
// calls shoot once each view is painted: the users list with one user's
// details ("panel-01-users"), the same details scrolled down to the user's
// groups and licenses ("panel-02-licenses"), the groups view with a
// group's members ("panel-03-groups") and a bulk change of group members
// ("panel-04-bulk"). It is for the documentation's screenshots: call it
// from a goroutine after CaptureWizard returned. It changes the demo
// tenant (the bulk change adds users to a group).
func (u *UI) CapturePanel(shoot func(name string) error) error {
	var p *panel
	fyne.DoAndWait(func() {
		if u.wizard != nil {
			u.wizard.onNext()
		}
		p = u.panel
	})
	if p == nil {
		return errors.New("capture: the wizard did not open the management panel")
	}

	if err := panelCaptureWait("the users list", func() bool { return p.session != nil && panelCaptureListed(p.users.list) }); err != nil {
		return err
	}
	if err := panelCaptureShow(p.users.list, panelCaptureUser); err != nil {
		return err
	}
	details := p.users.details
	if err := panelCaptureWait("the user's groups and licenses", func() bool {
		return details.groups.Text != "Loading…" && !details.licenses.loading
	}); err != nil {
		return err
	}
	if err := panelCaptureShoot(shoot, "panel-01-users"); err != nil {
		return err
	}
	if scroll, ok := details.body.(*container.Scroll); ok {
		fyne.DoAndWait(scroll.ScrollToBottom)
		if err := panelCaptureShoot(shoot, "panel-02-licenses"); err != nil {
			return err
		}
		fyne.DoAndWait(scroll.ScrollToTop)
	}

	fyne.DoAndWait(func() { p.tabs.SelectIndex(1) })
	if err := panelCaptureWait("the groups list", func() bool { return panelCaptureListed(p.groups.list) }); err != nil {
		return err
	}
	if err := panelCaptureShow(p.groups.list, panelCaptureGroup); err != nil {
		return err
	}
	if err := panelCaptureWait("the group's members", func() bool { return panelCaptureListed(p.groups.details.members.list) }); err != nil {
		return err
	}
	if err := panelCaptureShoot(shoot, "panel-03-groups"); err != nil {
		return err
	}

	return panelCaptureBulk(p, shoot)
}

// panelCaptureBulk checks a few users, adds them to a group and shoots the
// dialog's report.
func panelCaptureBulk(p *panel, shoot func(name string) error) error {
	users := p.users
	var bulk *panelBulk
	fyne.DoAndWait(func() {
		p.tabs.SelectIndex(0)
		for _, it := range users.list.items[:min(panelCaptureBulkUsers, len(users.list.items))] {
			users.list.setChecked(it, true)
		}
		users.list.list.Refresh()
		users.onBulk(true)
		bulk = users.bulk
	})
	if err := panelCaptureWait("the bulk change's groups", func() bool { return panelCaptureListed(bulk.groups) }); err != nil {
		return err
	}
	if err := panelCaptureShow(bulk.groups, panelCaptureBulkGroup); err != nil {
		return err
	}
	fyne.DoAndWait(bulk.onStart)
	if err := panelCaptureWait("the bulk change", func() bool { return bulk.finished }); err != nil {
		return err
	}
	return panelCaptureShoot(shoot, "panel-04-bulk")
}

// panelCaptureListed says whether a list has loaded its first rows.
func panelCaptureListed[T any](l *panelSearchList[T]) bool {
	return l.pager != nil && !l.loading && len(l.items) > 0
}

// panelCaptureShow selects the row of the item called name (a row reads
// "name · more"), or the first row if there is none.
func panelCaptureShow[T any](l *panelSearchList[T], name string) error {
	var err error
	fyne.DoAndWait(func() {
		if len(l.items) == 0 {
			err = fmt.Errorf("capture: no %s listed", l.noun)
			return
		}
		row := 0
		for i, it := range l.items {
			if strings.HasPrefix(l.label(it), name+" · ") {
				row = i
				break
			}
		}
		l.list.Select(row)
	})
	return err
}

// panelCaptureWait polls cond on the UI goroutine until it holds.
func panelCaptureWait(what string, cond func() bool) error {
	for range 600 {
		var ok bool
		fyne.DoAndWait(func() { ok = cond() })
		if ok {
			return nil
		}
		time.Sleep(100 * time.Millisecond)
	}
	return fmt.Errorf("capture: %s did not load within a minute", what)
}

// panelCaptureShoot lets the window paint, then calls shoot.
func panelCaptureShoot(shoot func(name string) error, name string) error {
	time.Sleep(capturePaintDelay)
	return shoot(name)
}

//go:build screenshots

package panel

import (
	"fmt"
	"strings"
	"time"

	"fyne.io/fyne/v2"
)

// Who and what the panel's screenshots show in the demo tenant.
const (
	captureUser      = "Megan Bowen"
	captureGroup     = "Engineering" // has direct members and nested groups
	captureBulkGroup = "Finance"
	captureBulkUsers = 3
)

// Capture calls shoot once each view is painted: the users list with one user's
// details ("panel-01-users"), the same details scrolled down to the user's
// groups and licenses ("panel-02-licenses"), the groups view with a
// group's members ("panel-03-groups") and a bulk change of group members
// ("panel-04-bulk"). It is for the documentation's screenshots: call it
// from a goroutine after the wizard's capture returned. It changes the demo
// tenant (the bulk change adds users to a group).
func (p *Panel) Capture(shoot func(name string) error) error {
	if err := captureWait("the users list", func() bool { return p.session != nil && captureListed(p.users.list) }); err != nil {
		return err
	}
	if err := captureShow(p.users.list, captureUser); err != nil {
		return err
	}
	details := p.users.details
	if err := captureWait("the user's groups and licenses", func() bool {
		return details.groups.Text != "Loading…" && !details.licenses.loading
	}); err != nil {
		return err
	}
	if err := captureShoot(shoot, "panel-01-users"); err != nil {
		return err
	}
	fyne.DoAndWait(details.body.ScrollToBottom)
	if err := captureShoot(shoot, "panel-02-licenses"); err != nil {
		return err
	}
	fyne.DoAndWait(details.body.ScrollToTop)

	fyne.DoAndWait(func() { p.tabs.SelectIndex(1) })
	if err := captureWait("the groups list", func() bool { return captureListed(p.groups.list) }); err != nil {
		return err
	}
	if err := captureShow(p.groups.list, captureGroup); err != nil {
		return err
	}
	if err := captureWait("the group's members", func() bool { return captureListed(p.groups.details.members.list) }); err != nil {
		return err
	}
	if err := captureShoot(shoot, "panel-03-groups"); err != nil {
		return err
	}

	return captureBulk(p, shoot)
}

// captureBulk checks a few users, adds them to a group and shoots the
// dialog's report.
func captureBulk(p *Panel, shoot func(name string) error) error {
	users := p.users
	var bulk *bulkRun
	fyne.DoAndWait(func() {
		p.tabs.SelectIndex(0)
		for _, it := range users.list.items[:min(captureBulkUsers, len(users.list.items))] {
			users.list.setChecked(it, true)
		}
		users.list.list.Refresh()
		users.onBulk(true)
		bulk = users.bulk
	})
	if err := captureWait("the bulk change's groups", func() bool { return captureListed(bulk.groups) }); err != nil {
		return err
	}
	if err := captureShow(bulk.groups, captureBulkGroup); err != nil {
		return err
	}
	fyne.DoAndWait(bulk.onStart)
	if err := captureWait("the bulk change", func() bool { return bulk.finished }); err != nil {
		return err
	}
	return captureShoot(shoot, "panel-04-bulk")
}

// captureListed says whether a list has loaded its first rows.
func captureListed[T any](l *searchList[T]) bool {
	return l.pager != nil && !l.loading && len(l.items) > 0
}

// captureShow selects the row of the item called name (a row reads
// "name · more"), or the first row if there is none.
func captureShow[T any](l *searchList[T], name string) error {
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

// captureWait polls cond on the UI goroutine until it holds.
func captureWait(what string, cond func() bool) error {
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

// captureShoot lets the window paint, then calls shoot.
func captureShoot(shoot func(name string) error, name string) error {
	time.Sleep(capturePaintDelay)
	return shoot(name)
}

// capturePaintDelay gives the window time to paint a new view.
const capturePaintDelay = 500 * time.Millisecond

package panel

import (
	"context"
	"errors"
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/entra-wizard/entra-wizard/graph"
	"github.com/entra-wizard/entra-wizard/ui/kit"
)

// shownReports is the most direct reports the details list by name; the
// rest are counted.
const shownReports = 10

// managerView is the Manager line and the Direct reports list of the
// shown user: Change… picks another manager, Clear removes the manager,
// and a report's name opens that user.
type managerView struct {
	d       *userDetails
	manager *widget.Label
	change  *featureGate
	clear   *featureGate
	reports *fyne.Container
	// loads numbers the reads of the shown user's manager and reports; an
	// answer for an older one is dropped.
	loads  int
	picker *userPicker // the last Change… dialog
	// current is the shown user's manager; its ID is "" for none.
	current graph.User
}

func newManagerView(d *userDetails) *managerView {
	m := &managerView{d: d, manager: wrappedLabel(""), reports: container.NewVBox()}
	m.change = newFeatureGate("Change…", theme.AccountIcon(), graph.Managers, m.onChange)
	m.clear = newFeatureGate("Clear", theme.ContentClearIcon(), graph.Managers, m.onClear)
	return m
}

// view is the Manager and Direct reports sections.
func (m *managerView) view() fyne.CanvasObject {
	return container.NewVBox(
		widget.NewLabelWithStyle("Manager", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		m.manager,
		container.NewGridWithColumns(2, m.change.button, m.clear.button),
		permissionNotes(m.change),
		widget.NewLabelWithStyle("Direct reports", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		m.reports,
	)
}

// start applies a newly opened connection's permissions.
func (m *managerView) start(s *session) {
	m.change.apply(s.report)
	m.clear.apply(s.report)
}

// load reads the shown user's manager and direct reports in the
// background.
func (m *managerView) load() {
	m.loads++
	d, loads, s, u := m.d, m.loads, m.d.s, m.d.user
	m.current = graph.User{}
	m.manager.SetText("Loading…")
	m.change.setReady(false)
	m.clear.setReady(false)
	m.reports.RemoveAll()
	var manager graph.User
	var reports []graph.User
	var reportsErr error
	d.p.background(s, func(ctx context.Context) error {
		var err error
		manager, err = s.client.Manager(ctx, u.ID)
		reports, reportsErr = s.client.DirectReports(ctx, u.ID)
		return err
	}, func(err error) {
		if loads != m.loads {
			return
		}
		m.showManager(manager, err)
		m.showReports(reports, reportsErr)
	})
}

// showManager shows the manager read, or why there is none.
func (m *managerView) showManager(manager graph.User, err error) {
	switch {
	case errors.Is(err, graph.ErrNoManager):
		m.manager.SetText("No manager.")
	case err != nil:
		m.manager.SetText(errorText("read the manager", err))
	default:
		m.current = manager
		m.manager.SetText(personName(manager))
	}
	m.change.setReady(err == nil || errors.Is(err, graph.ErrNoManager))
	m.clear.setReady(err == nil)
}

// showReports lists the direct reports by name (a user name would widen
// the pane), each a button that opens them.
func (m *managerView) showReports(reports []graph.User, err error) {
	m.reports.RemoveAll()
	switch {
	case err != nil:
		m.reports.Add(wrappedLabel(errorText("list the direct reports", err)))
	case len(reports) == 0:
		m.reports.Add(widget.NewLabel("No direct reports."))
	}
	for i, r := range reports {
		if i == shownReports {
			m.reports.Add(widget.NewLabel(fmt.Sprintf("and %d more", len(reports)-shownReports)))
			break
		}
		b := kit.NewButtonWithIcon(r.DisplayName, theme.AccountIcon(), func() { m.d.open(r) })
		b.Alignment = widget.ButtonAlignLeading
		b.Importance = widget.LowImportance
		m.reports.Add(b)
	}
	// The pane lays itself out again, or the new rows would have no room.
	m.d.content.Refresh()
	m.d.body.Refresh()
}

// personName is a person's name with their user name, or their mail for
// a contact.
func personName(u graph.User) string {
	switch {
	case u.UserPrincipalName != "":
		return u.DisplayName + " (" + u.UserPrincipalName + ")"
	case u.Mail != "":
		return u.DisplayName + " (" + u.Mail + ")"
	}
	return u.DisplayName
}

// onChange picks the new manager in the user picker and sets them.
func (m *managerView) onChange() {
	u := m.d.user
	m.picker = newOneUserPicker(m.d.p, m.d.s, "Choose the manager of "+u.DisplayName, "Make manager", u.ID, func(manager graph.User) {
		m.set(u, manager)
	})
	m.picker.dialog.Show()
}

// set makes manager the manager of u.
func (m *managerView) set(u, manager graph.User) {
	d, s := m.d, m.d.s
	m.change.setReady(false)
	setStatus(d.status, "Making "+manager.DisplayName+" the manager of "+u.DisplayName+"…")
	d.p.background(s, func(ctx context.Context) error {
		return s.client.SetManager(ctx, u.ID, manager.ID)
	}, func(err error) {
		if err != nil {
			d.say(u, errorText("make "+manager.DisplayName+" the manager of "+u.DisplayName, err))
		} else {
			d.say(u, manager.DisplayName+" is now the manager of "+u.DisplayName+".")
		}
		m.reloadFor(u)
	})
}

// onClear removes the shown user's manager.
func (m *managerView) onClear() {
	d, s, u, manager := m.d, m.d.s, m.d.user, m.current
	m.clear.setReady(false)
	setStatus(d.status, "Clearing the manager of "+u.DisplayName+"…")
	d.p.background(s, func(ctx context.Context) error {
		return s.client.ClearManager(ctx, u.ID)
	}, func(err error) {
		if err != nil {
			d.say(u, errorText("clear the manager of "+u.DisplayName, err))
		} else {
			d.say(u, u.DisplayName+" no longer has a manager ("+manager.DisplayName+" was).")
		}
		m.reloadFor(u)
	})
}

// reloadFor reads the manager again after a change to u, while u is still
// shown.
func (m *managerView) reloadFor(u graph.User) {
	if m.d.body.Visible() && m.d.user.ID == u.ID {
		m.load()
	}
}

package ui

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/entra-wizard/entra-wizard/graph"
)

// panelPageSize is how many rows a list asks Graph for at a time.
const panelPageSize = 200

// panelUsersTab lists and searches the tenant's users, with the selected
// user's details beside the list and bulk group changes for checked users.
type panelUsersTab struct {
	p *panel
	s *panelSession

	list            *panelSearchList[graph.User]
	create          *panelGate
	addToGroup      *panelGate
	removeFromGroup *panelGate
	export          *widget.Button
	checkedCount    *widget.Label
	details         *panelUserDetails

	createForm *panelUserForm // the last create dialog
	bulk       *panelBulk     // the last bulk change
	root       fyne.CanvasObject
}

func newPanelUsersTab(p *panel) *panelUsersTab {
	t := &panelUsersTab{p: p, checkedCount: widget.NewLabel("")}
	t.list = newPanelSearchList(p.cfg.Do, "users",
		func(u graph.User) string { return u.ID },
		panelUserRow)
	t.list.checkable = true
	t.list.onChecked = t.onChecked
	t.list.aside = t.checkedCount
	t.details = newPanelUserDetails(p, t.list)
	t.list.onSelect = t.details.show
	t.create = newPanelGate("New user", theme.ContentAddIcon(), graph.ManageUsers, t.onCreate)
	t.addToGroup = newPanelGate("Add checked to group…", theme.ContentAddIcon(), graph.ManageMembers, func() { t.onBulk(true) })
	t.removeFromGroup = newPanelGate("Remove checked from group…", theme.ContentRemoveIcon(), graph.ManageMembers, func() { t.onBulk(false) })
	t.export = widget.NewButtonWithIcon("Export CSV", theme.DownloadIcon(), t.onExport)
	t.export.Disable()
	t.onChecked(0)

	tools := container.NewVBox(
		container.NewGridWithColumns(2, t.create.button, t.export),
		container.NewGridWithColumns(2, t.addToGroup.button, t.removeFromGroup.button),
		panelNotes(t.create, t.addToGroup, t.removeFromGroup),
	)
	left := container.NewBorder(tools, nil, nil, nil, t.list.view())
	split := container.NewHSplit(left, t.details.view())
	split.Offset = 0.45
	t.root = split
	return t
}

func (t *panelUsersTab) view() fyne.CanvasObject { return t.root }

// start shows the users of a newly opened connection.
func (t *panelUsersTab) start(s *panelSession) {
	t.s = s
	for _, g := range []*panelGate{t.create, t.addToGroup, t.removeFromGroup} {
		g.apply(s.report)
	}
	t.export.Enable()
	t.details.start(s)
	t.list.checked = map[string]graph.User{}
	t.onChecked(0)
	t.list.start(s.ctx, func(search string) *graph.Pager[graph.User] {
		return s.client.Users(graph.UserQuery{Search: search, Top: panelPageSize})
	})
}

func (t *panelUsersTab) onChecked(n int) {
	t.checkedCount.SetText(fmt.Sprintf("%d checked", n))
	t.addToGroup.setReady(n > 0)
	t.removeFromGroup.setReady(n > 0)
}

func (t *panelUsersTab) onCreate() {
	t.createForm = newPanelUserForm(t.p, t.s, func(u graph.User) {
		t.list.prepend(u)
		t.details.show(u)
	})
	t.createForm.dialog.Show()
}

func (t *panelUsersTab) onBulk(add bool) {
	t.bulk = newPanelBulk(t.p, t.s, panelBulkUsers(t.list.checkedItems()), add, nil, t.list.clearChecked)
	t.bulk.dialog.Show()
}

func (t *panelUsersTab) onExport() {
	s, search := t.s, t.list.search.Text
	panelExport(t.p, s, "users.csv", panelExportUsers(s.client, search))
}

// panelUserRow is a user's line in a list.
func panelUserRow(u graph.User) string {
	row := u.DisplayName + " · " + u.UserPrincipalName
	if !u.AccountEnabled {
		row += " (disabled)"
	}
	return row
}

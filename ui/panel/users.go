package panel

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/entra-wizard/entra-wizard/graph"
)

// pageSize is how many rows a list asks Graph for at a time.
const pageSize = 200

// usersTab lists and searches the tenant's users, with the selected
// user's details beside the list and bulk group changes for checked users.
type usersTab struct {
	p *Panel
	s *session

	list            *searchList[graph.User]
	create          *featureGate
	importCSV       *featureGate
	addToGroup      *featureGate
	removeFromGroup *featureGate
	export          *widget.Button
	checkAll        *widget.Button
	uncheckAll      *widget.Button
	checkedCount    *widget.Label
	// status says how the last export or bulk change went, under the
	// buttons that started it; it takes no room while empty.
	status  *widget.Label
	details *userDetails

	createForm *userForm   // the last create dialog
	imports    *userImport // the last import from a CSV
	bulk       *bulkRun    // the last bulk change
	root       fyne.CanvasObject
}

func newUsersTab(p *Panel) *usersTab {
	t := &usersTab{p: p, checkedCount: widget.NewLabel(""), status: wrappedLabel("")}
	t.status.Hide()
	t.list = newSearchList(p.cfg.Do, "users",
		func(u graph.User) string { return u.ID },
		userRow)
	t.list.checkable = true
	t.list.onChecked = t.onChecked
	t.list.aside = t.checkedCount
	t.details = newUserDetails(p, t.list)
	t.list.onSelect = func(u graph.User) {
		p.clearNotice()
		t.details.show(u)
	}
	t.list.onNone = t.details.clear
	t.list.matches = func(u graph.User, search string) bool {
		return searchMatches(search, u.DisplayName, u.UserPrincipalName, u.Mail)
	}
	t.create = newFeatureGate("New user", theme.ContentAddIcon(), graph.ManageUsers, t.onCreate)
	t.importCSV = newFeatureGate("New users from a CSV…", theme.UploadIcon(), graph.ManageUsers, t.onImport)
	t.addToGroup = newFeatureGate("Add checked to group…", theme.ContentAddIcon(), graph.ManageMembers, func() { t.onBulk(true) })
	t.removeFromGroup = newFeatureGate("Remove checked from group…", theme.ContentRemoveIcon(), graph.ManageMembers, func() { t.onBulk(false) })
	t.export = widget.NewButtonWithIcon("Export CSV", theme.DownloadIcon(), t.onExport)
	t.export.Disable()
	t.checkAll, t.uncheckAll = t.newCheckButtons()
	t.onChecked(0)

	tools := container.NewVBox(
		container.NewGridWithColumns(2, t.create.button, t.export),
		container.NewGridWithColumns(2, t.addToGroup.button, t.removeFromGroup.button),
		container.NewGridWithColumns(2, t.importCSV.button),
		container.NewGridWithColumns(2, t.checkAll, t.uncheckAll),
		permissionNotes(t.create, t.importCSV, t.addToGroup, t.removeFromGroup),
		t.status,
	)
	left := container.NewBorder(tools, nil, nil, nil, t.list.view())
	split := container.NewHSplit(left, t.details.view())
	split.Offset = 0.45
	t.root = split
	return t
}

func (t *usersTab) view() fyne.CanvasObject { return t.root }

// say shows text on the status line under the tab's buttons.
func (t *usersTab) say(text string) {
	if sayOnLine(t.status, text) {
		t.root.Refresh()
	}
}

// start shows the users of a newly opened connection.
func (t *usersTab) start(s *session) {
	t.s = s
	for _, g := range []*featureGate{t.create, t.importCSV, t.addToGroup, t.removeFromGroup} {
		g.apply(s.report)
	}
	t.export.Enable()
	// Checks are for bulk member changes: without them, nothing to check.
	if s.report.Allows(graph.ManageMembers) {
		t.checkAll.Enable()
	} else {
		t.checkAll.Disable()
	}
	t.details.start(s)
	t.list.checked = map[string]graph.User{}
	t.onChecked(0)
	t.list.start(s.ctx, func(search string) *graph.Pager[graph.User] {
		return s.client.Users(graph.UserQuery{Search: search, Top: pageSize})
	})
}

func (t *usersTab) onChecked(n int) {
	t.checkedCount.SetText(checkedText(n, t.list.hiddenChecked()))
	if n > 0 {
		t.uncheckAll.Enable()
	} else {
		t.uncheckAll.Disable()
	}
	t.addToGroup.setReady(n > 0)
	t.removeFromGroup.setReady(n > 0)
}

func (t *usersTab) onCreate() {
	t.createForm = newUserForm(t.p, t.s, func(u graph.User) {
		if !t.list.prepend(u) {
			t.details.show(u)
		}
	})
	t.createForm.dialog.Show()
}

// onImport opens the dialog that creates users from a CSV; the list shows
// them once they are created.
func (t *usersTab) onImport() {
	t.imports = newUserImport(t.p, t.s, t.list.reload)
	t.imports.dialog.Show()
}

func (t *usersTab) onBulk(add bool) {
	t.bulk = newBulkRun(t.p, t.s, bulkUsers(t.list.checkedItems()), add, nil, t.say, t.list.clearChecked)
	t.bulk.dialog.Show()
}

func (t *usersTab) onExport() {
	s, search := t.s, t.list.search.Text
	runExport(t.p, s, exportJob{file: "users.csv", noun: "users", search: search, say: t.say}, exportUsers(s.client, search))
}

// userRow is a user's line in a list. "(disabled)" comes before the
// address, which a narrow list cuts off at its end.
func userRow(u graph.User) string {
	name := u.DisplayName
	if !u.AccountEnabled {
		name += " (disabled)"
	}
	return name + " · " + signInName(u.UserPrincipalName, u.Mail)
}

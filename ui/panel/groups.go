package panel

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/entra-wizard/entra-wizard/graph"
)

// groupsTab lists and searches the tenant's groups, with the selected
// group's details and members beside the list.
type groupsTab struct {
	p *Panel
	s *session

	list    *searchList[graph.Group]
	create  *featureGate
	export  *widget.Button
	status  *widget.Label // how the last export went; hidden while empty
	counts  memberCounts
	details *groupDetails

	createForm *groupForm // the last create dialog
	root       fyne.CanvasObject
}

func newGroupsTab(p *Panel) *groupsTab {
	t := &groupsTab{p: p, status: wrappedLabel("")}
	t.status.Hide()
	t.resetCounts()
	t.list = newSearchList(p.cfg.Do, "groups",
		func(g graph.Group) string { return g.ID },
		t.rowWithCount)
	t.details = newGroupDetails(p, t.list)
	t.list.onSelect = func(g graph.Group) {
		p.clearNotice()
		t.details.show(g)
	}
	t.list.onNone = t.details.clear
	t.list.matches = func(g graph.Group, search string) bool {
		return searchMatches(search, g.DisplayName, g.Mail)
	}
	t.create = newFeatureGate("New group", theme.ContentAddIcon(), graph.ManageGroups, t.onCreate)
	t.export = widget.NewButtonWithIcon("Export CSV", theme.DownloadIcon(), t.onExport)
	t.export.Disable()
	tools := container.NewVBox(container.NewGridWithColumns(2, t.create.button, t.export), permissionNotes(t.create), t.status)
	left := container.NewBorder(tools, nil, nil, nil, t.list.view())
	split := container.NewHSplit(left, t.details.view())
	split.Offset = 0.4
	t.root = split
	return t
}

func (t *groupsTab) view() fyne.CanvasObject { return t.root }

// say shows text on the status line under the tab's buttons.
func (t *groupsTab) say(text string) {
	if sayOnLine(t.status, text) {
		t.root.Refresh()
	}
}

// start shows the groups of a newly opened connection.
func (t *groupsTab) start(s *session) {
	t.s = s
	t.resetCounts()
	t.create.apply(s.report)
	t.export.Enable()
	t.details.start(s)
	t.list.start(s.ctx, func(search string) *graph.Pager[graph.Group] {
		return s.client.Groups(graph.GroupQuery{Search: search, Top: pageSize})
	})
}

func (t *groupsTab) onCreate() {
	t.createForm = newGroupForm(t.p, t.s, func(g graph.Group) {
		if !t.list.prepend(g) {
			t.details.show(g)
		}
	})
	t.createForm.dialog.Show()
}

func (t *groupsTab) onExport() {
	s, search := t.s, t.list.search.Text
	runExport(t.p, s, exportJob{file: "groups.csv", noun: "groups", search: search, say: t.say}, exportGroups(s.client, search))
}

// groupRow is a group's line in a list.
func groupRow(g graph.Group) string {
	return g.DisplayName + " · " + groupKind(g.Kind)
}

// groupKind names a kind of group as the admin center does.
func groupKind(k graph.GroupKind) string {
	if k == graph.Microsoft365Group {
		return "Microsoft 365"
	}
	return "Security"
}

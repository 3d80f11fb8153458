package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/entra-wizard/entra-wizard/graph"
)

// panelGroupsTab lists and searches the tenant's groups, with the selected
// group's details and members beside the list.
type panelGroupsTab struct {
	p *panel
	s *panelSession

	list    *panelSearchList[graph.Group]
	create  *panelGate
	export  *widget.Button
	details *panelGroupDetails

	createForm *panelGroupForm // the last create dialog
	root       fyne.CanvasObject
}

func newPanelGroupsTab(p *panel) *panelGroupsTab {
	t := &panelGroupsTab{p: p}
	t.list = newPanelSearchList(p.cfg.Do, "groups",
		func(g graph.Group) string { return g.ID },
		panelGroupRow)
	t.details = newPanelGroupDetails(p, t.list)
	t.list.onSelect = t.details.show
	t.create = newPanelGate("New group", theme.ContentAddIcon(), graph.ManageGroups, t.onCreate)
	t.export = widget.NewButtonWithIcon("Export CSV", theme.DownloadIcon(), t.onExport)
	t.export.Disable()
	tools := container.NewVBox(container.NewGridWithColumns(2, t.create.button, t.export), panelNotes(t.create))
	left := container.NewBorder(tools, nil, nil, nil, t.list.view())
	split := container.NewHSplit(left, t.details.view())
	split.Offset = 0.4
	t.root = split
	return t
}

func (t *panelGroupsTab) view() fyne.CanvasObject { return t.root }

// start shows the groups of a newly opened connection.
func (t *panelGroupsTab) start(s *panelSession) {
	t.s = s
	t.create.apply(s.report)
	t.export.Enable()
	t.details.start(s)
	t.list.start(s.ctx, func(search string) *graph.Pager[graph.Group] {
		return s.client.Groups(graph.GroupQuery{Search: search, Top: panelPageSize})
	})
}

func (t *panelGroupsTab) onCreate() {
	t.createForm = newPanelGroupForm(t.p, t.s, func(g graph.Group) {
		t.list.prepend(g)
		t.details.show(g)
	})
	t.createForm.dialog.Show()
}

func (t *panelGroupsTab) onExport() {
	s, search := t.s, t.list.search.Text
	panelExport(t.p, s, "groups.csv", panelExportGroups(s.client, search))
}

// panelGroupRow is a group's line in a list.
func panelGroupRow(g graph.Group) string {
	return g.DisplayName + " · " + panelGroupKind(g.Kind)
}

// panelGroupKind names a kind of group as the admin center does.
func panelGroupKind(k graph.GroupKind) string {
	if k == graph.Microsoft365Group {
		return "Microsoft 365"
	}
	return "Security"
}

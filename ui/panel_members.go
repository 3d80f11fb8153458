package ui

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/entra-wizard/entra-wizard/graph"
)

// panelMembers lists a group's members, direct or transitive (members of
// nested groups too), and adds or removes members.
type panelMembers struct {
	p      *panel
	s      *panelSession
	status *widget.Label
	group  graph.Group

	list       *panelSearchList[graph.Member]
	transitive *widget.Check
	add        *panelGate
	remove     *panelGate
	export     *widget.Button

	picker *panelUserPicker // the last "add members" dialog
	bulk   *panelBulk       // the last add or remove
}

func newPanelMembers(p *panel, status *widget.Label) *panelMembers {
	m := &panelMembers{p: p, status: status}
	m.list = newPanelSearchList(p.cfg.Do, "members",
		func(mb graph.Member) string { return mb.ID },
		panelMemberRow)
	m.list.search.Hide()
	m.list.checkable = true
	m.list.onChecked = func(n int) { m.remove.setReady(n > 0) }
	m.transitive = widget.NewCheck("Include members of nested groups", func(bool) { m.reload() })
	m.add = newPanelGate("Add members…", theme.ContentAddIcon(), graph.ManageMembers, m.onAdd)
	m.remove = newPanelGate("Remove checked", theme.ContentRemoveIcon(), graph.ManageMembers, m.onRemove)
	m.remove.setReady(false)
	m.export = widget.NewButtonWithIcon("Export CSV", theme.DownloadIcon(), m.onExport)
	return m
}

func (m *panelMembers) view() fyne.CanvasObject {
	head := container.NewVBox(
		container.NewHBox(widget.NewLabelWithStyle("Members", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}), m.transitive),
		container.NewGridWithColumns(3, m.add.button, m.remove.button, m.export),
		panelNotes(m.add, m.remove),
	)
	return container.NewBorder(head, nil, nil, nil, m.list.view())
}

func (m *panelMembers) start(s *panelSession) {
	m.s = s
	m.add.apply(s.report)
	m.remove.apply(s.report)
}

// show lists the members of a group.
func (m *panelMembers) show(g graph.Group) {
	m.group = g
	m.reload()
}

func (m *panelMembers) reload() {
	if m.s == nil || m.group.ID == "" {
		return
	}
	g, s, transitive := m.group, m.s, m.transitive.Checked
	// Nested members cannot be removed from here: they belong to another
	// group. Only direct members get check boxes.
	m.add.setReady(!transitive)
	if transitive {
		m.list.onChecked = nil
	} else {
		m.list.onChecked = func(n int) { m.remove.setReady(n > 0) }
	}
	clear(m.list.checked)
	m.remove.setReady(false)
	m.list.start(s.ctx, func(string) *graph.Pager[graph.Member] {
		return s.client.Members(g.ID, transitive)
	})
}

func (m *panelMembers) onAdd() {
	g := m.group
	m.picker = newPanelUserPicker(m.p, m.s, "Add members to "+g.DisplayName, func(users []graph.User) {
		m.bulk = newPanelBulk(m.p, m.s, panelBulkUsers(users), true, &g, m.reload)
		m.bulk.dialog.Show()
		m.bulk.onStart()
	})
	m.picker.dialog.Show()
}

func (m *panelMembers) onRemove() {
	g := m.group
	items := make([]panelBulkItem, 0, len(m.list.checked))
	for _, mb := range m.list.checkedItems() {
		items = append(items, panelBulkItem{ID: mb.ID, Name: mb.DisplayName})
	}
	m.bulk = newPanelBulk(m.p, m.s, items, false, &g, m.reload)
	m.bulk.dialog.Show()
	m.bulk.onStart()
}

func (m *panelMembers) onExport() {
	g, s, transitive := m.group, m.s, m.transitive.Checked
	panelExport(m.p, s, "members.csv", panelExportMembers(s.client, g.ID, transitive))
}

// panelMemberRow is a member's line in a list.
func panelMemberRow(mb graph.Member) string {
	switch {
	case mb.Type == "group":
		return fmt.Sprintf("%s (group)", mb.DisplayName)
	case mb.UserPrincipalName != "":
		return mb.DisplayName + " · " + mb.UserPrincipalName
	default:
		return mb.DisplayName
	}
}

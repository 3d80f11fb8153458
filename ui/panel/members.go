package panel

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/entra-wizard/entra-wizard/graph"
)

// membersView lists a group's members, direct or transitive (members of
// nested groups too), and adds or removes members.
type membersView struct {
	p      *Panel
	s      *session
	status *widget.Label
	group  graph.Group

	list       *searchList[graph.Member]
	transitive *widget.Check
	add        *featureGate
	remove     *featureGate
	export     *widget.Button

	picker *userPicker // the last "add members" dialog
	bulk   *bulkRun    // the last add or remove
}

func newMembersView(p *Panel, status *widget.Label) *membersView {
	m := &membersView{p: p, status: status}
	m.list = newSearchList(p.cfg.Do, "members",
		func(mb graph.Member) string { return mb.ID },
		memberRow)
	// A group of thousands needs a way to find one member.
	m.list.search.SetPlaceHolder("Search members by name")
	// Graph sorts members only in lists of one kind (users, or groups):
	// a group that fits one page is sorted here, by name.
	m.list.order = byMemberName
	m.list.checkable = true
	m.list.onChecked = func(n int) { m.remove.setReady(n > 0) }
	m.transitive = widget.NewCheck("Include members of nested groups", func(bool) { m.reload() })
	m.add = newFeatureGate("Add members…", theme.ContentAddIcon(), graph.ManageMembers, m.onAdd)
	m.remove = newFeatureGate("Remove checked", theme.ContentRemoveIcon(), graph.ManageMembers, m.onRemove)
	m.remove.setReady(false)
	m.export = widget.NewButtonWithIcon("Export CSV", theme.DownloadIcon(), m.onExport)
	return m
}

func (m *membersView) view() fyne.CanvasObject {
	head := container.NewVBox(
		container.NewHBox(widget.NewLabelWithStyle("Members", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}), m.transitive),
		container.NewGridWithColumns(3, m.add.button, m.remove.button, m.export),
		permissionNotes(m.add, m.remove),
	)
	return container.NewBorder(head, nil, nil, nil, m.list.view())
}

func (m *membersView) start(s *session) {
	m.s = s
	m.add.apply(s.report)
	m.remove.apply(s.report)
}

// show lists the members of a group.
func (m *membersView) show(g graph.Group) {
	m.group = g
	// Another group starts unsearched; clearing the box must not start a
	// search of its own.
	m.list.search.OnChanged = nil
	m.list.search.SetText("")
	m.list.search.OnChanged = m.list.onSearchChanged
	m.reload()
}

func (m *membersView) reload() {
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
	m.list.start(s.ctx, func(search string) *graph.Pager[graph.Member] {
		return s.client.MembersMatching(graph.MemberQuery{GroupID: g.ID, Transitive: transitive, Search: search, Top: pageSize})
	})
}

// onAdd and onRemove need no follow-up of their own: once a change of
// members finished, the panel reloads the shown group's members and the
// shown user's groups.
func (m *membersView) onAdd() {
	g := m.group
	m.picker = newUserPicker(m.p, m.s, "Add members to "+g.DisplayName, func(users []graph.User) {
		m.bulk = newBulkRun(m.p, m.s, bulkUsers(users), true, &g, m.sayAbout(g), nil)
		m.bulk.dialog.Show()
		m.bulk.onStart()
	})
	m.picker.dialog.Show()
}

func (m *membersView) onRemove() {
	g := m.group
	items := make([]bulkItem, 0, len(m.list.checked))
	for _, mb := range m.list.checkedItems() {
		items = append(items, bulkItem{ID: mb.ID, Name: mb.DisplayName, UPN: address(mb.UserPrincipalName, "")})
	}
	// Removing takes access away: the dialog names whom, and waits for the
	// admin to press Remove.
	m.bulk = newBulkRun(m.p, m.s, items, false, &g, m.sayAbout(g), nil)
	m.bulk.dialog.Show()
}

func (m *membersView) onExport() {
	g, s, transitive := m.group, m.s, m.transitive.Checked
	runExport(m.p, s, exportJob{file: "members.csv", noun: "members", say: m.sayAbout(g)}, exportMembers(s.client, g.ID, transitive))
}

// sayAbout shows how an action on group g's members went on the group's
// status line while g is shown, else on the panel's notice line.
func (m *membersView) sayAbout(g graph.Group) func(string) {
	return func(text string) { m.p.groups.details.sayAbout(g, text) }
}

// byMemberName orders members by display name, as people read it.
func byMemberName(a, b graph.Member) int {
	return strings.Compare(strings.ToLower(a.DisplayName), strings.ToLower(b.DisplayName))
}

// memberRow is a member's line in a list.
func memberRow(mb graph.Member) string {
	switch {
	case mb.Type == "group":
		return fmt.Sprintf("%s (group)", mb.DisplayName)
	case mb.UserPrincipalName != "":
		return mb.DisplayName + " · " + signInName(mb.UserPrincipalName, "")
	default:
		return mb.DisplayName
	}
}

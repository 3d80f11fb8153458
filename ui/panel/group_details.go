package panel

import (
	"context"
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/entra-wizard/entra-wizard/graph"
	"github.com/entra-wizard/entra-wizard/ui/kit"
)

// groupDetails shows one group: its name and description to edit, a
// delete button, and its members.
type groupDetails struct {
	p     *Panel
	s     *session
	list  *searchList[graph.Group]
	group graph.Group

	title       *widget.Label
	kind        *widget.Label
	name        *kit.Entry
	description *kit.Entry
	readable    readableFields // the two fields as text while read-only
	save        *featureGate
	remove      *featureGate
	status      *widget.Label
	members     *membersView
	owners      *ownersView

	deleteConfirm *confirmDialog
	body          fyne.CanvasObject
	empty         *widget.Label
	root          fyne.CanvasObject
}

func newGroupDetails(p *Panel, list *searchList[graph.Group]) *groupDetails {
	d := &groupDetails{
		p: p, list: list,
		title:       widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		kind:        widget.NewLabel(""),
		name:        kit.NewEntry(),
		description: kit.NewEntry(),
		status:      widget.NewLabel(""),
		empty:       widget.NewLabel(chooseGroup),
	}
	d.status.Wrapping = fyne.TextWrapWord
	d.status.Hide()
	d.empty.Wrapping = fyne.TextWrapWord
	d.save = newFeatureGate("Save changes", theme.DocumentSaveIcon(), graph.ManageGroups, d.onSave)
	d.remove = newFeatureGate("Delete group…", theme.DeleteIcon(), graph.DeleteGroups, d.onDelete)
	d.remove.button.Importance = widget.DangerImportance
	d.members = newMembersView(p, d.status)
	d.owners = newOwnersView(p, d.sayAbout)
	d.readable = readableFields{}
	form := widget.NewForm(
		widget.NewFormItem("Name", d.readable.row(d.name)),
		widget.NewFormItem("Description", d.readable.row(d.description)),
	)
	// The buttons stand beside the two fields, which leaves the members
	// list more of the window's height.
	actions := container.NewVBox(d.save.button, d.remove.button)
	head := container.NewVBox(container.NewHBox(d.title, d.kind),
		container.NewBorder(nil, nil, nil, actions, form),
		permissionNotes(d.save, d.remove, d.owners.add),
		d.status, widget.NewSeparator(), d.owners.view(), widget.NewSeparator())
	d.body = container.NewBorder(head, nil, nil, nil, d.members.view())
	d.body.Hide()
	d.root = container.NewStack(d.empty, d.body)
	return d
}

func (d *groupDetails) view() fyne.CanvasObject { return d.root }

// start resets the pane for a newly opened connection.
func (d *groupDetails) start(s *session) {
	d.s = s
	d.save.apply(s.report)
	d.remove.apply(s.report)
	// Read-only without the permission to save: see userFields.setEditable.
	d.readable.setEditable(s.report.Allows(graph.ManageGroups))
	d.members.start(s)
	d.owners.start(s)
	d.body.Hide()
	d.empty.Show()
}

// chooseGroup is what the pane says while no group is shown.
const chooseGroup = "Choose a group in the list to see its details and members."

// clear shows no group: the list has none to choose.
func (d *groupDetails) clear() {
	d.body.Hide()
	d.empty.SetText(chooseGroup)
	d.empty.Show()
}

// show fills the pane with a group and loads its members.
func (d *groupDetails) show(g graph.Group) {
	d.group = g
	d.empty.Hide()
	d.body.Show()
	d.title.SetText(g.DisplayName)
	d.kind.SetText(groupKind(g.Kind) + " group")
	d.name.SetText(g.DisplayName)
	d.description.SetText(g.Description)
	d.readable.sync()
	d.say("")
	d.members.show(g)
	d.owners.show(g)
}

// say shows text on the status line, which takes no room while it is
// empty: the members list below gets the height.
func (d *groupDetails) say(text string) {
	if sayOnLine(d.status, text) {
		d.body.Refresh()
	}
}

// sayAbout shows the outcome of an action on group g: on the status line
// while g is still shown, otherwise on the panel's notice line.
func (d *groupDetails) sayAbout(g graph.Group, text string) {
	if d.body.Visible() && d.group.ID == g.ID {
		d.say(text)
		return
	}
	d.p.noticeAbout(g.DisplayName, text)
}

func (d *groupDetails) onSave() {
	g, s := d.group, d.s
	var changes graph.GroupChanges
	if v := strings.TrimSpace(d.name.Text); v != g.DisplayName {
		if v == "" {
			d.say("A group needs a name.")
			d.status.Importance = widget.DangerImportance
			d.status.Refresh()
			return
		}
		changes.DisplayName, g.DisplayName = &v, v
	}
	if v := strings.TrimSpace(d.description.Text); v != g.Description {
		changes.Description, g.Description = &v, v
	}
	d.save.setReady(false)
	d.say("Saving…")
	d.p.background(s, func(ctx context.Context) error {
		return s.client.UpdateGroup(ctx, g.ID, changes)
	}, func(err error) {
		d.save.setReady(true)
		if err != nil {
			d.sayAbout(g, errorText("save "+g.DisplayName, err))
			return
		}
		d.list.replace(g)
		if d.group.ID == g.ID {
			d.group = g
			d.title.SetText(g.DisplayName)
		}
		if d.members.group.ID == g.ID {
			d.members.group = g // reports name the group as it is now
		}
		d.sayAbout(g, "Saved.")
	})
}

func (d *groupDetails) onDelete() {
	g, s := d.group, d.s
	msg := fmt.Sprintf("Delete the group %s? Its members lose the access it gives them.", g.DisplayName)
	if g.Kind == graph.Microsoft365Group {
		msg += " A deleted Microsoft 365 group can be restored for 30 days in the Microsoft Entra admin center."
	} else {
		msg += " Security groups cannot be restored: once deleted, the group is gone for good."
	}
	d.deleteConfirm = newConfirmDialog(d.p.cfg.Window, "Delete group", msg, "Delete", g.DisplayName, func() {
		d.say("Deleting…")
		d.p.background(s, func(ctx context.Context) error {
			return s.client.DeleteGroup(ctx, g.ID)
		}, func(err error) {
			if err != nil {
				d.sayAbout(g, errorText("delete "+g.DisplayName, err))
				return
			}
			d.list.drop(g.ID)
			gone := "The group " + g.DisplayName + " was deleted."
			if d.group.ID != g.ID {
				d.p.noticeAbout(g.DisplayName, gone)
				return
			}
			d.body.Hide()
			d.empty.SetText(gone)
			d.empty.Show()
		})
	})
	d.deleteConfirm.dialog.Show()
}

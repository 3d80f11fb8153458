package panel

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/entra-wizard/entra-wizard/graph"
	"github.com/entra-wizard/entra-wizard/ui/kit"
)

// ownersView lists a group's owners, the users who may change it, with a
// Remove button each and Add owner….
type ownersView struct {
	p      *Panel
	s      *session
	group  graph.Group
	say    func(graph.Group, string)
	loads  int // numbers the reads; an answer for an older one is dropped
	owners []graph.Member

	add     *featureGate
	rows    *fyne.Container
	removes map[string]*kit.Button // by owner ID
	note    *widget.Label          // "Loading…", "No owners", a failure
	picker  *userPicker
	confirm *confirmDialog
	root    fyne.CanvasObject
}

func newOwnersView(p *Panel, say func(graph.Group, string)) *ownersView {
	o := &ownersView{p: p, say: say, rows: container.NewVBox(), note: widget.NewLabel("")}
	o.note.Wrapping = fyne.TextWrapWord
	o.add = newFeatureGate("Add owner…", theme.ContentAddIcon(), graph.GroupOwners, o.onAdd)
	head := container.NewBorder(nil, nil, widget.NewLabelWithStyle("Owners", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		o.add.button)
	o.root = container.NewVBox(head, o.rows, o.note)
	return o
}

func (o *ownersView) view() fyne.CanvasObject { return o.root }

func (o *ownersView) start(s *session) {
	o.s = s
	o.add.apply(s.report)
}

// show loads g's owners in the background.
func (o *ownersView) show(g graph.Group) {
	o.group = g
	o.loads++
	loads, s := o.loads, o.s
	o.rows.RemoveAll()
	o.note.SetText("Loading…")
	o.note.Show()
	var owners []graph.Member
	o.p.background(s, func(ctx context.Context) (err error) {
		owners, err = s.client.Owners(ctx, g.ID)
		return err
	}, func(err error) {
		if loads != o.loads {
			return
		}
		if err != nil {
			o.note.SetText(errorText("list the owners of "+g.DisplayName, err))
			return
		}
		o.fill(owners)
	})
}

// fill shows one row per owner: name and user name, and Remove.
func (o *ownersView) fill(owners []graph.Member) {
	o.owners = owners
	o.rows.RemoveAll()
	o.removes = map[string]*kit.Button{}
	for _, m := range owners {
		name := widget.NewLabel(memberRow(m))
		name.Wrapping = fyne.TextWrapWord
		remove := kit.NewButtonWithIcon("Remove", theme.ContentRemoveIcon(), func() { o.onRemove(m) })
		if !o.s.report.Allows(graph.GroupOwners) {
			remove.Disable()
		}
		o.removes[m.ID] = remove
		o.rows.Add(container.NewBorder(nil, nil, nil, remove, name))
	}
	if len(owners) == 0 {
		o.note.SetText("No owners: only administrators can change this group.")
		o.note.Show()
	} else {
		o.note.Hide()
	}
	o.root.Refresh()
}

// onRemove asks, naming the owner and the group, before removing them.
func (o *ownersView) onRemove(m graph.Member) {
	g, s := o.group, o.s
	msg := fmt.Sprintf("Remove %s as owner of %s? They can no longer change the group or its members, unless a role lets them.",
		memberRow(m), g.DisplayName)
	o.confirm = newConfirmDialog(o.p.cfg.Window, "Remove owner", msg, "Remove owner", "", func() {
		o.say(g, "Removing "+m.DisplayName+" as owner…")
		o.p.background(s, func(ctx context.Context) error {
			return s.client.RemoveOwner(ctx, g.ID, m.ID)
		}, func(err error) {
			if err != nil {
				o.say(g, errorText("remove "+m.DisplayName+" as owner of "+g.DisplayName, err))
				return
			}
			o.say(g, m.DisplayName+" is no longer an owner of "+g.DisplayName+".")
			o.reloadIf(g)
		})
	})
	o.confirm.dialog.Show()
}

// onAdd picks users through the user picker and makes each an owner.
func (o *ownersView) onAdd() {
	g, s := o.group, o.s
	o.picker = newUserPicker(o.p, s, "Add owners to "+g.DisplayName, func(users []graph.User) {
		o.say(g, "Adding owners…")
		var added, already []string
		var failed []string
		o.p.background(s, func(ctx context.Context) error {
			for _, u := range users {
				err := s.client.AddOwner(ctx, g.ID, u.ID)
				switch {
				case err == nil:
					added = append(added, u.DisplayName)
				case errors.Is(err, graph.ErrConflict):
					already = append(already, u.DisplayName)
				default:
					failed = append(failed, errorText("add "+u.DisplayName+" as owner", err))
				}
			}
			return nil
		}, func(error) {
			var parts []string
			if len(added) > 0 {
				parts = append(parts, "Now owners of "+g.DisplayName+": "+strings.Join(added, ", ")+".")
			}
			if len(already) > 0 {
				parts = append(parts, "Already owners: "+strings.Join(already, ", ")+".")
			}
			// A failure comes first, so the status line reads as one.
			o.say(g, strings.Join(append(failed, parts...), " "))
			o.reloadIf(g)
		})
	})
	o.picker.dialog.Show()
}

// reloadIf reads the owners again if g is still shown.
func (o *ownersView) reloadIf(g graph.Group) {
	if o.group.ID == g.ID {
		o.show(g)
	}
}

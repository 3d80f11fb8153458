package panel

import (
	"context"
	"errors"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/entra-wizard/entra-wizard/graph"
	"github.com/entra-wizard/entra-wizard/ui/kit"
)

// groupKinds are the kinds offered when creating a group.
var groupKinds = []string{"Security", "Microsoft 365"}

// groupForm is the dialog that creates a group. It stays open when
// Graph refuses, so nothing typed is lost.
type groupForm struct {
	p *Panel
	s *session

	name        *kit.Entry
	description *kit.Entry
	kind        *kit.Radio
	status      *widget.Label
	create      *kit.Button
	cancel      *kit.Button
	dialog      *kit.Dialog
}

func newGroupForm(p *Panel, s *session, created func(graph.Group)) *groupForm {
	f := &groupForm{p: p, s: s, name: kit.NewEntry(), description: kit.NewMultiLineEntry(), status: widget.NewLabel("")}
	f.status.Wrapping = fyne.TextWrapWord
	f.name.Validator = func(v string) error {
		if strings.TrimSpace(v) == "" {
			return errors.New("a group needs a name")
		}
		return nil
	}
	f.kind = kit.NewRadio(groupKinds, nil)
	f.kind.SetSelected(groupKinds[0])
	form := widget.NewForm(
		hinted("Name", f.name, "Required"),
		widget.NewFormItem("Description", f.description),
		widget.NewFormItem("Kind", f.kind),
	)
	hint := widget.NewLabel("Security groups control access to apps and resources. Microsoft 365 groups also get a shared mailbox, calendar and files.")
	hint.Wrapping = fyne.TextWrapWord
	f.create = kit.NewButtonWithIcon("Create group", theme.ConfirmIcon(), func() { f.onCreate(created) })
	f.create.Importance = widget.HighImportance
	f.cancel = kit.NewButton("Cancel", func() { f.dialog.Hide() })
	d := dialog.NewCustomWithoutButtons("New group", container.NewVBox(form, hint, f.status), p.cfg.Window)
	d.SetButtons([]fyne.CanvasObject{f.cancel, f.create})
	d.Resize(fyne.NewSize(500, 0))
	f.dialog = kit.NewDialog(p.cfg.Window, d, f.name, f.create.Press)
	return f
}

func (f *groupForm) onCreate(created func(graph.Group)) {
	if err := f.name.Validate(); err != nil {
		f.fail(err.Error())
		return
	}
	ng := graph.NewGroup{
		DisplayName: strings.TrimSpace(f.name.Text),
		Description: strings.TrimSpace(f.description.Text),
		Kind:        graph.SecurityGroup,
	}
	if f.kind.Selected == groupKinds[1] {
		ng.Kind = graph.Microsoft365Group
	}
	f.create.Disable()
	f.status.Importance = widget.MediumImportance
	f.status.SetText("Creating…")
	var group graph.Group
	f.p.background(f.s, func(ctx context.Context) (err error) {
		group, err = f.s.client.CreateGroup(ctx, ng)
		return err
	}, func(err error) {
		f.create.Enable()
		if err != nil {
			f.fail(errorText("create "+ng.DisplayName, err))
			return
		}
		f.dialog.Hide()
		created(group)
	})
}

// fail shows what stops the group being created, styled as an error.
func (f *groupForm) fail(text string) {
	f.status.Importance = widget.DangerImportance
	f.status.SetText(text)
}

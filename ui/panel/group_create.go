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
)

// groupKinds are the kinds offered when creating a group.
var groupKinds = []string{"Security", "Microsoft 365"}

// groupForm is the dialog that creates a group. It stays open when
// Graph refuses, so nothing typed is lost.
type groupForm struct {
	p *Panel
	s *session

	name        *widget.Entry
	description *widget.Entry
	kind        *widget.RadioGroup
	status      *widget.Label
	create      *widget.Button
	cancel      *widget.Button
	dialog      *dialog.CustomDialog
}

func newGroupForm(p *Panel, s *session, created func(graph.Group)) *groupForm {
	f := &groupForm{p: p, s: s, name: widget.NewEntry(), description: widget.NewMultiLineEntry(), status: widget.NewLabel("")}
	f.status.Wrapping = fyne.TextWrapWord
	f.name.Validator = func(v string) error {
		if strings.TrimSpace(v) == "" {
			return errors.New("a group needs a name")
		}
		return nil
	}
	f.kind = widget.NewRadioGroup(groupKinds, nil)
	f.kind.Required = true
	f.kind.SetSelected(groupKinds[0])
	form := widget.NewForm(
		widget.NewFormItem("Name", f.name),
		widget.NewFormItem("Description", f.description),
		widget.NewFormItem("Kind", f.kind),
	)
	hint := widget.NewLabel("Security groups control access to apps and resources. Microsoft 365 groups also get a shared mailbox, calendar and files.")
	hint.Wrapping = fyne.TextWrapWord
	f.create = widget.NewButtonWithIcon("Create group", theme.ConfirmIcon(), func() { f.onCreate(created) })
	f.create.Importance = widget.HighImportance
	f.cancel = widget.NewButton("Cancel", func() { f.dialog.Hide() })
	f.dialog = dialog.NewCustomWithoutButtons("New group", container.NewVBox(form, hint, f.status), p.cfg.Window)
	f.dialog.SetButtons([]fyne.CanvasObject{f.cancel, f.create})
	f.dialog.Resize(fyne.NewSize(500, 0))
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

package panel

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/entra-wizard/entra-wizard/ui/kit"
)

// confirmDialog is a confirmation dialog for a destructive action. When it
// asks for a name, its confirm button stays disabled until the name is typed
// exactly.
type confirmDialog struct {
	dialog  *kit.Dialog
	message *widget.Label
	name    *kit.Entry // nil when no name is asked for
	confirm *kit.Button
	cancel  *kit.Button
}

// newConfirmDialog builds (but does not show) a confirmation. typeName, when
// not empty, is the name the admin must type to confirm.
func newConfirmDialog(w fyne.Window, title, message, confirmLabel, typeName string, onConfirm func()) *confirmDialog {
	c := &confirmDialog{message: widget.NewLabel(message)}
	c.message.Wrapping = fyne.TextWrapWord
	content := container.NewVBox(c.message)
	c.confirm = kit.NewButtonWithIcon(confirmLabel, theme.DeleteIcon(), func() {
		c.dialog.Hide()
		onConfirm()
	})
	c.confirm.Importance = widget.DangerImportance
	c.cancel = kit.NewButton("Cancel", func() { c.dialog.Hide() })
	var first fyne.Focusable
	if typeName != "" {
		c.name = kit.NewEntry()
		first = c.name
		c.confirm.Disable()
		c.name.OnChanged = func(s string) {
			if strings.TrimSpace(s) == typeName {
				c.confirm.Enable()
			} else {
				c.confirm.Disable()
			}
		}
		content.Add(widget.NewLabel("Type \"" + typeName + "\" to confirm:"))
		content.Add(c.name)
	}
	d := dialog.NewCustomWithoutButtons(title, content, w)
	d.SetButtons([]fyne.CanvasObject{c.cancel, c.confirm})
	d.Resize(fyne.NewSize(460, 0))
	c.dialog = kit.NewDialog(w, d, first, func() { c.confirm.Press() })
	return c
}

// promptDialog is a dialog asking for one line of text, such as a new name.
type promptDialog struct {
	dialog *kit.Dialog
	entry  *kit.Entry
	ok     *kit.Button
	cancel *kit.Button
}

// newPromptDialog builds (but does not show) a prompt prefilled with value.
func newPromptDialog(w fyne.Window, title, label, value, okLabel string, onOK func(string)) *promptDialog {
	p := &promptDialog{entry: kit.NewEntry()}
	p.entry.SetText(value)
	p.ok = kit.NewButton(okLabel, func() {
		p.dialog.Hide()
		onOK(strings.TrimSpace(p.entry.Text))
	})
	p.ok.Importance = widget.HighImportance
	p.cancel = kit.NewButton("Cancel", func() { p.dialog.Hide() })
	p.entry.OnChanged = func(s string) {
		if strings.TrimSpace(s) == "" {
			p.ok.Disable()
		} else {
			p.ok.Enable()
		}
	}
	d := dialog.NewCustomWithoutButtons(title, container.NewVBox(widget.NewLabel(label), p.entry), w)
	d.SetButtons([]fyne.CanvasObject{p.cancel, p.ok})
	d.Resize(fyne.NewSize(420, 0))
	p.dialog = kit.NewDialog(w, d, p.entry, func() { p.ok.Press() })
	return p
}

package panel

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// confirmDialog is a confirmation dialog for a destructive action. When it
// asks for a name, its confirm button stays disabled until the name is typed
// exactly.
type confirmDialog struct {
	dialog  *dialog.CustomDialog
	message *widget.Label
	name    *widget.Entry // nil when no name is asked for
	confirm *widget.Button
	cancel  *widget.Button
}

// newConfirmDialog builds (but does not show) a confirmation. typeName, when
// not empty, is the name the admin must type to confirm.
func newConfirmDialog(w fyne.Window, title, message, confirmLabel, typeName string, onConfirm func()) *confirmDialog {
	c := &confirmDialog{message: widget.NewLabel(message)}
	c.message.Wrapping = fyne.TextWrapWord
	content := container.NewVBox(c.message)
	c.confirm = widget.NewButtonWithIcon(confirmLabel, theme.DeleteIcon(), func() {
		c.dialog.Hide()
		onConfirm()
	})
	c.confirm.Importance = widget.DangerImportance
	c.cancel = widget.NewButton("Cancel", func() { c.dialog.Hide() })
	if typeName != "" {
		c.name = widget.NewEntry()
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
	c.dialog = dialog.NewCustomWithoutButtons(title, content, w)
	c.dialog.SetButtons([]fyne.CanvasObject{c.cancel, c.confirm})
	c.dialog.Resize(fyne.NewSize(460, 0))
	return c
}

// promptDialog is a dialog asking for one line of text, such as a new name.
type promptDialog struct {
	dialog *dialog.CustomDialog
	entry  *widget.Entry
	ok     *widget.Button
	cancel *widget.Button
}

// newPromptDialog builds (but does not show) a prompt prefilled with value.
func newPromptDialog(w fyne.Window, title, label, value, okLabel string, onOK func(string)) *promptDialog {
	p := &promptDialog{entry: widget.NewEntry()}
	p.entry.SetText(value)
	p.ok = widget.NewButton(okLabel, func() {
		p.dialog.Hide()
		onOK(strings.TrimSpace(p.entry.Text))
	})
	p.ok.Importance = widget.HighImportance
	p.cancel = widget.NewButton("Cancel", func() { p.dialog.Hide() })
	p.entry.OnChanged = func(s string) {
		if strings.TrimSpace(s) == "" {
			p.ok.Disable()
		} else {
			p.ok.Enable()
		}
	}
	p.dialog = dialog.NewCustomWithoutButtons(title, container.NewVBox(widget.NewLabel(label), p.entry), w)
	p.dialog.SetButtons([]fyne.CanvasObject{p.cancel, p.ok})
	p.dialog.Resize(fyne.NewSize(420, 0))
	return p
}

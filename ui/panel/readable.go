package panel

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"github.com/entra-wizard/entra-wizard/ui/kit"
)

// readableFields shows a form's entries as plain text while they may not
// be edited. A disabled entry draws its text grey on grey, and for a
// read-only connection reading the values is the whole point; the text
// label draws them in the foreground colour and can still be selected
// and copied.
type readableFields map[*kit.Entry]*widget.Label

// row is e's place in a form: the entry, or its text when read-only.
func (r readableFields) row(e *kit.Entry) fyne.CanvasObject {
	l := widget.NewLabel("")
	l.Selectable = true
	l.Wrapping = fyne.TextWrapWord
	l.Hide()
	r[e] = l
	return container.NewStack(e, l)
}

// setEditable shows the entries, or their text.
func (r readableFields) setEditable(on bool) {
	for e, l := range r {
		if on {
			e.Enable()
			e.Show()
			l.Hide()
			continue
		}
		e.Disable()
		e.Hide()
		l.Show()
	}
	r.sync()
}

// sync copies the entries' values to their text, after they were filled.
func (r readableFields) sync() {
	for e, l := range r {
		text := e.Text
		if text == "" {
			text = "—"
		}
		l.SetText(text)
	}
}

package setupwizard

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// validatedEntry is a one-line text field on which Enter moves on and Escape
// goes back, as they do everywhere else in the wizard. A focused field
// receives the keys before the window does, so it passes them on itself.
type validatedEntry struct {
	widget.Entry
	v *Wizard
}

func newValidatedEntry(v *Wizard, placeholder string) *validatedEntry {
	e := &validatedEntry{v: v}
	e.Wrapping = fyne.TextWrap(fyne.TextTruncateClip)
	e.PlaceHolder = placeholder
	e.OnSubmitted = func(string) { v.onNext() }
	e.ExtendBaseWidget(e)
	return e
}

// newSecretEntry is a validatedEntry that hides what is typed, with an
// eye button to show it.
func newSecretEntry(v *Wizard, placeholder string) (*validatedEntry, *widget.Button) {
	e := newValidatedEntry(v, placeholder)
	e.Password = true
	var reveal *widget.Button
	reveal = widget.NewButtonWithIcon("", theme.VisibilityOffIcon(), func() {
		e.Password = !e.Password
		if e.Password {
			reveal.SetIcon(theme.VisibilityOffIcon())
		} else {
			reveal.SetIcon(theme.VisibilityIcon())
		}
		e.Refresh()
	})
	reveal.Importance = widget.LowImportance
	e.ActionItem = reveal
	return e, reveal
}

// TypedKey sends Escape to the wizard; other keys edit the text.
func (e *validatedEntry) TypedKey(ev *fyne.KeyEvent) {
	if ev.Name == fyne.KeyEscape {
		e.v.onBack()
		return
	}
	e.Entry.TypedKey(ev)
}

package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// wizardEntry is a one-line text field on which Enter moves on and Escape
// goes back, as they do everywhere else in the wizard. A focused field
// receives the keys before the window does, so it passes them on itself.
type wizardEntry struct {
	widget.Entry
	v *wizardView
}

func newWizardEntry(v *wizardView, placeholder string) *wizardEntry {
	e := &wizardEntry{v: v}
	e.Wrapping = fyne.TextWrap(fyne.TextTruncateClip)
	e.PlaceHolder = placeholder
	e.OnSubmitted = func(string) { v.onNext() }
	e.ExtendBaseWidget(e)
	return e
}

// newWizardSecretEntry is a wizardEntry that hides what is typed, with an
// eye button to show it.
func newWizardSecretEntry(v *wizardView, placeholder string) (*wizardEntry, *widget.Button) {
	e := newWizardEntry(v, placeholder)
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
func (e *wizardEntry) TypedKey(ev *fyne.KeyEvent) {
	if ev.Name == fyne.KeyEscape {
		e.v.onBack()
		return
	}
	e.Entry.TypedKey(ev)
}

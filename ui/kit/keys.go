package kit

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"
)

// Fyne gives a key to the widget that has the keyboard, and to the
// window's own handler only when none has. Buttons, checks and radios keep
// Enter and Escape to themselves, so the page's default button and Cancel
// stop answering as soon as one of them is tabbed to or clicked. The
// widgets here pass on the keys they have no use for.

// isEnter reports whether ev is Return or the keypad's Enter.
func isEnter(ev *fyne.KeyEvent) bool { return ev.Name == fyne.KeyReturn || ev.Name == fyne.KeyEnter }

// toWindow hands ev to the handler of the window o is shown in, as if no
// widget had the keyboard.
func toWindow(o fyne.CanvasObject, ev *fyne.KeyEvent) {
	app := fyne.CurrentApp()
	if app == nil {
		return
	}
	if c := app.Driver().CanvasForObject(o); c != nil && c.OnTypedKey() != nil {
		c.OnTypedKey()(ev)
	}
}

// Entry is a one-line text field whose Escape reaches the window (Cancel),
// and whose Enter does too when it has no OnSubmitted of its own (the
// page's or dialog's default button).
type Entry struct{ widget.Entry }

// NewEntry is an empty Entry.
func NewEntry() *Entry {
	e := &Entry{}
	e.Wrapping = fyne.TextWrap(fyne.TextTruncateClip) // as widget.NewEntry: long text scrolls, it does not widen the field
	e.ExtendBaseWidget(e)
	return e
}

// TypedKey passes Escape, and Enter unless the field submits itself, to
// the window.
func (e *Entry) TypedKey(ev *fyne.KeyEvent) {
	if ev.Name == fyne.KeyEscape || (isEnter(ev) && e.OnSubmitted == nil && !e.MultiLine) {
		toWindow(e, ev)
		return
	}
	e.Entry.TypedKey(ev)
}

// Button is a button that Enter presses, like Space, when it has the
// keyboard; Escape reaches the window.
type Button struct{ widget.Button }

// NewButton is a button with a label and its action.
func NewButton(label string, tapped func()) *Button { return NewButtonWithIcon(label, nil, tapped) }

// NewButtonWithIcon is a button with a label, an icon and its action.
func NewButtonWithIcon(label string, icon fyne.Resource, tapped func()) *Button {
	b := &Button{}
	b.Text, b.Icon, b.OnTapped = label, icon, tapped
	b.ExtendBaseWidget(b)
	return b
}

// TypedKey presses the button on Enter and passes Escape to the window.
func (b *Button) TypedKey(ev *fyne.KeyEvent) {
	switch {
	case isEnter(ev):
		b.Press()
	case ev.Name == fyne.KeyEscape:
		toWindow(b, ev)
	default:
		b.Button.TypedKey(ev)
	}
}

// Check is a check box whose Enter and Escape reach the window.
type Check struct{ widget.Check }

// NewCheck is a check box with a label and what to do when it changes.
func NewCheck(label string, changed func(bool)) *Check {
	c := &Check{}
	c.Text, c.OnChanged = label, changed
	c.ExtendBaseWidget(c)
	return c
}

// TypedKey passes Enter and Escape to the window.
func (c *Check) TypedKey(ev *fyne.KeyEvent) {
	if isEnter(ev) || ev.Name == fyne.KeyEscape {
		toWindow(c, ev)
		return
	}
	c.Check.TypedKey(ev)
}

// Focus gives the keyboard to f, or takes it from whatever has it when f
// is nil.
func Focus(c fyne.Canvas, f fyne.Focusable) {
	if f == nil {
		c.Unfocus()
		return
	}
	c.Focus(f)
}

// Dialog makes a dialog usable from the keyboard: when it shows, the
// keyboard goes to its first field, Enter runs its default action and
// Escape closes it, whichever of its widgets has the keyboard (the
// widgets of this package pass those keys on). Closing it gives the keys
// back to what the window showed before.
type Dialog struct {
	win    fyne.Window
	d      dialog.Dialog
	first  fyne.Focusable
	submit func()
	before func(*fyne.KeyEvent) // the window's key handler while the dialog is closed
	open   bool
}

// NewDialog wraps d, shown over w. first is the field to type in (nil for
// none); submit is the default button's action (nil for none; it should
// do nothing while that button is disabled).
func NewDialog(w fyne.Window, d dialog.Dialog, first fyne.Focusable, submit func()) *Dialog {
	k := &Dialog{win: w, d: d, first: first, submit: submit}
	d.SetOnClosed(k.closed)
	return k
}

// Show shows the dialog with the keyboard in its first field.
func (k *Dialog) Show() {
	c := k.win.Canvas()
	if !k.open {
		k.before = c.OnTypedKey()
		c.SetOnTypedKey(k.typed)
		k.open = true
	}
	k.d.Show()
	if k.first != nil {
		c.Focus(k.first)
	}
}

// Hide closes the dialog.
func (k *Dialog) Hide() { k.d.Hide() }

func (k *Dialog) typed(ev *fyne.KeyEvent) {
	switch {
	case ev.Name == fyne.KeyEscape:
		k.d.Hide()
	case isEnter(ev) && k.submit != nil:
		k.submit()
	}
}

func (k *Dialog) closed() {
	if k.open {
		k.win.Canvas().SetOnTypedKey(k.before)
		k.open = false
	}
}

// Press runs the button's action if it is enabled: a default action for
// Enter that does what clicking the button would.
func (b *Button) Press() {
	if !b.Disabled() && b.OnTapped != nil {
		b.OnTapped()
	}
}

// NewMultiLineEntry is an empty Entry for several lines; Enter starts a
// new line, Escape reaches the window.
func NewMultiLineEntry() *Entry {
	e := NewEntry()
	e.MultiLine = true
	return e
}

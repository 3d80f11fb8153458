package kit

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// Radio is a choice of one option among a few, one under the other. Unlike
// Fyne's radio group it is one stop for Tab, the arrow keys move the
// choice, the keyboard's place is drawn behind the chosen option, Enter
// and Escape reach the window (the page's default button and Back), and
// long options wrap instead of widening the window.
type Radio struct {
	widget.BaseWidget
	Options  []string
	Selected string
	// OnChanged is told the option chosen, by a click, a key or
	// SetSelected.
	OnChanged func(string)

	focused  bool
	disabled bool
	renderer *radioRenderer // nil until drawn
}

// Disable stops clicks and keys from changing the choice, and greys it:
// for a choice that can no longer take effect.
func (r *Radio) Disable() { r.disabled = true; r.Refresh() }

// Enable lets the choice change again.
func (r *Radio) Enable() { r.disabled = false; r.Refresh() }

// Disabled reports whether the choice is locked.
func (r *Radio) Disabled() bool { return r.disabled }

// NewRadio is a choice among options, none chosen yet.
func NewRadio(options []string, changed func(string)) *Radio {
	r := &Radio{Options: options, OnChanged: changed}
	r.ExtendBaseWidget(r)
	return r
}

// SetSelected chooses option.
func (r *Radio) SetSelected(option string) {
	if r.Selected == option {
		return
	}
	r.Selected = option
	r.Refresh()
	if r.OnChanged != nil {
		r.OnChanged(option)
	}
}

// selectedIndex is the chosen option's place, -1 for none.
func (r *Radio) selectedIndex() int {
	for i, o := range r.Options {
		if o == r.Selected {
			return i
		}
	}
	return -1
}

// move chooses the option by places after the chosen one (before, when
// by is negative), staying within the options.
func (r *Radio) move(by int) {
	if len(r.Options) == 0 {
		return
	}
	i := min(max(r.selectedIndex()+by, 0), len(r.Options)-1)
	r.SetSelected(r.Options[i])
}

// Tapped chooses the option clicked, and takes the keyboard so the arrow
// keys go on from there.
func (r *Radio) Tapped(ev *fyne.PointEvent) {
	if r.disabled {
		return
	}
	if rr := r.renderer; rr != nil {
		for i, row := range rr.rows {
			if y := row.Position().Y; ev.Position.Y >= y && ev.Position.Y < y+row.Size().Height {
				r.SetSelected(r.Options[i])
				break
			}
		}
	}
	if app := fyne.CurrentApp(); app != nil {
		if c := app.Driver().CanvasForObject(r); c != nil {
			c.Focus(r)
		}
	}
}

// FocusGained draws the keyboard's place.
func (r *Radio) FocusGained() { r.focused = true; r.Refresh() }

// FocusLost stops drawing it.
func (r *Radio) FocusLost() { r.focused = false; r.Refresh() }

// TypedRune ignores letters.
func (r *Radio) TypedRune(rune) {}

// TypedKey moves the choice with the arrow keys and Space, and passes
// Enter and Escape to the window.
func (r *Radio) TypedKey(ev *fyne.KeyEvent) {
	if r.disabled && ev.Name != fyne.KeyReturn && ev.Name != fyne.KeyEnter && ev.Name != fyne.KeyEscape {
		return
	}
	switch ev.Name {
	case fyne.KeyUp, fyne.KeyLeft:
		r.move(-1)
	case fyne.KeyDown, fyne.KeyRight:
		r.move(1)
	case fyne.KeySpace:
		if r.Selected == "" {
			r.move(1)
		}
	case fyne.KeyReturn, fyne.KeyEnter, fyne.KeyEscape:
		toWindow(r, ev)
	}
}

// CreateRenderer draws the options.
func (r *Radio) CreateRenderer() fyne.WidgetRenderer {
	rr := &radioRenderer{r: r, box: container.NewVBox()}
	rr.Refresh()
	r.renderer = rr
	return rr
}

type radioRenderer struct {
	r     *Radio
	box   *fyne.Container
	rows  []*fyne.Container
	marks []*canvas.Rectangle // behind each option: the keyboard's place
	icons []*widget.Icon
	texts []*widget.Label
}

func (rr *radioRenderer) Layout(size fyne.Size)        { rr.box.Resize(size) }
func (rr *radioRenderer) MinSize() fyne.Size           { return rr.box.MinSize() }
func (rr *radioRenderer) Objects() []fyne.CanvasObject { return []fyne.CanvasObject{rr.box} }
func (rr *radioRenderer) Destroy()                     {}

func (rr *radioRenderer) Refresh() {
	for len(rr.rows) < len(rr.r.Options) {
		mark := canvas.NewRectangle(color.Transparent)
		icon := widget.NewIcon(theme.RadioButtonIcon())
		text := widget.NewLabel("")
		text.Wrapping = fyne.TextWrapWord
		row := container.NewStack(mark, container.NewBorder(nil, nil, icon, nil, text))
		rr.rows, rr.marks = append(rr.rows, row), append(rr.marks, mark)
		rr.icons, rr.texts = append(rr.icons, icon), append(rr.texts, text)
	}
	rr.rows, rr.marks = rr.rows[:len(rr.r.Options)], rr.marks[:len(rr.r.Options)]
	rr.icons, rr.texts = rr.icons[:len(rr.r.Options)], rr.texts[:len(rr.r.Options)]
	place := max(rr.r.selectedIndex(), 0)
	objects := make([]fyne.CanvasObject, len(rr.rows))
	for i, o := range rr.r.Options {
		rr.texts[i].Importance = widget.MediumImportance
		if rr.r.disabled {
			rr.texts[i].Importance = widget.LowImportance
		}
		rr.texts[i].SetText(o)
		rr.texts[i].Refresh()
		if o == rr.r.Selected {
			rr.icons[i].SetResource(theme.NewPrimaryThemedResource(theme.RadioButtonCheckedIcon()))
		} else {
			rr.icons[i].SetResource(theme.RadioButtonIcon())
		}
		rr.marks[i].FillColor = color.Transparent
		if rr.r.focused && i == place {
			rr.marks[i].FillColor = theme.Color(theme.ColorNameFocus)
		}
		rr.marks[i].CornerRadius = theme.InputRadiusSize()
		rr.marks[i].Refresh()
		objects[i] = rr.rows[i]
	}
	rr.box.Objects = objects
	rr.box.Refresh()
}

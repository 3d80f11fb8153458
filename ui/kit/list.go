package kit

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// List is a list that takes the keyboard as one Tab stop: the arrow keys
// move along its rows, and Enter or Space opens the row, as a click does.
type List struct{ widget.List }

// NewList is a List of length rows, made by create and filled by update.
func NewList(length func() int, create func() fyne.CanvasObject, update func(widget.ListItemID, fyne.CanvasObject)) *List {
	l := &List{}
	l.Length, l.CreateItem, l.UpdateItem = length, create, update
	l.ExtendBaseWidget(l)
	return l
}

// TypedKey opens the row the keyboard is on with Enter, as with Space.
func (l *List) TypedKey(ev *fyne.KeyEvent) {
	if isEnter(ev) {
		ev = &fyne.KeyEvent{Name: fyne.KeySpace, Physical: ev.Physical}
	}
	l.List.TypedKey(ev)
}

// Tick is a check box for a list row. It is clicked, not tabbed to: a
// check box in every row would make Tab stop at each row of a long list
// before it reaches the buttons.
type Tick struct {
	widget.BaseWidget
	Checked   bool
	OnChanged func(bool)
}

// NewTick is an unchecked Tick.
func NewTick(changed func(bool)) *Tick {
	t := &Tick{OnChanged: changed}
	t.ExtendBaseWidget(t)
	return t
}

// SetChecked checks or unchecks the box, telling OnChanged.
func (t *Tick) SetChecked(on bool) {
	if t.Checked == on {
		return
	}
	t.Checked = on
	t.Refresh()
	if t.OnChanged != nil {
		t.OnChanged(on)
	}
}

// Tapped toggles the box.
func (t *Tick) Tapped(*fyne.PointEvent) { t.SetChecked(!t.Checked) }

// CreateRenderer draws the box as Fyne's check box does.
func (t *Tick) CreateRenderer() fyne.WidgetRenderer {
	r := &tickRenderer{t: t, fill: widget.NewIcon(nil), mark: widget.NewIcon(nil)}
	r.Refresh()
	return r
}

type tickRenderer struct {
	t          *Tick
	fill, mark *widget.Icon
}

func (r *tickRenderer) Layout(size fyne.Size) {
	side := theme.IconInlineSize()
	for _, i := range []*widget.Icon{r.fill, r.mark} {
		i.Resize(fyne.NewSquareSize(side))
		i.Move(fyne.NewPos(theme.InnerPadding()/2, (size.Height-side)/2))
	}
}

func (r *tickRenderer) MinSize() fyne.Size {
	return fyne.NewSquareSize(theme.IconInlineSize() + theme.InnerPadding())
}

func (r *tickRenderer) Objects() []fyne.CanvasObject { return []fyne.CanvasObject{r.fill, r.mark} }
func (r *tickRenderer) Destroy()                     {}

func (r *tickRenderer) Refresh() {
	if r.t.Checked {
		r.fill.SetResource(theme.NewColoredResource(theme.CheckButtonFillIcon(), theme.ColorNameBackground))
		r.mark.SetResource(theme.NewPrimaryThemedResource(theme.CheckButtonCheckedIcon()))
		return
	}
	r.fill.SetResource(theme.NewColoredResource(theme.CheckButtonFillIcon(), theme.ColorNameInputBackground))
	r.mark.SetResource(theme.NewColoredResource(theme.CheckButtonIcon(), theme.ColorNameInputBorder))
}

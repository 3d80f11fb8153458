package kit

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
)

// TabPage is a tab's content: it fills the window's height when there is
// room, and scrolls as a whole when the window is shorter than it needs,
// as on a laptop at 150%, instead of making the window taller than the
// screen.
func TabPage(o fyne.CanvasObject) fyne.CanvasObject { return container.NewVScroll(o) }

// DialogSize is want, made smaller where the window is: a dialog larger
// than the window has its buttons off the screen on a laptop at 150%.
func DialogSize(w fyne.Window, want fyne.Size) fyne.Size {
	const margin = 32 // of the window left around the dialog
	room := w.Canvas().Size().SubtractWidthHeight(margin, margin)
	return want.Min(room).Max(fyne.NewSize(0, 0))
}

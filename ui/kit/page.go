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

// Package kit holds what the window's screens share: the smallest screen
// they must fit, and the keyboard handling of their dialogs and lists.
package kit

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
)

// Screen is a display the window must fit: its scale and the room a
// window's content gets on it, in Fyne's logical units (pixels divided by
// the scale), once the taskbar, the title bar and the window's frame have
// taken theirs.
type Screen struct {
	Scale    float32
	WorkArea fyne.Size
}

// The laptop screen the window must fit: 1366×768 pixels, still common on
// office laptops, often set to 125% or 150%.
const (
	laptopWidth, laptopHeight = 1366, 768
	// frameWidth is the window frame's share of the width, in pixels;
	// taskbarHeight the taskbar's (40 at 100%, which Windows does not
	// scale down) and titleHeight the title bar's, in logical units.
	frameWidth    = 25
	taskbarHeight = 48
	titleHeight   = 48
	// menuBarHeight is the room the window's menu bar takes from its
	// content, in logical units: Fyne draws it inside the window on
	// Windows and Linux.
	menuBarHeight = 36
)

// Laptops are that screen at the scales Windows offers for it.
var Laptops = []Screen{laptop(1), laptop(1.25), laptop(1.5)}

func laptop(scale float32) Screen {
	return Screen{Scale: scale, WorkArea: fyne.NewSize(
		(laptopWidth-frameWidth)/scale, (laptopHeight-taskbarHeight)/scale-titleHeight)}
}

// SmallestWorkArea is the least room any screen of Laptops gives.
func SmallestWorkArea() fyne.Size {
	least := Laptops[0].WorkArea
	for _, s := range Laptops[1:] {
		least = least.Min(s.WorkArea)
	}
	return least
}

// FirstWindowSize is the window's size when it opens. Fyne does not say
// how large the screen is before the window shows, so it is the least
// room a common laptop gives; the window can be made larger by hand.
func FirstWindowSize() fyne.Size {
	least := SmallestWorkArea()
	return fyne.NewSize(float32(int(least.Width)), float32(int(least.Height)))
}

// ContentArea is the room the window's content gets in the work area,
// below the menu bar.
func (s Screen) ContentArea() fyne.Size {
	return s.WorkArea.SubtractWidthHeight(0, menuBarHeight)
}

// FitsContent reports whether content that needs size fits the window on
// this screen, below the menu bar and inside the window's padding.
func (s Screen) FitsContent(size fyne.Size) bool {
	size = size.AddWidthHeight(2*theme.Padding(), 2*theme.Padding())
	area := s.ContentArea()
	return size.Width <= area.Width && size.Height <= area.Height
}

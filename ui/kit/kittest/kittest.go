// Package kittest checks in tests that the window's screens fit the
// laptop screens of package kit, and works them from the keyboard.
package kittest

import (
	"image/color"
	"math"
	"testing"

	"fyne.io/fyne/v2"

	"github.com/entra-wizard/entra-wizard/ui/kit"
)

// AssertFits fails the test for each laptop screen on which what, shown
// as the window's content, would make the window larger than the screen.
func AssertFits(t testing.TB, what string, content fyne.CanvasObject) {
	t.Helper()
	min := content.MinSize()
	for _, s := range kit.Laptops {
		if !s.FitsContent(min) {
			area := s.ContentArea()
			t.Errorf("%s needs %.0f×%.0f; at %.0f%% the window has room for %.0f×%.0f",
				what, min.Width, min.Height, s.Scale*100, area.Width, area.Height)
		}
	}
}

// PressKey sends a key the way the window does: to the widget that has
// the keyboard, or else to the window's own handler.
func PressKey(c fyne.Canvas, name fyne.KeyName) {
	ev := &fyne.KeyEvent{Name: name}
	if f := c.Focused(); f != nil {
		f.TypedKey(ev)
	} else if h := c.OnTypedKey(); h != nil {
		h(ev)
	}
}

// TypeText types text into the widget that has the keyboard, failing the
// test when none has.
func TypeText(t testing.TB, c fyne.Canvas, text string) {
	t.Helper()
	f := c.Focused()
	if f == nil {
		t.Fatalf("typing %q: nothing has the keyboard", text)
	}
	for _, r := range text {
		f.TypedRune(r)
	}
}

// Contrast is the WCAG contrast ratio of two colours.
func Contrast(a, b color.Color) float64 {
	la, lb := luminance(a), luminance(b)
	if la < lb {
		la, lb = lb, la
	}
	return (la + 0.05) / (lb + 0.05)
}

// luminance is a colour's relative luminance (WCAG 2).
func luminance(c color.Color) float64 {
	r, g, b, _ := c.RGBA()
	lin := func(v uint32) float64 {
		s := float64(v) / 0xffff
		if s <= 0.03928 {
			return s / 12.92
		}
		return math.Pow((s+0.055)/1.055, 2.4)
	}
	return 0.2126*lin(r) + 0.7152*lin(g) + 0.0722*lin(b)
}

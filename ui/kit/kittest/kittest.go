// Package kittest checks in tests that the window's screens fit the
// laptop screens of package kit.
package kittest

import (
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

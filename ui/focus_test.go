package ui

import (
	"image/color"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/entra-wizard/entra-wizard/ui/kit/kittest"
)

// TestFocusShowsOnTheDefaultButton draws a blue default button, as Start
// and Save are, with and without the keyboard, in the window's theme (light
// and dark): the focused button's colour differs from the plain one by at
// least 1.3:1 in luminance (a darker blue in the light theme, a lighter one
// in the dark), where Fyne's own focus tint, 1.01:1, is lost on the blue.
func TestFocusShowsOnTheDefaultButton(t *testing.T) {
	app := test.NewTempApp(t)
	app.Settings().SetTheme(theme.DefaultTheme()) // as a program starts
	_, store := appTenant(t)
	New(app, Deps{Store: store})
	windowTheme := app.Settings().Theme()
	for _, variant := range []fyne.ThemeVariant{theme.VariantLight, theme.VariantDark} {
		test.ApplyTheme(t, variantTheme{windowTheme, variant})
		b := widget.NewButton("Start", nil)
		b.Importance = widget.HighImportance
		w := test.NewTempWindow(t, b)
		w.Resize(fyne.NewSize(200, 80))
		at := func() color.Color {
			pos := fyne.CurrentApp().Driver().AbsolutePositionForObject(b)
			img := w.Canvas().Capture()
			scale := float32(img.Bounds().Dx()) / w.Canvas().Size().Width
			return img.At(int((pos.X+6)*scale), int((pos.Y+b.Size().Height/2)*scale))
		}
		plain := at()
		w.Canvas().Focus(b)
		focused := at()
		if r := kittest.Contrast(plain, focused); r < 1.3 {
			t.Errorf("variant %d: the focused default button is %v, the plain one %v: %.2f:1 apart, want 1.3:1", variant, focused, plain, r)
		}
	}
}

// variantTheme is a theme held to one variant.
type variantTheme struct {
	fyne.Theme
	v fyne.ThemeVariant
}

func (t variantTheme) Color(n fyne.ThemeColorName, _ fyne.ThemeVariant) color.Color {
	return t.Theme.Color(n, t.v)
}

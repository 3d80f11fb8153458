package kit

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
)

// Theme is Fyne's theme, light or dark as the system is, with a focus
// colour that shows: Fyne's own is a light tint of the primary blue, which
// vanishes on the blue default buttons and is faint behind radios. Here it
// is the text colour, half transparent: a clearly darker (or, in the dark
// variant, lighter) shade over any button or background.
func Theme() fyne.Theme { return focusTheme{theme.DefaultTheme()} }

type focusTheme struct{ fyne.Theme }

// focusAlpha is how much of the text colour the focus shade takes.
const focusAlpha = 0x80

func (t focusTheme) Color(name fyne.ThemeColorName, v fyne.ThemeVariant) color.Color {
	if name == theme.ColorNameFocus {
		r, g, b, _ := t.Theme.Color(theme.ColorNameForeground, v).RGBA()
		return color.NRGBA{R: uint8(r >> 8), G: uint8(g >> 8), B: uint8(b >> 8), A: focusAlpha}
	}
	return t.Theme.Color(name, v)
}

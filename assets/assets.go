// Package assets holds the program's bundled files: the app icon, drawn as an
// SVG (icon.svg) with PNG renderings of it (made by scripts/icon-png.sh):
// icon.png for desktop packages, icon-256.png for the window.
package assets

import (
	_ "embed"

	"fyne.io/fyne/v2"
)

//go:embed icon.svg
var iconSVG []byte

// Icon is the app icon: a key with a green check on a blue tile.
var Icon fyne.Resource = fyne.NewStaticResource("icon.svg", iconSVG)

//go:embed icon-256.png
var windowIconPNG []byte

// WindowIcon is Icon rendered at 256 pixels, the size Fyne gives a window's
// icon. Fyne would draw the SVG at that size before showing the window,
// which takes longer than anything else the app does before its window
// appears; decoding this PNG takes a few milliseconds.
var WindowIcon fyne.Resource = fyne.NewStaticResource("icon-256.png", windowIconPNG)

// Package assets holds the program's bundled files: the app icon, drawn as an
// SVG (icon.svg) with a PNG rendering of it (icon.png, made by
// scripts/icon-png.sh) for desktop packages.
package assets

import (
	_ "embed"

	"fyne.io/fyne/v2"
)

//go:embed icon.svg
var iconSVG []byte

// Icon is the app icon: a key with a green check on a blue tile.
var Icon fyne.Resource = fyne.NewStaticResource("icon.svg", iconSVG)

#!/usr/bin/env bash
# Renders the app icon (assets/icon.svg) to assets/icon.png, the raster form
# that "fyne package" and FyneApp.toml use, and to assets/icon-256.png, the
# window's icon (ready-made, so that starting the app does not spend a
# quarter of a second drawing the SVG). Run it after editing the SVG.
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v convert >/dev/null; then
	echo "icon-png: ImageMagick's convert is missing: sudo apt-get install imagemagick" >&2
	exit 1
fi
convert -background none -density 192 assets/icon.svg -depth 8 -strip PNG32:assets/icon.png
convert assets/icon.png -filter Lanczos -resize 256x256 -depth 8 -strip PNG32:assets/icon-256.png
echo "icon-png: wrote assets/icon.png and assets/icon-256.png"

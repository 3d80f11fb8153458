#!/usr/bin/env bash
# Renders the app icon (assets/icon.svg) to assets/icon.png, the raster form
# that "fyne package" and FyneApp.toml use. Run it after editing the SVG.
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v convert >/dev/null; then
	echo "icon-png: ImageMagick's convert is missing: sudo apt-get install imagemagick" >&2
	exit 1
fi
convert -background none -density 192 assets/icon.svg -depth 8 -strip PNG32:assets/icon.png
echo "icon-png: wrote assets/icon.png"

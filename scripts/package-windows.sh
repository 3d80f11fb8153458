#!/usr/bin/env bash
# Packs a built entra-wizard.exe into a zip and a per-user MSI in DIST.
#
#   scripts/package-windows.sh EXE DIST
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/version.sh
exe=$1 dist=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
name=entra-wizard-$VERSION-windows-amd64

mkdir -p "$work/$name"
cp "$exe" "$work/$name/entra-wizard.exe"
sed 's/$/\r/' packaging/windows/README.txt >"$work/$name/README.txt"
(cd "$work" && zip -q -9 -r "$OLDPWD/$dist/$name.zip" "$name")

# wixl wants x.y.z; a pre-release build gets the numbers of its base version.
# wixl finds the files by paths relative to where it runs.
sed -e "s/@MSIVERSION@/$NUMERIC/" -e "s/@VERSION@/$VERSION/" -e "s#@EXE@#$name/entra-wizard.exe#g" -e "s#@ICON@#entra-wizard.ico#g" \
	packaging/windows/entra-wizard.wxs >"$work/entra-wizard.wxs"
# The icon of the Start-menu shortcut and of Settings > Apps: an .ico, not
# the program (an Icon entry holds a copy of its whole source file).
convert assets/icon.png -define icon:auto-resize=256,64,48,32,16 "$work/entra-wizard.ico"
msi=$(realpath "$dist")/$name.msi
(cd "$work" && wixl -a x64 -o "$msi" entra-wizard.wxs)

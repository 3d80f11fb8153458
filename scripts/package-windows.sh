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
sed -e "s/@MSIVERSION@/$NUMERIC/" -e "s/@VERSION@/$VERSION/" -e "s#@EXE@#$work/$name/entra-wizard.exe#g" \
	packaging/windows/entra-wizard.wxs >"$work/entra-wizard.wxs"
wixl -a x64 -o "$dist/$name.msi" "$work/entra-wizard.wxs"

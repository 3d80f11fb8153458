#!/usr/bin/env bash
# Writes the Windows resources of entra-wizard.exe (the icon, the manifest
# declaring DPI awareness and Windows 10/11, and the version information) to
# zz_resources_windows_amd64.syso at the repository root, where go build links
# it into Windows builds only. Needs mingw's windres and ImageMagick.
#
#   scripts/windows-resources.sh
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/version.sh
for tool in x86_64-w64-mingw32-windres convert; do
	command -v "$tool" >/dev/null 2>&1 || {
		echo "windows-resources: $tool is missing: apt-get install gcc-mingw-w64-x86-64 imagemagick" >&2
		exit 1
	}
done
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
IFS=. read -r major minor patch _ <<<"$NUMERIC.0.0"
comma="${major:-0},${minor:-0},${patch:-0},0"
convert assets/icon.png -define icon:auto-resize=256,128,64,48,32,24,16 "$work/entra-wizard.ico"
sed "s/@VERSION4@/${major:-0}.${minor:-0}.${patch:-0}.0/" packaging/windows/entra-wizard.manifest >"$work/entra-wizard.manifest"
sed -e "s/@VERSIONCOMMA@/$comma/" -e "s/@VERSION@/$VERSION/" packaging/windows/entra-wizard.rc >"$work/entra-wizard.rc"
x86_64-w64-mingw32-windres --input-format=rc --output-format=coff -I "$work" \
	-i "$work/entra-wizard.rc" -o zz_resources_windows_amd64.syso
echo "windows-resources: zz_resources_windows_amd64.syso for $VERSION" >&2

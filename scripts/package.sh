#!/usr/bin/env bash
# Builds the release artifacts into dist/, named with the version
# (scripts/version.sh), and writes dist/SHA256SUMS:
#
#   entra-wizard-VERSION-windows-amd64.zip   entra-wizard.exe (GUI program with
#                                            icon, version info and manifest)
#   entra-wizard-VERSION-windows-amd64.msi   per-user installer, Start-menu shortcut
#   entra-wizard_NUMERIC~..._amd64.deb       Debian and Ubuntu package
#   entra-wizard-VERSION-linux-amd64.tar.xz  other Linux systems: make install
#
#   scripts/package.sh [linux|windows]...    (default: both)
#
# The Windows build cross-compiles with mingw-w64 (the first build compiles
# go-gl's C code for Windows and takes long; later ones use Go's cache).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib.sh
source scripts/version.sh
use_go
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(linux windows)

need_packages "${BUILD_PACKAGES[@]}" imagemagick xz-utils zip dpkg-dev desktop-file-utils
for t in "${targets[@]}"; do
	[ "$t" = windows ] && need_packages gcc-mingw-w64-x86-64 msitools wixl
done

dist=dist
rm -rf "$dist"
mkdir -p "$dist"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
say "package: version $VERSION ($COMMIT)"

timed() {
	local what=$1 started=$SECONDS
	shift
	"$@"
	say "package: $what took $((SECONDS - started)) s"
}

build_linux() {
	timed "the Linux build" go build -trimpath -ldflags "$LDFLAGS" -o "$work/linux/entra-wizard" .
	scripts/package-linux.sh "$work/linux/entra-wizard" "$dist"
}

build_windows() {
	scripts/windows-resources.sh
	timed "the Windows build" env CGO_ENABLED=1 GOOS=windows GOARCH=amd64 CC=x86_64-w64-mingw32-gcc \
		go build -trimpath -ldflags "$LDFLAGS -H windowsgui" -o "$work/windows/entra-wizard.exe" .
	scripts/package-windows.sh "$work/windows/entra-wizard.exe" "$dist"
}

for t in "${targets[@]}"; do
	case $t in
	linux) build_linux ;;
	windows) build_windows ;;
	*)
		say "package: unknown target $t (linux or windows)"
		exit 2
		;;
	esac
done

(cd "$dist" && sha256sum -- * >SHA256SUMS)
say "package: in $dist/:"
(cd "$dist" && ls -l --block-size=K -- *) >&2

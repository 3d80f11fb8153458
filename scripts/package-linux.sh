#!/usr/bin/env bash
# Packs a built Linux binary into a .deb and a .tar.xz in DIST.
#
#   scripts/package-linux.sh BINARY DIST
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/version.sh
bin=$1 dist=$2
appid=io.github.entra_wizard.entra_wizard
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# The files both packages install, under a prefix.
stage() {
	local root=$1
	install -Dm755 "$bin" "$root/bin/entra-wizard"
	install -Dm644 "packaging/linux/$appid.desktop" "$root/share/applications/$appid.desktop"
	install -Dm644 assets/icon.png "$root/share/icons/hicolor/512x512/apps/$appid.png"
	desktop-file-validate "$root/share/applications/$appid.desktop"
}

# The .deb: its library dependencies are the Debian packages that hold the
# shared libraries the binary links (dpkg-shlibdeps).
deb=$work/deb
stage "$deb/usr"
mkdir -p "$deb/DEBIAN" "$deb/usr/share/doc/entra-wizard" "$work/shlibs/debian"
cp README.md "$deb/usr/share/doc/entra-wizard/README.md"
printf 'Source: entra-wizard\n\nPackage: entra-wizard\nArchitecture: amd64\n' >"$work/shlibs/debian/control"
depends=$(cd "$work/shlibs" && dpkg-shlibdeps -O "$deb/usr/bin/entra-wizard" 2>/dev/null | sed -n 's/^shlibs:Depends=//p')
[ -n "$depends" ] || {
	echo "package-linux: could not work out the library dependencies" >&2
	exit 1
}
debversion="$NUMERIC~${VERSION#v$NUMERIC}"
debversion=${debversion%\~}
debversion=${debversion//-/.}
cat >"$deb/DEBIAN/control" <<CONTROL
Package: entra-wizard
Version: $debversion
Architecture: amd64
Maintainer: Entra Setup Wizard <entra-wizard@users.noreply.github.com>
Depends: $depends
Recommends: gnome-keyring, xdg-utils
Section: admin
Priority: optional
Homepage: https://github.com/entra-wizard/entra-wizard
Installed-Size: $(du -sk "$deb/usr" | cut -f1)
Description: connect an app to Microsoft Entra ID, then manage users and groups
 Entra Setup Wizard walks an administrator through registering an app in
 Microsoft Entra ID, tests the connection in plain words, keeps the secret in
 the system keychain (Secret Service), and manages the tenant's users and
 groups. It includes a demo tenant: entra-wizard --demo.
CONTROL
dpkg-deb --root-owner-group -Zxz --build "$deb" "$dist/entra-wizard_${debversion}_amd64.deb" >/dev/null

# The .tar.xz: the same files and a Makefile that installs them for the user
# (make install, PREFIX=~/.local by default) or system-wide.
name=entra-wizard-$VERSION-linux-amd64
stage "$work/$name"
install -Dm644 packaging/linux/Makefile "$work/$name/Makefile"
install -Dm644 packaging/linux/README.txt "$work/$name/README.txt"
tar -C "$work" --owner=0 --group=0 -cJf "$dist/$name.tar.xz" "$name"

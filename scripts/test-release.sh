#!/usr/bin/env bash
# The release checks, after "make test" (.ci/run runs both). Ends with one
# line: "make test-release: N passed, N failed".
#
#   package   make package: the Linux and Windows builds, zip, MSI, .deb, .tar.xz
#   exe       the .exe is a GUI program with icon, version info and manifest
#   msi       msiinfo: per-user install, the program file, a Start-menu shortcut
#   deb       dpkg -i (as root in CI) or unpacked into a scratch root; the
#             installed --version, its .desktop entry, its dependencies
#   tarball   make install PREFIX=<scratch>/.local, --version, make uninstall
#   wine      the Windows build under Wine (scripts/wine-smoke.sh): the command
#             line round trip against the demo tenant, the Credential Manager
#             with a refresh token over 2,560 bytes, the MSI installed and
#             uninstalled, and the window on Xvfb
set -uo pipefail
cd "$(dirname "$0")/.."
source scripts/lib.sh

passed=0 failed=0 failures=()
step() {
	local name=$1 started=$SECONDS
	shift
	say "" && say "==> $name"
	if "$@"; then
		passed=$((passed + 1)) && say "--> $name passed ($((SECONDS - started)) s)"
	else
		failed=$((failed + 1)) && failures+=("$name") && say "--> $name FAILED ($((SECONDS - started)) s)"
	fi
}

use_go || exit 1
need_packages wine wine64 xvfb xdotool imagemagick msitools wixl gcc-mingw-w64-x86-64 dpkg-dev desktop-file-utils xz-utils zip ||
	say "Going on without them: the checks that need them will fail."
source scripts/version.sh

artifact() { ls dist/$1 2>/dev/null | head -n1; }

# has PATTERN: grep that reads all of its input. "cmd | grep -q" can fail
# under pipefail when grep stops early and cmd gets SIGPIPE.
has() { grep "$@" >/dev/null; }

check_exe() {
	local exe
	exe=$(mktemp -d) && unzip -q "$(artifact '*-windows-amd64.zip')" -d "$exe" || return 1
	exe=$(echo "$exe"/*/entra-wizard.exe)
	x86_64-w64-mingw32-objdump -p "$exe" | has 'Subsystem.*(Windows GUI)' || { say "exe: not a GUI-subsystem program"; return 1; }
	x86_64-w64-mingw32-objdump -h "$exe" | has '\.rsrc' || { say "exe: no resources"; return 1; }
	for want in PerMonitorV2 8e0f7a12-bfb3-4fe8-b9a5-48fd50a15a9a asInvoker; do
		grep -qa "$want" "$exe" || { say "exe: the manifest lacks $want"; return 1; }
	done
	strings -el "$exe" | has -x "$VERSION" || { say "exe: the version info lacks $VERSION"; return 1; }
	say "exe: GUI subsystem, icon, manifest (DPI aware, Windows 10/11) and version $VERSION"
}

check_msi() {
	local msi
	msi=$(artifact '*.msi')
	[ -n "$msi" ] || return 1
	msiinfo suminfo "$msi" | has 'Source: 10' || { say "msi: not marked as needing no elevation"; return 1; }
	msiinfo export "$msi" Property | has -P '^MSIINSTALLPERUSER\t1' || return 1
	msiinfo export "$msi" File | has 'entra-wizard.exe' || { say "msi: the program is missing"; return 1; }
	msiinfo export "$msi" Shortcut | has 'ProgramMenuFolder' || { say "msi: no Start-menu shortcut"; return 1; }
	msiinfo export "$msi" Directory | has 'LocalAppDataFolder' || { say "msi: not installed under the user's folder"; return 1; }
	say "msi: per user, no elevation, entra-wizard.exe under LocalAppData, Start-menu shortcut"
}

check_deb() {
	local deb root bin
	deb=$(artifact '*.deb')
	[ -n "$deb" ] || return 1
	dpkg-deb -f "$deb" Depends | has 'libgl1' || { say "deb: Depends lacks libgl1"; return 1; }
	dpkg-deb -f "$deb" Recommends | has 'gnome-keyring' || return 1
	if [ "$(id -u)" -eq 0 ] && [ "${CI:-}" = true ]; then
		dpkg -i "$deb" >/dev/null || return 1
		bin=/usr/bin/entra-wizard root=
	else
		root=$(mktemp -d) && dpkg-deb -x "$deb" "$root" || return 1
		bin=$root/usr/bin/entra-wizard
	fi
	desktop-file-validate "$root/usr/share/applications/io.github.entra_wizard.entra_wizard.desktop" || return 1
	local version
	version=$("$bin" --version) || return 1
	say "$version"
	[ "$(head -n1 <<<"$version")" = "Entra Setup Wizard $VERSION" ] || { say "deb: the installed program is not $VERSION"; return 1; }
	[ -n "$root" ] || dpkg -r entra-wizard >/dev/null
}

check_tarball() {
	local dir home left
	dir=$(mktemp -d) home=$(mktemp -d)
	tar -C "$dir" -xJf "$(artifact '*-linux-amd64.tar.xz')" || return 1
	make -s -C "$dir"/entra-wizard-* install PREFIX="$home/.local" >/dev/null || return 1
	local version
	version=$("$home/.local/bin/entra-wizard" --version) || return 1
	[ "$(head -n1 <<<"$version")" = "Entra Setup Wizard $VERSION" ] || { say "tarball: the installed program is not $VERSION"; return 1; }
	desktop-file-validate "$home/.local/share/applications/io.github.entra_wizard.entra_wizard.desktop" || return 1
	make -s -C "$dir"/entra-wizard-* uninstall PREFIX="$home/.local" >/dev/null || return 1
	# mimeinfo.cache is the menu's index of every app in that folder, kept
	# up to date by update-desktop-database, not a file of this program.
	left=$(find "$home/.local" -type f ! -name mimeinfo.cache)
	[ -z "$left" ] || { say "tarball: uninstall left $left"; return 1; }
}

check_wine() {
	local dir
	dir=$(mktemp -d) && unzip -q "$(artifact '*-windows-amd64.zip')" -d "$dir" || return 1
	scripts/wine-smoke.sh "$(echo "$dir"/*/entra-wizard.exe)" "$(artifact '*.msi')"
}

step package scripts/package.sh
step exe check_exe
step msi check_msi
step deb check_deb
step tarball check_tarball
step wine check_wine
[ ${#failures[@]} -gt 0 ] && say "Failed: ${failures[*]}"
echo "make test-release: $passed passed, $failed failed"
[ "$failed" -eq 0 ]

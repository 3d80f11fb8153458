#!/usr/bin/env bash
# Runs the Windows build under Wine in a throwaway Wine prefix and virtual
# display: the command line round trip against the demo tenant with secrets
# in Wine's Credential Manager (output to a pipe and to a console), the
# keystore tests compiled for Windows (a refresh token over 2,560 bytes saved
# in chunks, read back and removed; the settings file replaced while another
# process holds it open), the window, checked by a non-blank screenshot, and,
# given the MSI, its install for the user, the installed program, and its
# uninstall.
#
#   scripts/wine-smoke.sh ENTRA-WIZARD.EXE [ENTRA-WIZARD.MSI]
#
# Two stand-ins make Wine 8 fit: Go 1.26 programs need ProcessPrng from
# bcryptprimitives.dll, which Windows 10 and later have and Wine 8 lacks, so a
# tiny DLL built with mingw provides it; and Wine's server starts after the
# display is set, or the window cannot open.
set -euo pipefail
exe=$(realpath "$1")
msi=${2:+$(realpath "$2")}
cd "$(dirname "$0")/.."
export LANG=C.UTF-8 LANGUAGE=en
work=$(mktemp -d)
xvfb_pid='' tenant_pid=''
cleanup() {
	[ -n "$tenant_pid" ] && kill "$tenant_pid" 2>/dev/null
	WINEPREFIX=$work/prefix wineserver -k 2>/dev/null || true
	[ -n "$xvfb_pid" ] && kill "$xvfb_pid" 2>/dev/null
	rm -rf "$work"
}
trap cleanup EXIT
fail() {
	echo "wine: $*" >&2
	exit 1
}

Xvfb -displayfd 3 -noreset -screen 0 1280x900x24 -nolisten tcp 3>"$work/display" 2>"$work/xvfb.log" &
xvfb_pid=$!
for _ in $(seq 100); do [ -s "$work/display" ] && break; sleep 0.1; done
[ -s "$work/display" ] || fail "Xvfb did not start"
export DISPLAY=":$(head -n1 "$work/display")" WINEPREFIX=$work/prefix WINEDEBUG=-all WINEARCH=win64
export WINEDLLOVERRIDES="bcryptprimitives=n;mscoree,mshtml="

cat >"$work/prng.c" <<'C'
#include <windows.h>
BOOLEAN WINAPI SystemFunction036(PVOID buffer, ULONG length);
/* ProcessPrng as in Windows 10's bcryptprimitives.dll, over RtlGenRandom. */
__declspec(dllexport) BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T length) {
	while (length > 0) {
		ULONG n = length > 0x10000000 ? 0x10000000 : (ULONG)length;
		if (!SystemFunction036(data, n)) return FALSE;
		data += n;
		length -= n;
	}
	return TRUE;
}
C
x86_64-w64-mingw32-gcc -shared -O2 -o "$work/bcryptprimitives.dll" "$work/prng.c" -ladvapi32
started=$SECONDS
wineboot -i >/dev/null 2>&1 || true
wineserver -w
cp "$work/bcryptprimitives.dll" "$WINEPREFIX/drive_c/windows/system32/"
echo "wine: prefix ready in $((SECONDS - started)) s"
cp "$exe" "$work/entra-wizard.exe"
app() { wine "$work/entra-wizard.exe" "$@"; }

# --version from a pipe.
app --version | tee "$work/version.txt" | head -n1 | grep -q '^Entra Setup Wizard v' || fail "--version printed: $(cat "$work/version.txt")"

# The demo tenant, then connect, status and export against it.
export ENTRA_WIZARD_CONFIG_DIR='C:\entra-wizard-test'
app demo-tenant --addr 127.0.0.1:0 >"$work/tenant.json" 2>"$work/tenant.log" &
tenant_pid=$!
for _ in $(seq 300); do [ -s "$work/tenant.json" ] && break; sleep 0.2; done
[ -s "$work/tenant.json" ] || fail "the demo tenant did not start: $(cat "$work/tenant.log")"
field() { sed -n "s/.*\"$1\":\"\([^\"]*\)\".*/\1/p" "$work/tenant.json"; }
printf '%s' "$(field clientSecret)" | app connect --name wine-demo --tenant "$(field tenantId)" \
	--client-id "$(field clientId)" --client-secret-stdin --authority "$(field authority)" \
	--graph "$(field graph)" --json >"$work/connect.json" || fail "connect failed: $(cat "$work/connect.json")"
grep -q '"ok": true' "$work/connect.json" || fail "connect did not pass: $(cat "$work/connect.json")"
echo "wine: connect saved the connection, secret in the Credential Manager"

# status --json through a pipe...
app status --json | cat >"$work/status-pipe.json"
grep -q '"name": "wine-demo"' "$work/status-pipe.json" && grep -q '"ok": true' "$work/status-pipe.json" ||
	fail "status --json through a pipe printed: $(cat "$work/status-pipe.json")"
echo "wine: status --json reached a pipe"
# ...and to a console: cmd.exe on a terminal starts the GUI program, which
# has no console until it attaches to cmd's.
# (Not "wineserver -w" after it: the demo tenant is a Wine process too.)
script -qec "wine cmd /c \"$(winepath -w "$work/entra-wizard.exe")\" status --json" "$work/console.log" >/dev/null 2>&1 || true
for _ in $(seq 50); do grep -q '"ok"' "$work/console.log" && break; sleep 0.2; done
grep -q '"name": "wine-demo"' "$work/console.log" || fail "status --json did not reach the console: $(tr -d '\r' <"$work/console.log" | head -c 600)"
echo "wine: status --json reached the console of cmd.exe"

app export users --name wine-demo --output 'C:\users.csv' || fail "export failed"
lines=$(wc -l <"$WINEPREFIX/drive_c/users.csv")
[ "$lines" -gt 100 ] || fail "export wrote $lines lines"
echo "wine: export wrote $lines lines of users"

# The keystore's own tests, compiled for Windows: Credential Manager round
# trips with chunked values, and saving settings while they are held open.
CGO_ENABLED=0 GOOS=windows GOARCH=amd64 go test -c -o "$work/keystore.test.exe" ./keystore/
tests='TestSystemKeyringRoundTrip|TestBrowserConnectionKeepsRotatedRefreshToken|TestSaveReplacesSettingsWhileAnotherReaderHoldsThem|TestReadingSettingsNeverBlocksASave'
CI=true wine "$work/keystore.test.exe" -test.v -test.run "^($tests)\$" >"$work/keystore.log" 2>&1 || true
# Wine 8 lacks FileDispositionInformationEx, which Go 1.26's os.RemoveAll
# uses (Windows 10 has it since 1607), so t.TempDir's cleanup reports
# "Invalid function" after a test has done its work. That report is let
# through; any other complaint, a panic or a test that did not run fails.
complaints=$(grep -E '^\s+\S+\.go:[0-9]+: |^panic' "$work/keystore.log" | grep -v 'TempDir RemoveAll cleanup: .*Invalid function' || true)
[ -z "$complaints" ] || fail "the keystore tests failed under Wine: $(tail -n 30 "$work/keystore.log")"
for t in ${tests//|/ }; do
	grep -qE -- "^--- (PASS|FAIL): $t " "$work/keystore.log" || fail "the keystore test $t did not run: $(tail -n 30 "$work/keystore.log")"
done
echo "wine: 4 keystore tests passed against the Credential Manager (chunked refresh token, settings replaced while held open)"

# The installer: per user, with no elevation, and an uninstall that leaves
# nothing of the program behind.
if [ -n "$msi" ]; then
	wine msiexec /i "$(winepath -w "$msi")" /qn || fail "msiexec /i failed"
	installed=$(echo "$WINEPREFIX"/drive_c/users/*/AppData/Local/Programs/"Entra Setup Wizard"/entra-wizard.exe)
	[ -f "$installed" ] || fail "the MSI did not install entra-wizard.exe under the user's AppData\\Local\\Programs"
	ls "$WINEPREFIX"/drive_c/users/*/AppData/Roaming/Microsoft/Windows/"Start Menu"/Programs/"Entra Setup Wizard.lnk" >/dev/null ||
		fail "the MSI made no Start-menu shortcut"
	wine "$installed" --version | head -n1 | grep -q '^Entra Setup Wizard v' || fail "the installed program did not start"
	wine msiexec /x "$(winepath -w "$msi")" /qn || fail "msiexec /x failed"
	left=$(find "$WINEPREFIX/drive_c/users" -iname '*entra setup wizard*' -o -iname 'entra-wizard.exe')
	[ -z "$left" ] || fail "the uninstall left: $left"
	! wine reg query 'HKCU\Software\Entra Setup Wizard' >/dev/null 2>&1 || fail "the uninstall left its registry key"
	echo "wine: the MSI installed for the user with a Start-menu shortcut, the installed program ran, the uninstall removed it all"
fi

# The window.
ENTRA_WIZARD_CONFIG_DIR='C:\entra-wizard-gui' app --demo >"$work/gui.log" 2>&1 &
wid=$(timeout 120 xdotool search --sync --onlyvisible --name 'Entra Setup Wizard' 2>/dev/null | tail -n1) ||
	fail "no window appeared within 120 seconds: $(tail -n 20 "$work/gui.log")"
colours=0
for _ in $(seq 60); do
	import -display "$DISPLAY" -window root "$work/screen.png" 2>/dev/null && colours=$(identify -format '%k' "$work/screen.png")
	[ "$colours" -gt 16 ] && break
	sleep 0.5
done
[ "$colours" -gt 16 ] || fail "the window stayed blank ($colours colours)"
echo "wine: the window is on screen, the screenshot shows $colours colours"
[ -z "${WINE_SMOKE_SCREENSHOT:-}" ] || cp "$work/screen.png" "$WINE_SMOKE_SCREENSHOT"

#!/usr/bin/env bash
# Starts the app on the demo tenant in a virtual display (Xvfb), waits until
# its window is on screen, takes a screenshot, checks the picture is not
# blank, and stops the app. It tests the real window: the binary as built,
# its OpenGL drawing, and its clean exit on SIGTERM; and first, that without
# a display it says so plainly instead of opening a window.
#
#   scripts/window-smoke.sh BINARY [WINDOW.png]
#
# With WINDOW.png it also saves a picture of the window alone there.
set -euo pipefail
if [ $# -lt 1 ]; then
	echo "usage: scripts/window-smoke.sh BINARY [WINDOW.png]" >&2
	exit 2
fi
bin=$1
window_png=${2:-}
for tool in Xvfb xdotool import identify; do
	if ! command -v "$tool" >/dev/null 2>&1; then
		echo "window: $tool is missing: apt-get install xvfb xdotool imagemagick" >&2
		exit 1
	fi
done
export LANG=C.UTF-8 LANGUAGE=${LANGUAGE:-en}

work=$(mktemp -d)
xvfb_pid='' app_pid=''
cleanup() {
	[ -n "$app_pid" ] && kill -KILL "$app_pid" 2>/dev/null
	[ -n "$xvfb_pid" ] && kill "$xvfb_pid" 2>/dev/null
	rm -rf "$work"
}
trap cleanup EXIT
fail() {
	echo "window: $*" >&2
	if [ -s "$work/app.log" ]; then
		echo "window: the app said:" >&2
		tail -n 20 "$work/app.log" >&2
	fi
	exit 1
}

# Without a display the app must say so in words, not crash in the
# graphical stack; a bad command must not open a window either.
code=0
env -u DISPLAY -u WAYLAND_DISPLAY "$bin" --demo >"$work/app.log" 2>&1 || code=$?
[ "$code" -eq 1 ] || fail "without a display the app exited with status $code, want 1"
grep -q 'No graphical display found' "$work/app.log" || fail "without a display the app did not say so"
grep -qE '^(panic|goroutine |SIGSEGV)' "$work/app.log" && fail "without a display the app crashed"
echo "window: without a display the app says how to run it headless"
code=0
env -u DISPLAY -u WAYLAND_DISPLAY "$bin" --no-such-flag >"$work/app.log" 2>&1 || code=$?
[ "$code" -eq 2 ] || fail "an unknown flag gave status $code, want 2"
: >"$work/app.log"

# Xvfb picks a free display number and writes it to fd 3 once it is ready.
Xvfb -displayfd 3 -noreset -screen 0 1280x900x24 -nolisten tcp 3>"$work/display" 2>"$work/xvfb.log" &
xvfb_pid=$!
for _ in $(seq 100); do
	[ -s "$work/display" ] && break
	kill -0 "$xvfb_pid" 2>/dev/null || fail "Xvfb did not start: $(cat "$work/xvfb.log")"
	sleep 0.1
done
[ -s "$work/display" ] || fail "Xvfb gave no display number"
export DISPLAY=":$(head -n1 "$work/display")"
unset WAYLAND_DISPLAY

# A throwaway settings folder: the smoke test must not see or change the
# user's saved connections.
ENTRA_WIZARD_CONFIG_DIR="$work/config" "$bin" --demo >"$work/app.log" 2>&1 &
app_pid=$!

wid=$(timeout 60 xdotool search --sync --onlyvisible --pid "$app_pid" 2>/dev/null | tail -n1) ||
	fail "no window appeared within 60 seconds"
echo "window: $(xdotool getwindowname "$wid") is on screen ($DISPLAY)"

# The window is mapped before its first frame is drawn: take screenshots
# until the screen shows more than a few colours, for up to 30 seconds.
colours=0
for _ in $(seq 60); do
	import -display "$DISPLAY" -window root "$work/screen.png" 2>>"$work/import.log" &&
		colours=$(identify -format '%k' "$work/screen.png")
	[ "$colours" -gt 16 ] && break
	kill -0 "$app_pid" 2>/dev/null || fail "the app exited while starting"
	sleep 0.5
done
[ "$colours" -gt 16 ] || fail "the screen stayed blank ($colours colours)"
echo "window: the screenshot shows $colours colours"
if [ -n "$window_png" ]; then
	import -display "$DISPLAY" -window "$wid" "$window_png"
	echo "window: saved $window_png"
fi

kill -TERM "$app_pid"
code=0
for _ in $(seq 100); do
	kill -0 "$app_pid" 2>/dev/null || break
	sleep 0.1
done
kill -0 "$app_pid" 2>/dev/null && fail "the app did not exit within 10 seconds of SIGTERM"
wait "$app_pid" || code=$?
app_pid=''
[ "$code" -eq 0 ] || fail "the app exited with status $code after SIGTERM"
echo "window: the app closed cleanly"

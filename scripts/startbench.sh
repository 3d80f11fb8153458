#!/usr/bin/env bash
# Measures how long the app takes from launch to a window on screen, next to
# Fyne's hello world built with the same Fyne version and the same flags, and
# prints the medians and their ratio. Both run alternately in one virtual
# display (Xvfb), so a busy machine slows both alike.
#
#   scripts/startbench.sh [-n RUNS] [--demo-too]
#
# Each run starts the program with a throwaway HOME and settings folder (the
# first start of a new user: the wizard), polls every 10 ms for a visible
# window of its process, notes the time and the CPU time it used (steadier
# than the clock on a busy machine), then reads its peak memory (VmHWM)
# one second later and stops it. With --demo-too it measures "--demo" as well.
# It needs a D-Bus session with a Secret Service, as a desktop has: without
# one it runs itself inside scripts/with-keyring.sh.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib.sh

runs=15 demo_too=''
while [ $# -gt 0 ]; do
	case $1 in
	-n) runs=$2 && shift 2 ;;
	--demo-too) demo_too=1 && shift ;;
	*) say "usage: scripts/startbench.sh [-n RUNS] [--demo-too]" && exit 2 ;;
	esac
done
if [ -z "${DBUS_SESSION_BUS_ADDRESS:-}" ]; then
	exec scripts/with-keyring.sh "$0" -n "$runs" ${demo_too:+--demo-too}
fi
for tool in Xvfb xdotool; do
	command -v "$tool" >/dev/null 2>&1 || { say "startbench: $tool is missing: apt-get install xvfb xdotool"; exit 1; }
done
use_go

work=$(mktemp -d)
xvfb_pid='' pid=''
cleanup() {
	[ -n "$pid" ] && kill -KILL "$pid" 2>/dev/null
	[ -n "$xvfb_pid" ] && kill "$xvfb_pid" 2>/dev/null
	rm -rf "$work"
}
trap cleanup EXIT

# The same flags as a release build (make build).
flags=(-trimpath -ldflags "-s -w")
say "startbench: building the app and Fyne's hello world with ${flags[*]}"
go build "${flags[@]}" -o "$work/entra-wizard" .
go build "${flags[@]}" -o "$work/hellofyne" ./internal/hellofyne

Xvfb -displayfd 3 -noreset -screen 0 1280x900x24 -nolisten tcp 3>"$work/display" 2>"$work/xvfb.log" &
xvfb_pid=$!
for _ in $(seq 100); do
	[ -s "$work/display" ] && break
	sleep 0.1
done
[ -s "$work/display" ] || { say "startbench: Xvfb did not start: $(cat "$work/xvfb.log")"; exit 1; }
export DISPLAY=":$(head -n1 "$work/display")"
unset WAYLAND_DISPLAY

clk_tck=$(getconf CLK_TCK)

# start_once NAME BINARY ARGS...: starts the program once and appends its
# seconds to a mapped window to $work/NAME.time, the CPU seconds it used
# until then to $work/NAME.cpu, and its peak memory in MiB to $work/NAME.rss.
start_once() {
	local name=$1 bin=$2
	shift 2
	local home="$work/home" began now
	rm -rf "$home" && mkdir -p "$home"
	began=$EPOCHREALTIME
	HOME="$home" ENTRA_WIZARD_CONFIG_DIR="$home/config" "$bin" "$@" >"$work/$name.log" 2>&1 &
	pid=$!
	until xdotool search --onlyvisible --pid "$pid" >/dev/null 2>&1; do
		kill -0 "$pid" 2>/dev/null || { say "startbench: $name exited while starting: $(tail -n 5 "$work/$name.log")"; exit 1; }
		sleep 0.01
	done
	now=$EPOCHREALTIME
	echo "$now $began" | awk '{ printf "%.4f\n", $1 - $2 }' >>"$work/$name.time"
	# CPU seconds used so far (all threads): steadier than the clock when
	# the machine is busy.
	awk -v hz="$clk_tck" '{ sub(/^.*\) /, ""); printf "%.3f\n", ($12 + $13) / hz }' "/proc/$pid/stat" >>"$work/$name.cpu"
	sleep 1
	awk '/^VmHWM:/ { printf "%.0f\n", $2 / 1024 }' "/proc/$pid/status" >>"$work/$name.rss"
	kill -KILL "$pid" && wait "$pid" 2>/dev/null || true
	pid=''
}

median() { sort -n "$1" | awk '{ v[NR] = $1 } END { m = (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2; print m }'; }

# compare LABEL APP_ARGS...: alternates hello world and app RUNS times each,
# then prints one line of medians and the ratio.
compare() {
	local label=$1
	shift
	rm -f "$work"/hello.* "$work"/app.*
	start_once hello "$work/hellofyne" # a warm-up of the disk cache and Xvfb, not counted
	rm -f "$work"/hello.*
	for i in $(seq "$runs"); do
		if [ $((i % 2)) -eq 1 ]; then
			start_once hello "$work/hellofyne"
			start_once app "$work/entra-wizard" "$@"
		else
			start_once app "$work/entra-wizard" "$@"
			start_once hello "$work/hellofyne"
		fi
	done
	local hello app hello_cpu app_cpu
	hello=$(median "$work/hello.time") app=$(median "$work/app.time")
	hello_cpu=$(median "$work/hello.cpu") app_cpu=$(median "$work/app.cpu")
	printf '%-12s to a window: hello world %.3f s, app %.3f s, ratio %.2f;  CPU: %.2f s, %.2f s, ratio %.2f;  peak RSS: %s MiB, %s MiB  (medians of %d runs)\n' \
		"$label" "$hello" "$app" "$(awk -v a="$app" -v h="$hello" 'BEGIN { print a / h }')" \
		"$hello_cpu" "$app_cpu" "$(awk -v a="$app_cpu" -v h="$hello_cpu" 'BEGIN { print a / h }')" \
		"$(median "$work/hello.rss")" "$(median "$work/app.rss")" "$runs"
}

say "startbench: $runs runs each on display $DISPLAY"
compare "entra-wizard"
[ -n "$demo_too" ] && compare "--demo" --demo
exit 0

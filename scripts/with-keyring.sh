#!/usr/bin/env bash
# Runs a command with a throwaway keychain: a new D-Bus session bus with GNOME
# Keyring's Secret Service, unlocked with a random password. What the command
# saves there is gone when it ends.
#
#   scripts/with-keyring.sh COMMAND [ARGS...]
set -euo pipefail
if [ $# -eq 0 ]; then
	echo "usage: scripts/with-keyring.sh COMMAND [ARGS...]" >&2
	exit 2
fi
if [ -z "${WITH_KEYRING_INSIDE:-}" ]; then
	for tool in dbus-run-session gnome-keyring-daemon; do
		if ! command -v "$tool" >/dev/null 2>&1; then
			echo "with-keyring: $tool is missing: apt-get install dbus gnome-keyring" >&2
			exit 1
		fi
	done
	WITH_KEYRING_INSIDE=1 exec dbus-run-session -- "$0" "$@"
fi
unset WITH_KEYRING_INSIDE

home=$(mktemp -d)
trap 'rm -rf "$home"' EXIT
# The keyring files go to a throwaway folder, not the user's own keyrings.
export XDG_DATA_HOME="$home/data" XDG_RUNTIME_DIR="$home/run"
mkdir -p "$XDG_DATA_HOME" "$XDG_RUNTIME_DIR"
chmod 700 "$XDG_RUNTIME_DIR"
password=$(head -c 18 /dev/urandom | base64)
eval "$(printf '%s' "$password" | gnome-keyring-daemon --unlock --components=secrets)"
"$@"

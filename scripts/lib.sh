# Shared by the scripts in this folder: finding Go, and installing the Debian
# packages a step needs. Source it; it does nothing on its own.

# The locale Fyne needs: UTF-8 for text, and a language Fyne can parse
# (C.UTF-8 alone makes it log a warning).
export LANG=C.UTF-8
export LANGUAGE=${LANGUAGE:-en}
export DEBIAN_FRONTEND=noninteractive

say() { printf '%s\n' "$*" >&2; }

# use_go puts Go on PATH (it is often in /usr/local/go/bin without being on
# PATH) and checks its version against go.mod. Without Go it installs
# Debian's; a Go of 1.21 or newer that is older than go.mod asks for fetches
# the right toolchain through the Go module proxy (GOTOOLCHAIN=auto, which
# Debian's own Go turns off by default). Otherwise it fails with what to do.
use_go() {
	if ! command -v go >/dev/null 2>&1 && [ -x /usr/local/go/bin/go ]; then
		export PATH="/usr/local/go/bin:$PATH"
	fi
	local want have
	want=$(sed -n 's/^go \([0-9][0-9.]*\)$/\1/p' go.mod)
	if ! command -v go >/dev/null 2>&1; then
		say "Go is not installed; trying Debian's package, which fetches Go $want through the module proxy."
		need_packages golang-go ca-certificates git || true
	fi
	if ! command -v go >/dev/null 2>&1; then
		say "Missing: Go $want or newer. Install it from https://go.dev/dl/ and put its bin folder on PATH."
		return 1
	fi
	have=$(go env GOVERSION | sed 's/^go//')
	if ! version_at_least "$have" "$want" && version_at_least "$have" 1.21; then
		say "Go $have is older than $want; fetching Go $want through the module proxy."
		export GOTOOLCHAIN=auto
		have=$(go env GOVERSION | sed 's/^go//')
	fi
	if ! version_at_least "$have" "$want"; then
		say "Missing: Go $want or newer (found $have). Install it from https://go.dev/dl/."
		return 1
	fi
	export PATH="$(go env GOPATH)/bin:$PATH"
}

# version_at_least reports whether version $1 is $2 or newer.
version_at_least() {
	[ "$(printf '%s\n%s\n' "$2" "$1" | sort -V | head -n1)" = "$2" ]
}

# need_packages installs the Debian packages named that are not installed
# yet: as root with apt-get, otherwise through sudo. When it cannot, it says
# which packages are missing and how to install them.
need_packages() {
	local missing=() pkg
	for pkg in "$@"; do
		if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed'; then
			missing+=("$pkg")
		fi
	done
	[ ${#missing[@]} -eq 0 ] && return 0
	if ! command -v apt-get >/dev/null 2>&1; then
		say "Missing packages: ${missing[*]}. This machine has no apt-get: install their equivalents with your package manager."
		return 1
	fi
	local sudo=()
	if [ "$(id -u)" -ne 0 ]; then
		if ! command -v sudo >/dev/null 2>&1; then
			say "Missing packages: ${missing[*]}. Installing them needs root and sudo is not available: as root, run"
			say "  apt-get update && apt-get install -y ${missing[*]}"
			return 1
		fi
		sudo=(sudo)
	fi
	say "Installing Debian packages: ${missing[*]}"
	if ! "${sudo[@]}" apt-get update -q || ! "${sudo[@]}" apt-get install -y -q --no-install-recommends "${missing[@]}"; then
		say "Could not install: ${missing[*]}. Install them by hand: apt-get install ${missing[*]}"
		return 1
	fi
}

# The Debian packages needed to build the app: a C compiler for cgo, and the
# OpenGL and X11 headers GLFW compiles against.
BUILD_PACKAGES=(gcc libc6-dev pkg-config ca-certificates libgl1-mesa-dev libx11-dev
	libxcursor-dev libxrandr-dev libxinerama-dev libxi-dev libxxf86vm-dev)
# A keychain: a D-Bus session and GNOME Keyring's Secret Service.
KEYRING_PACKAGES=(dbus gnome-keyring libsecret-tools)
# A virtual display, window control and screenshots.
WINDOW_PACKAGES=(xvfb xdotool imagemagick)
# OpenLDAP's server and tools: the secure LDAP tests start their own slapd.
LDAP_PACKAGES=(slapd ldap-utils)

# go_modules downloads the module's dependencies.
go_modules() {
	say "Downloading Go modules"
	if ! go mod download; then
		say "Could not download the Go modules: check the network or GOPROXY."
		return 1
	fi
}

# secret_service_running reports whether a Secret Service (a keychain) answers
# on the session bus.
secret_service_running() {
	[ -n "${DBUS_SESSION_BUS_ADDRESS:-}" ] || return 1
	command -v dbus-send >/dev/null 2>&1 || return 1
	dbus-send --session --print-reply --dest=org.freedesktop.DBus /org/freedesktop/DBus \
		org.freedesktop.DBus.NameHasOwner string:org.freedesktop.secrets 2>/dev/null | grep -q 'boolean true'
}

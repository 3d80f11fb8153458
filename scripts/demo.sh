#!/usr/bin/env bash
# Installs what the app needs, builds it, and opens it on the built-in demo
# tenant. This is what "make demo" runs.
#
# Saving a connection needs a keychain (a Secret Service on Linux). When none
# is running, the app runs with a throwaway GNOME Keyring and a throwaway
# settings folder, so saving works and nothing is left behind.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib.sh

use_go
need_packages "${BUILD_PACKAGES[@]}" "${KEYRING_PACKAGES[@]}"
go_modules

say "Building the app (the first build takes a few minutes)"
mkdir -p bin
go build -o bin/entra-wizard .

if secret_service_running; then
	say "Opening Entra Setup Wizard on the demo tenant"
	exec bin/entra-wizard --demo "$@"
fi
say "No keychain (Secret Service) is running in this session, so the demo uses a"
say "throwaway GNOME Keyring, unlocked with a random password, and a throwaway"
say "settings folder: connections you save are forgotten when the app closes."
config=$(mktemp -d)
trap 'rm -rf "$config"' EXIT
ENTRA_WIZARD_CONFIG_DIR="$config" scripts/with-keyring.sh bin/entra-wizard --demo "$@"

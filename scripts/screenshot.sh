#!/usr/bin/env bash
# Takes real screenshots of the app under Xvfb for the documentation:
# docs/screenshot.png (the first screen, used by the README) and
# docs/wizard-*.png (every step of the setup wizard) and docs/panel-*.png
# (the management panel the wizard opens), and docs/ldap-*.png (the secure
# LDAP setup and panel, against a real slapd).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib.sh
use_go
need_packages "${BUILD_PACKAGES[@]}" "${WINDOW_PACKAGES[@]}"

bin=$(mktemp -d)/entra-wizard
trap 'rm -rf "$(dirname "$bin")"' EXIT
go build -o "$bin" .
scripts/window-smoke.sh "$bin" docs/screenshot.png

say "Walking the wizard's steps and the management panel"
xvfb-run -a -s "-screen 0 1280x900x24 -nolisten tcp" go run -tags screenshots ./scripts/screenshots -out docs

say "Walking the secure LDAP setup and panel against a real slapd"
need_packages "${LDAP_PACKAGES[@]}"
xvfb-run -a -s "-screen 0 1280x900x24 -nolisten tcp" go run -tags screenshots ./scripts/ldapshots -out docs

#!/usr/bin/env bash
# The quick check for contributors, run by "make check": gofmt, go vet and
# the Go tests that need no keychain, window or slapd (go test -short), in a
# couple of minutes once the build cache is warm. "make test" is the
# complete check that CI runs: it adds staticcheck, the race detector, the
# keychain, slapd and window tests and the release build under Wine.
set -uo pipefail
cd "$(dirname "$0")/.."
source scripts/lib.sh

use_go || exit 1
need_packages "${BUILD_PACKAGES[@]}" || say "Going on without them: the build will say what is missing."

status=0
say "==> gofmt"
unformatted=$(gofmt -l $(git ls-files '*.go' 2>/dev/null || find . -name '*.go' -not -path './.git/*'))
if [ -n "$unformatted" ]; then
	say "These files need gofmt -w:"
	say "$unformatted"
	status=1
fi
say "==> vet"
go vet ./... || status=1
say "==> go test -short"
go test -short ./... || status=1

if [ "$status" -eq 0 ]; then
	echo "make check: passed (make test runs everything)"
else
	echo "make check: FAILED"
fi
exit "$status"

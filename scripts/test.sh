#!/usr/bin/env bash
# Runs every check of the project, installing what they need first, and ends
# with one summary line: "make test: N passed, N failed". This is what
# "make test" runs.
#
# The checks: gofmt, go vet, staticcheck, the Go tests with the race detector
# inside a throwaway Secret Service keychain, a smoke test of the real window
# under Xvfb, and the release checks (scripts/test-release.sh: the Windows
# build under Wine, the MSI, the .deb and the .tar.xz).
set -uo pipefail
cd "$(dirname "$0")/.."
source scripts/lib.sh

# The staticcheck release the checks use.
STATICCHECK=honnef.co/go/tools/cmd/staticcheck@v0.8.2
STEPS=(gofmt vet staticcheck go-test window release)

passed=0
failed=0
failures=()

summary() {
	[ ${#failures[@]} -gt 0 ] && say "Failed: ${failures[*]}"
	echo "make test: $passed passed, $failed failed"
	[ "$failed" -eq 0 ]
}

# step NAME COMMAND...: runs one check and counts it.
step() {
	local name=$1
	shift
	say ""
	say "==> $name"
	local started=$SECONDS
	if "$@"; then
		passed=$((passed + 1))
		say "--> $name passed ($((SECONDS - started)) s)"
	else
		failed=$((failed + 1))
		failures+=("$name")
		say "--> $name FAILED ($((SECONDS - started)) s)"
	fi
}

check_gofmt() {
	local unformatted
	unformatted=$(gofmt -l $(git ls-files '*.go' 2>/dev/null || find . -name '*.go' -not -path './.git/*')) || return 1
	if [ -n "$unformatted" ]; then
		say "These files need gofmt -w:"
		say "$unformatted"
		return 1
	fi
}

check_staticcheck() {
	if ! go install "$STATICCHECK"; then
		say "Could not install $STATICCHECK: check the network or GOPROXY."
		return 1
	fi
	"$(go env GOPATH)/bin/staticcheck" ./...
}

# The screenshot automation builds only with its tag (make screenshots);
# vetting it here keeps it from going stale.
check_vet() {
	go vet ./... && go vet -tags screenshots ./ui/... ./scripts/screenshots
}

check_go_test() {
	scripts/with-keyring.sh go test -race -timeout 30m ./...
}

check_window() {
	local bin
	bin=$(mktemp -d)/entra-wizard
	go build -o "$bin" . || return 1
	scripts/window-smoke.sh "$bin"
	local code=$?
	rm -rf "$(dirname "$bin")"
	return $code
}

say "==> setup"
if ! use_go; then
	failed=${#STEPS[@]}
	failures=("${STEPS[@]}")
	summary
	exit 1
fi
# A missing package is reported here; the checks that need it fail with it.
need_packages "${BUILD_PACKAGES[@]}" "${KEYRING_PACKAGES[@]}" "${WINDOW_PACKAGES[@]}" "${LDAP_PACKAGES[@]}" git ||
	say "Going on without them: the checks that need them will fail."
go_modules || say "Going on: the checks will report what they cannot build."

step gofmt check_gofmt
step vet check_vet
step staticcheck check_staticcheck
step go-test check_go_test
step window check_window
step release scripts/test-release.sh
summary

# Two commands for a fresh Debian or Ubuntu machine:
#   make demo   installs what the app needs and opens it on the demo tenant
#   make test   installs what the checks need and runs every one of them
# For contributors, make check is the quick one (gofmt, vet and the tests
# that need no keychain, window or slapd).
# Both install Debian packages with apt-get (through sudo when not root).

.PHONY: demo test check build screenshots icon startbench package dist install uninstall test-release

demo:
	@scripts/demo.sh

test:
	@scripts/test.sh

check:
	@scripts/check.sh

# A release binary for this machine, in bin/.
build:
	go build -trimpath -ldflags "-s -w" -o bin/entra-wizard .

# The pictures in docs/, taken from the real window under Xvfb.
screenshots:
	@scripts/screenshot.sh

# assets/icon.png, rendered from assets/icon.svg.
icon:
	@scripts/icon-png.sh

# Seconds from launch to a window, the app next to Fyne's hello world, with
# their ratio (RUNS=15 each by default).
startbench:
	@scripts/startbench.sh -n $${RUNS:-15} --demo-too

# Release artifacts in dist/: the Windows zip and MSI, the .deb, the .tar.xz
# and SHA256SUMS (scripts/package.sh; docs/RELEASING.md).
package:
	@scripts/package.sh

dist: package

# Installs the app for you alone (PREFIX=~/.local) or, as root, for everyone
# (PREFIX=/usr/local): the binary, the menu entry and the icon.
PREFIX ?= $(HOME)/.local
APPID = io.github.entra_wizard.entra_wizard
install: build
	install -Dm755 bin/entra-wizard $(DESTDIR)$(PREFIX)/bin/entra-wizard
	install -Dm644 assets/icon.png $(DESTDIR)$(PREFIX)/share/icons/hicolor/512x512/apps/$(APPID).png
	install -d $(DESTDIR)$(PREFIX)/share/applications
	sed 's|^Exec=entra-wizard|Exec=$(PREFIX)/bin/entra-wizard|' packaging/linux/$(APPID).desktop \
		>$(DESTDIR)$(PREFIX)/share/applications/$(APPID).desktop

uninstall:
	rm -f $(DESTDIR)$(PREFIX)/bin/entra-wizard $(DESTDIR)$(PREFIX)/share/applications/$(APPID).desktop \
		$(DESTDIR)$(PREFIX)/share/icons/hicolor/512x512/apps/$(APPID).png

# The release checks: builds the artifacts, runs the Windows build under Wine
# (command line, Credential Manager, window), installs the .deb and checks the
# MSI. make test ends with it.
test-release:
	@scripts/test-release.sh

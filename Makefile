# Two commands for a fresh Debian or Ubuntu machine:
#   make demo   installs what the app needs and opens it on the demo tenant
#   make test   installs what the checks need and runs every one of them
# Both install Debian packages with apt-get (through sudo when not root).

.PHONY: demo test build screenshots icon startbench

demo:
	@scripts/demo.sh

test:
	@scripts/test.sh

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

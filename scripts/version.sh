# Sourced by the packaging scripts: the version the build is stamped with.
#   VERSION  the git tag (v1.2.3), or the FyneApp.toml version with a
#            "-dev.<commit>" suffix when HEAD carries no release tag
#   NUMERIC  its first three numbers (1.2.3), for Windows and Debian fields
#   COMMIT   the full commit hash
#   LDFLAGS  the linker flags that stamp VERSION and COMMIT into buildinfo
COMMIT=$(git rev-parse HEAD 2>/dev/null || echo unknown)
VERSION=$(git describe --tags --exact-match --match 'v[0-9]*' 2>/dev/null || true)
if [ -z "$VERSION" ]; then
	VERSION="v$(sed -n 's/^ *Version *= *"\(.*\)"/\1/p' FyneApp.toml)-dev.$(git rev-parse --short=12 HEAD 2>/dev/null || echo unknown)"
fi
NUMERIC=$(printf '%s' "${VERSION#v}" | sed 's/[^0-9.].*//; s/\.$//')
LDFLAGS="-s -w -X github.com/entra-wizard/entra-wizard/buildinfo.Version=$VERSION -X github.com/entra-wizard/entra-wizard/buildinfo.Commit=$COMMIT"

package keystore

import (
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"strconv"
	"strings"
)

// manifestPrefix starts the value of an entry whose secret lives in chunks.
// A secret that itself starts with the prefix is always chunked, so reading
// a manifest is never ambiguous.
const manifestPrefix = "entra-wizard-chunks:"

// manifestVersion marks the manifests that name a generation of chunks and
// carry the value's length and checksum. Manifests without it ("prefix" +
// count) were written by earlier versions, with chunks "<account>/part-N".
const manifestVersion = "2"

// maxChunks bounds the count read back from a manifest (2 MB of secret).
const maxChunks = 1000

// manifest describes a value stored in chunks: the generation its chunks
// were written under, how many there are, and the whole value's length and
// SHA-256, so a reader can tell a complete value from a torn one.
type manifest struct {
	generation string // "" for an earlier version's chunks
	count      int
	length     int
	sum        string // hex SHA-256; "" for an earlier version's chunks
}

func newManifest(generation, value string, count int) manifest {
	return manifest{generation: generation, count: count, length: len(value), sum: checksum(value)}
}

func (m manifest) String() string {
	return manifestPrefix + manifestVersion + ":" + m.generation + ":" + strconv.Itoa(m.count) + ":" +
		strconv.Itoa(m.length) + ":" + m.sum
}

// parseManifest reads an entry's value: ok is false when the value is the
// secret itself.
func parseManifest(value string) (m manifest, ok bool, err error) {
	rest, ok := strings.CutPrefix(value, manifestPrefix)
	if !ok {
		return manifest{}, false, nil
	}
	fields := strings.Split(rest, ":")
	bad := func(why string) (manifest, bool, error) {
		return manifest{}, true, fmt.Errorf("damaged (%s)", why)
	}
	switch {
	case len(fields) == 1: // an earlier version's manifest: the count only
		m.count, err = strconv.Atoi(fields[0])
		if err != nil || m.count < 1 || m.count > maxChunks {
			return bad("bad chunk count")
		}
		return m, true, nil
	case len(fields) != 5 || fields[0] != manifestVersion:
		return bad("unknown manifest")
	}
	m.generation, m.sum = fields[1], fields[4]
	m.count, err = strconv.Atoi(fields[2])
	if err != nil || m.count < 1 || m.count > maxChunks {
		return bad("bad chunk count")
	}
	m.length, err = strconv.Atoi(fields[3])
	if err != nil || m.length < 0 || !validGeneration(m.generation) || len(m.sum) != sha256.Size*2 {
		return bad("bad manifest")
	}
	return m, true, nil
}

// matches reports whether value is the one the manifest describes.
func (m manifest) matches(value string) bool {
	if m.sum == "" {
		return true // an earlier version's manifest carries no checksum
	}
	return len(value) == m.length && checksum(value) == m.sum
}

func checksum(value string) string {
	sum := sha256.Sum256([]byte(value))
	return hex.EncodeToString(sum[:])
}

// newGeneration names a fresh generation of chunks.
func newGeneration() string { return strings.ToLower(rand.Text()[:12]) }

func validGeneration(g string) bool {
	if g == "" || len(g) > 32 {
		return false
	}
	for _, r := range g {
		if !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9') {
			return false
		}
	}
	return true
}

// chunkAccount names chunk n (from 1) of a generation; generation "" is an
// earlier version's layout.
func chunkAccount(account, generation string, n int) string {
	if generation == "" {
		return account + "/part-" + strconv.Itoa(n)
	}
	return account + "/" + generation + "/part-" + strconv.Itoa(n)
}

// journalAccount holds the generations a write in progress may leave behind
// besides the one the manifest names, so the next write or sweep removes
// them even when the program was killed midway.
func journalAccount(account string) string { return account + "/journal" }

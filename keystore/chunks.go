package keystore

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"
)

// chunkSize is the largest piece stored in one keychain entry. Windows
// allows 2,560 bytes per credential; on macOS go-keyring passes the value
// base64-encoded (a third larger) with the service and account on one
// command line of at most 4,096 bytes. 2,000 bytes fits both, with room for
// the longest connection name.
const chunkSize = 2000

// legacyGeneration stands in a journal for an earlier version's chunks.
const legacyGeneration = "-"

// writeValue stores value under account: directly when it fits in one entry,
// otherwise as a new generation of chunks followed by a manifest under
// account that names it. Only once the manifest is switched are the chunks
// of earlier generations deleted, so a reader, or a program killed at any
// moment, finds either the old value or the new one, whole. The journal
// entry lists the generations that may be left over until they are gone.
func writeValue(kr Keyring, account, value string) error {
	stale, err := staleGenerations(kr, account)
	if err != nil {
		return err
	}
	parts := splitChunks(value)
	chunked := len(parts) > 1 || strings.HasPrefix(value, manifestPrefix)
	pending := stale
	gen := ""
	if chunked {
		gen = newGeneration()
		pending = append(slices.Clip(stale), gen)
	}
	if len(pending) > 0 {
		if err := kr.Set(journalAccount(account), strings.Join(pending, " ")); err != nil {
			return err
		}
	}
	if chunked {
		for i, part := range parts {
			if err := kr.Set(chunkAccount(account, gen, i+1), part); err != nil {
				return err
			}
		}
		value = newManifest(gen, value, len(parts)).String()
	}
	if err := kr.Set(account, value); err != nil {
		return err
	}
	return dropGenerations(kr, account, stale)
}

// staleGenerations lists the generations of account that the next value
// replaces: the current one and any a killed write left in the journal.
func staleGenerations(kr Keyring, account string) ([]string, error) {
	stale, err := journalOf(kr, account)
	if err != nil {
		return nil, err
	}
	current, err := kr.Get(account)
	if errors.Is(err, ErrNotFound) {
		return stale, nil
	}
	if err != nil {
		return nil, err
	}
	if m, ok, err := parseManifest(current); ok && err == nil {
		g := m.generation
		if g == "" {
			g = legacyGeneration
		}
		if !slices.Contains(stale, g) {
			stale = append(stale, g)
		}
	}
	return stale, nil
}

func journalOf(kr Keyring, account string) ([]string, error) {
	j, err := kr.Get(journalAccount(account))
	if errors.Is(err, ErrNotFound) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	var gens []string
	for _, g := range strings.Fields(j) {
		if g == legacyGeneration || validGeneration(g) {
			gens = append(gens, g)
		}
	}
	return gens, nil
}

// dropGenerations deletes the chunks of gens, then the journal.
func dropGenerations(kr Keyring, account string, gens []string) error {
	for _, g := range gens {
		if g == legacyGeneration {
			g = ""
		}
		if err := deleteGeneration(kr, account, g, 0); err != nil {
			return err
		}
	}
	if err := kr.Delete(journalAccount(account)); err != nil && !errors.Is(err, ErrNotFound) {
		return err
	}
	return nil
}

// readAttempts bounds how often a reader looks again when the value changed
// under it (another copy of the program saved a new one meanwhile).
const readAttempts = 5

// readValue returns the secret stored under account, reassembling chunks
// and checking them against the manifest's length and checksum. A value
// replaced while it was being read is read again.
func readValue(kr Keyring, account string) (string, error) {
	var lastErr error
	for attempt := 0; attempt < readAttempts; attempt++ {
		head, err := kr.Get(account)
		if err != nil {
			return "", err
		}
		m, ok, err := parseManifest(head)
		if !ok {
			return head, nil
		}
		if err != nil {
			return "", fmt.Errorf("the keychain entry %q is %w", account, err)
		}
		value, err := readChunks(kr, account, m)
		if err == nil {
			return value, nil
		}
		lastErr = err
		if again, getErr := kr.Get(account); getErr != nil || again == head {
			break // nothing moved: the damage is real
		}
		time.Sleep(time.Duration(attempt+1) * 5 * time.Millisecond)
	}
	return "", lastErr
}

func readChunks(kr Keyring, account string, m manifest) (string, error) {
	var b strings.Builder
	for i := 1; i <= m.count; i++ {
		part, err := kr.Get(chunkAccount(account, m.generation, i))
		if errors.Is(err, ErrNotFound) {
			return "", fmt.Errorf("the keychain entry %q is incomplete (part %d of %d is missing): %w", account, i, m.count, err)
		}
		if err != nil {
			return "", err
		}
		b.WriteString(part)
	}
	if !m.matches(b.String()) {
		return "", fmt.Errorf("the keychain entry %q is damaged (its parts do not add up to the saved value)", account)
	}
	return b.String(), nil
}

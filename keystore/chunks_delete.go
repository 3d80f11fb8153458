package keystore

import (
	"errors"
	"unicode/utf8"
)

// deleteValue removes account, its chunks and its journal. A missing entry
// is not an error; it reports whether anything was there. The chunks go
// before the manifest, last part first, so a program killed midway leaves a
// manifest whose remaining parts the next delete still finds.
func deleteValue(kr Keyring, account string) (bool, error) {
	stale, err := staleGenerations(kr, account)
	if err != nil {
		return false, err
	}
	if err := dropGenerationsKeepJournal(kr, account, stale); err != nil {
		return false, err
	}
	err = kr.Delete(account)
	existed := err == nil
	if err != nil && !errors.Is(err, ErrNotFound) {
		return false, err
	}
	if err := kr.Delete(journalAccount(account)); err != nil && !errors.Is(err, ErrNotFound) {
		return existed, err
	}
	return existed, nil
}

func dropGenerationsKeepJournal(kr Keyring, account string, gens []string) error {
	for _, g := range gens {
		if g == legacyGeneration {
			g = ""
		}
		if err := deleteGeneration(kr, account, g, 0); err != nil {
			return err
		}
	}
	return nil
}

// sweepValue removes what a killed write of account left behind: the
// generations in its journal that the manifest does not name.
func sweepValue(kr Keyring, account string) error {
	gens, err := journalOf(kr, account)
	if err != nil || len(gens) == 0 {
		return err
	}
	current := ""
	if head, err := kr.Get(account); err == nil {
		if m, ok, err := parseManifest(head); ok && err == nil {
			current = m.generation
			if current == "" {
				current = legacyGeneration
			}
		}
	} else if !errors.Is(err, ErrNotFound) {
		return err
	}
	var stale []string
	for _, g := range gens {
		if g != current {
			stale = append(stale, g)
		}
	}
	return dropGenerations(kr, account, stale)
}

// deleteGeneration deletes the chunks of one generation, last first. Chunks
// are written as an unbroken run from 1, so the run's end is the first
// missing part; count 0 means find it.
func deleteGeneration(kr Keyring, account, generation string, count int) error {
	if count <= 0 {
		for count < maxChunks {
			_, err := kr.Get(chunkAccount(account, generation, count+1))
			if errors.Is(err, ErrNotFound) {
				break
			}
			if err != nil {
				return err
			}
			count++
		}
	}
	for i := count; i >= 1; i-- {
		if err := kr.Delete(chunkAccount(account, generation, i)); err != nil && !errors.Is(err, ErrNotFound) {
			return err
		}
	}
	return nil
}

// splitChunks cuts s into pieces of at most chunkSize bytes without
// splitting a valid UTF-8 sequence. An empty s gives one empty piece.
func splitChunks(s string) []string {
	parts := []string{}
	for len(s) > chunkSize {
		end := chunkSize
		for end > chunkSize-utf8.UTFMax && !utf8.RuneStart(s[end]) {
			end--
		}
		parts = append(parts, s[:end])
		s = s[end:]
	}
	return append(parts, s)
}

package keystore

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"
)

// A program killed while it saves can leave secrets in the keychain that
// no saved connection owns, a half-written generation of chunks, entries of
// a move to another address not yet finished (see moveSecrets), or a
// temporary settings file. Before a change writes the secrets of a name the
// settings file does not hold yet, it leaves a marker file naming it; the
// next change (under the lock) removes the secrets of every marked name
// that is still not a saved connection, then the marker.

const markerPrefix = ".pending-"

// tempMaxAge is how old a temporary settings file must be before it is
// removed: writers hold the lock, but an earlier version of the program
// did not, so a fresh one may still be in use.
const tempMaxAge = time.Minute

func (s *Store) markerPath(name string) string {
	sum := sha256.Sum256([]byte(name))
	return filepath.Join(filepath.Dir(s.path), markerPrefix+hex.EncodeToString(sum[:8]))
}

// markPending records that secrets of name are about to be written. The
// marker holds the name only, never a secret.
func (s *Store) markPending(names ...string) error {
	for _, name := range names {
		if err := os.WriteFile(s.markerPath(name), []byte(name), 0o600); err != nil {
			return err
		}
	}
	syncDir(filepath.Dir(s.path))
	return nil
}

func (s *Store) clearPending(names ...string) {
	for _, name := range names {
		_ = os.Remove(s.markerPath(name))
	}
}

// sweep tidies what killed programs left behind. It runs while the lock is
// held and is best effort: a keychain that cannot be reached now is swept
// on a later change.
func (s *Store) sweep(profiles []Profile) error {
	dir := filepath.Dir(s.path)
	entries, err := os.ReadDir(dir)
	if err != nil {
		return err
	}
	var errs []error
	for _, e := range entries {
		path := filepath.Join(dir, e.Name())
		switch {
		case strings.HasPrefix(e.Name(), markerPrefix):
			errs = append(errs, s.sweepMarker(path, profiles))
		case strings.HasPrefix(e.Name(), "."+SettingsFileName+".") && strings.HasSuffix(e.Name(), ".tmp"):
			if info, err := e.Info(); err == nil && time.Since(info.ModTime()) > tempMaxAge {
				errs = append(errs, os.Remove(path))
			}
		}
	}
	for _, p := range profiles {
		for _, key := range secretKeys {
			errs = append(errs, sweepValue(s.keyring, account(p.Name, key)))
		}
		errs = append(errs, s.finishMove(p))
	}
	return errors.Join(errs...)
}

func (s *Store) sweepMarker(path string, profiles []Profile) error {
	data, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		return err
	}
	name := string(data)
	if indexOf(profiles, name) < 0 && ValidateName(name) == nil {
		if err := s.deleteSecrets(name); err != nil {
			return err // keep the marker: try again next time
		}
	}
	return os.Remove(path)
}

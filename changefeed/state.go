package changefeed

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/entra-wizard/entra-wizard/graph"
	"github.com/entra-wizard/entra-wizard/internal/jsonfile"
	"github.com/entra-wizard/entra-wizard/internal/safename"
)

// DirName is the folder, inside the config folder, that holds the feeds.
const DirName = "changes"

// State is what a feed keeps between polls. None of it is secret: a delta
// link is useless without a token.
type State struct {
	Version     int                            `json:"version"`
	Collections map[graph.Collection]*Tracking `json:"collections"`
}

// Tracking is one collection's place in the change log.
type Tracking struct {
	// DeltaLink is where the next round starts.
	DeltaLink string `json:"deltaLink"`
	// BaselineAt is when the current baseline was taken.
	BaselineAt time.Time `json:"baselineAt"`
	// Known holds the ids and names of the objects seen so far.
	Known graph.Known `json:"known"`
}

const stateVersion = 1

// maxStateFile bounds what Load reads: a tenant of a few hundred thousand
// objects fits.
const maxStateFile = 64 << 20

// Store keeps feed states as files in one folder.
type Store struct{ dir string }

// OpenStore returns the store in configDir's changes folder; the folder is
// made on the first save.
func OpenStore(configDir string) *Store {
	return &Store{dir: filepath.Join(configDir, DirName)}
}

// path is the file of a connection's feed for one reader ("cli", "app"):
// each reader has its own place, so one never takes the other's events.
func (s *Store) path(connection, reader string) string {
	return filepath.Join(s.dir, fileSafe(connection)+"."+fileSafe(reader)+".json")
}

// fileSafe makes a name a file name (safename.File).
func fileSafe(name string) string { return safename.File(name) }

// Load reads a feed's state; a feed never polled has an empty one.
func (s *Store) Load(connection, reader string) (*State, error) {
	st := &State{Version: stateVersion, Collections: map[graph.Collection]*Tracking{}}
	path := s.path(connection, reader)
	found, err := jsonfile.Read(path, maxStateFile, "a change feed", st)
	if !found {
		return st, nil
	}
	if err != nil {
		return nil, fmt.Errorf("reading the change feed of %q (%s): %w", connection, path, err)
	}
	if st.Version > stateVersion {
		return nil, fmt.Errorf("the change feed of %q (%s) was written by a newer version of this program", connection, path)
	}
	if st.Collections == nil {
		st.Collections = map[graph.Collection]*Tracking{}
	}
	return st, nil
}

// Save replaces a feed's state atomically (jsonfile.Write).
func (s *Store) Save(connection, reader string, st *State) (err error) {
	st.Version = stateVersion
	if err := jsonfile.Write(s.path(connection, reader), st); err != nil {
		return fmt.Errorf("saving the change feed: %w", err)
	}
	return nil
}

// Forget removes every reader's feed of a connection, for when the
// connection is removed.
func (s *Store) Forget(connection string) error {
	files, err := s.feedsOf(connection)
	for _, f := range files {
		if err := os.Remove(f); err != nil && !errors.Is(err, fs.ErrNotExist) {
			return err
		}
	}
	return err
}

// Rename moves every reader's feed of a connection to its new name, for
// when the connection is renamed: the feeds keep their place, since the
// tenant is the same. A feed left under the new name is replaced.
func (s *Store) Rename(oldName, newName string) error {
	files, err := s.feedsOf(oldName)
	prefix := filepath.Join(s.dir, fileSafe(oldName)+".")
	for _, f := range files {
		to := filepath.Join(s.dir, fileSafe(newName)+"."+strings.TrimPrefix(f, prefix))
		if err := os.Rename(f, to); err != nil && !errors.Is(err, fs.ErrNotExist) {
			return err
		}
	}
	return err
}

// feedsOf lists the feed files of a connection. fileSafe writes '.' as
// ~2E, so the first '.' ends the connection's part of a name.
func (s *Store) feedsOf(connection string) ([]string, error) {
	return filepath.Glob(filepath.Join(s.dir, fileSafe(connection)+".*.json"))
}

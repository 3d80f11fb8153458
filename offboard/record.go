package offboard

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"time"

	"github.com/entra-wizard/entra-wizard/internal/jsonfile"
	"github.com/entra-wizard/entra-wizard/internal/safename"
)

// DirName is the folder, inside the config folder, that holds the records.
const DirName = "offboarding"

// recordVersion is the version of the record's JSON.
const recordVersion = 1

// maxRecordFile bounds what Load reads: a user in thousands of groups fits.
const maxRecordFile = 16 << 20

// Record is what an offboarding took from a user, saved before anything is
// removed so that Undo can put it back and an interrupted run can go on. It
// holds no secret: names and IDs only, never the new password.
type Record struct {
	Version    int       `json:"version"`
	Connection string    `json:"connection"`
	UserID     string    `json:"userId"`
	UPN        string    `json:"userPrincipalName"`
	Name       string    `json:"displayName"`
	StartedAt  time.Time `json:"startedAt"`
	// WasEnabled is whether the user could sign in before the first run:
	// Undo allows sign-in again only then.
	WasEnabled bool `json:"wasEnabled"`
	// Done lists the steps that have finished, when each did.
	Done     map[Step]time.Time `json:"done"`
	Licenses []Item             `json:"licenses"`
	Groups   []Item             `json:"groups"`
	Owned    []Item             `json:"ownedGroups"`
}

// Item is one license, membership or ownership the offboarding removes.
type Item struct {
	ID   string `json:"id"` // the SKU ID of a license, the group's ID otherwise
	Name string `json:"name"`
	// Removed is true once the offboarding has taken it away.
	Removed bool `json:"removed"`
}

// items returns the list of a step that removes things; nil for the others.
func (r *Record) items(s Step) *[]Item {
	switch s {
	case RemoveLicenses:
		return &r.Licenses
	case RemoveGroups:
		return &r.Groups
	case RemoveOwnerships:
		return &r.Owned
	}
	return nil
}

// Store keeps records as files, one per user, in a folder per connection.
type Store struct{ dir string }

// OpenStore returns the store in configDir's offboarding folder; the folder
// is made on the first save.
func OpenStore(configDir string) *Store {
	return &Store{dir: filepath.Join(configDir, DirName)}
}

// path is the file of one user's record.
func (s *Store) path(connection, userID string) string {
	return filepath.Join(s.dir, fileSafe(connection), fileSafe(userID)+".json")
}

// fileSafe makes a name a file name (safename.File).
func fileSafe(name string) string { return safename.File(name) }

// Load reads a user's record; nil without error when there is none.
func (s *Store) Load(connection, userID string) (*Record, error) {
	path := s.path(connection, userID)
	r := &Record{}
	found, err := jsonfile.Read(path, maxRecordFile, "a record", r)
	if !found {
		return nil, nil
	}
	if err == nil && r.Version > recordVersion {
		err = errors.New("it was written by a newer version of this program")
	}
	if err != nil {
		return nil, fmt.Errorf("reading the offboarding record %s: %w", path, err)
	}
	if r.Done == nil {
		r.Done = map[Step]time.Time{}
	}
	// The folder says whose record it is: a renamed connection keeps its
	// records, and saving one again must not write it back to the old name.
	r.Connection = connection
	return r, nil
}

// Has reports whether a user has a record: Undo offboarding is offered then.
func (s *Store) Has(connection, userID string) bool {
	_, err := os.Stat(s.path(connection, userID))
	return err == nil
}

// Save replaces a record atomically, readable by its owner only: a
// temporary file in the same folder, flushed, then renamed over the old one.
func (s *Store) Save(r *Record) error {
	r.Version = recordVersion
	if err := jsonfile.Write(s.path(r.Connection, r.UserID), r); err != nil {
		return fmt.Errorf("saving the offboarding record: %w", err)
	}
	return nil
}

// Forget removes every record of a connection, for when the connection is
// removed from this computer.
func (s *Store) Forget(connection string) error {
	return os.RemoveAll(filepath.Join(s.dir, fileSafe(connection)))
}

// Rename moves a connection's records to its new name, for when the
// connection is renamed: Undo stays possible, since the tenant is the same.
// A record already kept under the new name is replaced.
func (s *Store) Rename(oldName, newName string) error {
	from := filepath.Join(s.dir, fileSafe(oldName))
	files, err := filepath.Glob(filepath.Join(from, "*.json"))
	if err != nil || len(files) == 0 {
		return err
	}
	to := filepath.Join(s.dir, fileSafe(newName))
	if err := os.MkdirAll(to, 0o700); err != nil {
		return err
	}
	for _, f := range files {
		if err := os.Rename(f, filepath.Join(to, filepath.Base(f))); err != nil {
			return err
		}
	}
	return os.Remove(from)
}

// Remove deletes a user's record, once Undo has put everything back.
func (s *Store) Remove(connection, userID string) error {
	err := os.Remove(s.path(connection, userID))
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	return err
}

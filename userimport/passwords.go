package userimport

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"

	"github.com/entra-wizard/entra-wizard/internal/csvsafe"
)

// GeneratedPasswords counts the created rows whose password was generated.
func (im *Import) GeneratedPasswords() int {
	n := 0
	for _, r := range im.Rows {
		if r.Status == Created && r.GeneratePassword {
			n++
		}
	}
	return n
}

// ReservePasswordsFile creates path, empty and readable by its owner only,
// before anyone is created: a path that cannot be written is found while
// nothing is lost yet. An existing file is refused, so the passwords of an
// earlier run in it are not overwritten.
func ReservePasswordsFile(path string) error {
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if errors.Is(err, fs.ErrExist) {
		return fmt.Errorf("%s already exists: choose a new file for the passwords, so that those already in it are kept", path)
	}
	if err != nil {
		return fmt.Errorf("could not create %s for the passwords: %w", path, err)
	}
	return f.Close()
}

// WritePasswords writes the generated passwords of the created users to
// path as CSV (user name, name, password), readable by the file's owner
// only: the passwords are shown nowhere else. An existing file is
// replaced. It returns how many passwords it wrote.
func (im *Import) WritePasswords(path string) (int, error) {
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o600)
	if err != nil {
		return 0, fmt.Errorf("could not write the passwords to %s: %w", path, err)
	}
	// A file that already existed keeps its mode through OpenFile; narrow
	// it before any password is in it.
	if err := f.Chmod(0o600); err != nil {
		_ = f.Close()
		return 0, fmt.Errorf("could not make %s readable by you only: %w", path, err)
	}
	n, err := im.writePasswords(f)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return 0, fmt.Errorf("could not write the passwords to %s: %w", path, err)
	}
	return n, nil
}

func (im *Import) writePasswords(w io.Writer) (int, error) {
	cw := csvsafe.NewWriter(w)
	if err := cw.Write([]string{"userPrincipalName", "displayName", "password"}); err != nil {
		return 0, err
	}
	n := 0
	for _, r := range im.Rows {
		if r.Status != Created || !r.GeneratePassword {
			continue
		}
		if err := cw.Write([]string{r.User.UserPrincipalName, r.User.DisplayName, r.User.Password}); err != nil {
			return n, err
		}
		n++
	}
	return n, cw.Flush()
}

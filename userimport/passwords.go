package userimport

import (
	"fmt"
	"io"
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

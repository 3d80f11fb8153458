package keystore

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"runtime"
)

// keepPrivate makes the settings folder, and the settings file when there is
// one, readable only by the user, as the program tells the admin they are.
// A folder left open by hand or by another tool would let other users read
// the file, or put one of their own in its place. A shared folder with the
// sticky bit (such as /tmp) is refused rather than changed. On Windows the
// user profile's permissions (ACLs) protect them instead.
func keepPrivate(dir, file string) error {
	if runtime.GOOS == "windows" {
		return nil
	}
	info, err := os.Stat(dir)
	if err != nil {
		return fmt.Errorf("checking the settings folder: %w", err)
	}
	if info.Mode()&fs.ModeSticky != 0 {
		return fmt.Errorf("the settings folder %s is shared with other users; choose a folder of your own (set %s)", dir, ConfigDirEnv)
	}
	if err := tighten(dir, info.Mode(), 0o700); err != nil {
		return fmt.Errorf("the settings folder %s can be opened by other users (mode %04o) and could not be made private: %w", dir, info.Mode().Perm(), err)
	}
	info, err = os.Stat(file)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("checking the settings file: %w", err)
	}
	if err := tighten(file, info.Mode(), 0o600); err != nil {
		return fmt.Errorf("the settings file %s can be read by other users (mode %04o) and could not be made private: %w", file, info.Mode().Perm(), err)
	}
	return nil
}

// tighten sets path to private when its mode gives group or others any
// access.
func tighten(path string, mode fs.FileMode, private fs.FileMode) error {
	if mode.Perm()&0o077 == 0 {
		return nil
	}
	return os.Chmod(path, private)
}

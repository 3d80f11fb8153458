package keystore

import (
	"errors"
	"io/fs"
	"os"
	"time"

	"golang.org/x/sys/windows"
)

// On Windows a file cannot be replaced while another process has it open
// without FILE_SHARE_DELETE: the rename fails with "Access is denied" or a
// sharing violation. The app and the command line read the settings file
// often, so a save can meet a read in progress. Readers here open the file
// with every sharing mode, and a save retries the rename for a while, which
// also covers readers that are not this program (a backup tool, an editor).
const (
	replaceWait = 3 * time.Second
	replacePoll = 25 * time.Millisecond
)

// replaceFile renames src over dst, retrying while another process holds dst
// open.
func replaceFile(src, dst string) error {
	deadline := time.Now().Add(replaceWait)
	for {
		err := os.Rename(src, dst)
		if err == nil || !heldOpen(err) || time.Now().After(deadline) {
			return err
		}
		time.Sleep(replacePoll)
	}
}

// heldOpen reports whether err is Windows refusing to replace a file that
// another process has open.
func heldOpen(err error) bool {
	return errors.Is(err, windows.ERROR_ACCESS_DENIED) || errors.Is(err, windows.ERROR_SHARING_VIOLATION) ||
		errors.Is(err, windows.ERROR_LOCK_VIOLATION)
}

// openShared opens the file at path for reading, letting other processes
// read, write, rename and replace it meanwhile (os.Open does not allow
// replacing).
func openShared(path string) (*os.File, error) {
	name, err := windows.UTF16PtrFromString(path)
	if err != nil {
		return nil, &fs.PathError{Op: "open", Path: path, Err: err}
	}
	h, err := windows.CreateFile(name, windows.GENERIC_READ,
		windows.FILE_SHARE_READ|windows.FILE_SHARE_WRITE|windows.FILE_SHARE_DELETE,
		nil, windows.OPEN_EXISTING, windows.FILE_ATTRIBUTE_NORMAL, 0)
	if err != nil {
		return nil, &fs.PathError{Op: "open", Path: path, Err: err}
	}
	return os.NewFile(uintptr(h), path), nil
}

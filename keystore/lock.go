package keystore

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"time"
)

// The settings file is shared by every running copy of the program (the app
// and the command line), so each change to it holds a lock file next to it
// while it reads, changes and rewrites the file.
const (
	lockWait  = 5 * time.Second       // how long to wait for another copy
	lockStale = 30 * time.Second      // a lock this old was left by a crash
	lockPoll  = 20 * time.Millisecond // how often to look again
)

// lockSettings takes the lock file of the settings file at path and returns
// the function that releases it.
func lockSettings(path string) (unlock func(), err error) {
	lock := path + ".lock"
	deadline := time.Now().Add(lockWait)
	for {
		f, err := os.OpenFile(lock, os.O_CREATE|os.O_EXCL|os.O_WRONLY, 0o600)
		if err == nil {
			f.Close()
			return func() { os.Remove(lock) }, nil
		}
		if !errors.Is(err, fs.ErrExist) {
			return nil, fmt.Errorf("locking the saved connections: %w", err)
		}
		if info, statErr := os.Stat(lock); statErr == nil && time.Since(info.ModTime()) > lockStale {
			os.Remove(lock)
			continue
		}
		if time.Now().After(deadline) {
			return nil, fmt.Errorf("the saved connections are being changed by another copy of the program (lock file %s); try again", lock)
		}
		time.Sleep(lockPoll)
	}
}

package keystore

import (
	"context"
	"fmt"
	"time"

	"github.com/gofrs/flock"
)

// The settings file is shared by every running copy of the program (the app
// and the command line), so each change to it holds an operating-system
// lock on a file next to it while it reads, changes and rewrites the file.
// The system releases the lock when its holder exits, even when killed, so a
// crash never leaves a lock behind; the lock file itself may stay.
const (
	lockWait = 5 * time.Second       // how long to wait for another copy
	lockPoll = 20 * time.Millisecond // how often to look again
)

// lockSettings takes the lock of the settings file at path and returns the
// function that releases it.
func lockSettings(path string) (unlock func(), err error) {
	lock := flock.New(path+".lock", flock.SetPermissions(0o600))
	ctx, cancel := context.WithTimeout(context.Background(), lockWait)
	defer cancel()
	ok, err := lock.TryLockContext(ctx, lockPoll)
	switch {
	case ok:
		return func() { _ = lock.Unlock() }, nil
	case err != nil && ctx.Err() == nil:
		return nil, fmt.Errorf("locking the saved connections: %w", err)
	default:
		return nil, fmt.Errorf("the saved connections are being changed by another copy of the program (lock %s); try again", lock.Path())
	}
}

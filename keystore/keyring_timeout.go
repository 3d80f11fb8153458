package keystore

import (
	"errors"
	"fmt"
	"sync"
	"time"
)

// timeoutKeyring gives up on any call of the Keyring it wraps after timeout.
//
// A call it gave up on may still complete later, when a stuck keychain wakes
// up; the caller has by then reported that nothing was saved. So a change
// that was given up on undoes itself when it completes: the value it
// replaced (or its absence) is put back. Calls run one at a time, so an
// abandoned change and its undo finish before the next call starts, and a
// later call never sees, nor is overwritten by, the abandoned one.
type timeoutKeyring struct {
	Keyring
	timeout time.Duration
	turn    *sync.Mutex     // held by the call in progress
	running *sync.WaitGroup // calls not finished, abandoned ones included
}

func newTimeoutKeyring(kr Keyring, timeout time.Duration) *timeoutKeyring {
	return &timeoutKeyring{Keyring: kr, timeout: timeout, turn: &sync.Mutex{}, running: &sync.WaitGroup{}}
}

func (k *timeoutKeyring) Set(account, secret string) error {
	_, err := k.call(account, true, func() (string, error) { return "", k.Keyring.Set(account, secret) })
	return err
}

func (k *timeoutKeyring) Get(account string) (string, error) {
	return k.call(account, false, func() (string, error) { return k.Keyring.Get(account) })
}

func (k *timeoutKeyring) Delete(account string) error {
	_, err := k.call(account, true, func() (string, error) { return "", k.Keyring.Delete(account) })
	return err
}

func (k *timeoutKeyring) String() string { return describe(k.Keyring) }

// call runs one keychain call in a goroutine and stops waiting after the
// timeout. A call that never returns leaves its goroutine blocked (and the
// calls after it waiting their turn, then timing out); that is the price of
// not hanging the program on a locked keychain. For a change, the value
// before it is read first, in the same turn, so it can be put back.
func (k *timeoutKeyring) call(account string, change bool, do func() (string, error)) (string, error) {
	type result struct {
		value string
		err   error
	}
	done := make(chan result, 1)
	var abandoned sync.Mutex // locked once the caller stopped waiting
	gaveUp := false
	k.running.Add(1)
	go func() {
		defer k.running.Done()
		k.turn.Lock()
		defer k.turn.Unlock()
		var before string
		var beforeErr error
		if change {
			before, beforeErr = k.Keyring.Get(account)
		}
		v, err := do()
		abandoned.Lock()
		late := gaveUp
		if !late {
			done <- result{v, err} // buffered: never blocks
		}
		abandoned.Unlock()
		if !late {
			return
		}
		if change && err == nil {
			_ = k.undo(account, before, beforeErr) // nobody is left to tell
		}
	}()
	timer := time.NewTimer(k.timeout)
	defer timer.Stop()
	select {
	case r := <-done:
		return r.value, r.err
	case <-timer.C:
	}
	abandoned.Lock()
	defer abandoned.Unlock()
	select {
	case r := <-done: // it finished just as the time ran out
		return r.value, r.err
	default:
		gaveUp = true
		return "", fmt.Errorf("%w after %s", ErrTimeout, k.timeout)
	}
}

// undo restores account to what it held before an abandoned change.
func (k *timeoutKeyring) undo(account, before string, beforeErr error) error {
	switch {
	case beforeErr == nil:
		return k.Keyring.Set(account, before)
	case errors.Is(beforeErr, ErrNotFound):
		if err := k.Keyring.Delete(account); err != nil && !errors.Is(err, ErrNotFound) {
			return err
		}
		return nil
	default:
		return beforeErr // what was there is unknown: leave it
	}
}

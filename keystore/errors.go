package keystore

import (
	"errors"
	"runtime"
)

var (
	// ErrNotFound means the connection or keychain entry does not exist.
	ErrNotFound = errors.New("not found")
	// ErrUnavailable means no system keychain could be used. The error
	// carrying it is an *UnavailableError that says why.
	ErrUnavailable = errors.New("no system keychain is available")
	// ErrTimeout means the keychain did not answer in time, for example
	// because it is locked and waiting for a password prompt.
	ErrTimeout = errors.New("the system keychain did not answer in time (it may be locked)")
	// ErrExists means a connection with that name already exists.
	ErrExists = errors.New("a connection with that name already exists")
)

// UnavailableError reports that the system keychain cannot be used, with a
// short reason an admin can act on. errors.Is(err, ErrUnavailable) holds.
type UnavailableError struct {
	// Reason is a short plain-words cause, such as "Secret Service not running".
	Reason string
	// Err is the keychain library's own error.
	Err error
}

func (e *UnavailableError) Error() string {
	return ErrUnavailable.Error() + " (" + e.Reason + ")"
}

// Is makes errors.Is(err, ErrUnavailable) true.
func (e *UnavailableError) Is(target error) bool { return target == ErrUnavailable }

func (e *UnavailableError) Unwrap() error { return e.Err }

// unavailable wraps a keychain library error into an *UnavailableError with
// a reason that names the cause on the system the program runs on.
func unavailable(err error) error {
	return &UnavailableError{Reason: keychainReason(runtime.GOOS, err), Err: err}
}

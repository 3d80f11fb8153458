package keystore

import (
	"errors"
	"fmt"
	"time"

	gokeyring "github.com/zalando/go-keyring"
)

// Service is the keychain service name the program stores its secrets under.
const Service = "entra-wizard"

// DefaultTimeout bounds each keychain call of the system keyring when Open
// is given none.
const DefaultTimeout = 5 * time.Second

// Keyring stores secrets under account names in one keychain service.
// Get and Delete return an error matching ErrNotFound for a missing account.
type Keyring interface {
	Set(account, secret string) error
	Get(account string) (string, error)
	Delete(account string) error
}

// SystemKeyring returns the operating system's keychain (Secret Service on
// Linux, Keychain on macOS, Credential Manager on Windows) through
// go-keyring. Every call gives up after timeout with ErrTimeout; a keychain
// that cannot be reached gives an *UnavailableError.
func SystemKeyring(service string, timeout time.Duration) Keyring {
	if timeout <= 0 {
		timeout = DefaultTimeout
	}
	return newTimeoutKeyring(goKeyring{service: service}, timeout)
}

// goKeyring calls go-keyring directly and maps its errors to this package's.
type goKeyring struct{ service string }

func (k goKeyring) Set(account, secret string) error {
	return mapKeyringError(gokeyring.Set(k.service, account, secret))
}

func (k goKeyring) Get(account string) (string, error) {
	v, err := gokeyring.Get(k.service, account)
	return v, mapKeyringError(err)
}

func (k goKeyring) Delete(account string) error {
	return mapKeyringError(gokeyring.Delete(k.service, account))
}

// String names the keychain for messages such as "saved in ...".
func (k goKeyring) String() string {
	return fmt.Sprintf("%s, service %q", KeychainName(), k.service)
}

func mapKeyringError(err error) error {
	switch {
	case err == nil:
		return nil
	case errors.Is(err, gokeyring.ErrNotFound):
		return ErrNotFound
	case errors.Is(err, gokeyring.ErrSetDataTooBig):
		return fmt.Errorf("the keychain refused a value as too large: %w", err)
	default:
		return unavailable(err)
	}
}

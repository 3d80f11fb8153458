package keystore

import (
	"errors"
	"fmt"
)

// Keychain account names are "<connection name>/<key>".
const (
	clientSecretKey = "client-secret"
	refreshTokenKey = "refresh-token"
	ldapPasswordKey = "ldap-password"
)

// secretKeys are every key a connection may keep in the keychain.
var secretKeys = []string{clientSecretKey, refreshTokenKey, ldapPasswordKey}

func account(name, key string) string { return name + "/" + key }

// readSecrets reads every secret of a connection; a missing entry is left
// empty.
func (s *Store) readSecrets(name string) (Secrets, error) {
	var sec Secrets
	for _, e := range []struct {
		key string
		dst *string
	}{
		{clientSecretKey, &sec.ClientSecret},
		{refreshTokenKey, &sec.RefreshToken},
		{ldapPasswordKey, &sec.LDAPPassword},
	} {
		v, err := readValue(s.keyring, account(name, e.key))
		if err != nil && !errors.Is(err, ErrNotFound) {
			return Secrets{}, fmt.Errorf("reading the secrets of %q: %w", name, err)
		}
		*e.dst = v
	}
	return sec, nil
}

// writeSecrets stores every secret of a connection; an empty one is deleted
// so no stale entry stays behind.
func (s *Store) writeSecrets(name string, sec Secrets) error {
	for _, e := range []struct{ key, value string }{
		{clientSecretKey, sec.ClientSecret},
		{refreshTokenKey, sec.RefreshToken},
		{ldapPasswordKey, sec.LDAPPassword},
	} {
		acc := account(name, e.key)
		var err error
		if e.value == "" {
			_, err = deleteValue(s.keyring, acc)
		} else {
			err = writeValue(s.keyring, acc, e.value)
		}
		if err != nil {
			return err
		}
	}
	return nil
}

// deleteSecrets removes every secret of a connection and their chunks.
func (s *Store) deleteSecrets(name string) error {
	for _, key := range secretKeys {
		if _, err := deleteValue(s.keyring, account(name, key)); err != nil {
			return err
		}
	}
	return nil
}

// restoreSecrets undoes writeSecrets after a failure: it puts back the
// previous secrets, or removes the new ones when there were none. Errors
// are ignored; the caller already reports the failure that matters.
func (s *Store) restoreSecrets(name string, previous *Secrets) {
	if previous != nil {
		_ = s.writeSecrets(name, *previous)
		return
	}
	_ = s.deleteSecrets(name)
}

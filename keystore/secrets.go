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
	// certificateKeyKey holds a certificate's private key (about 1.6 KB,
	// stored in chunks like every large value).
	certificateKeyKey = "certificate-key"
)

// secretKeys are every key a connection may keep in the keychain.
var secretKeys = []string{clientSecretKey, refreshTokenKey, ldapPasswordKey, certificateKeyKey}

func account(name, key string) string { return name + "/" + key }

// binding is what the keychain entries of a connection say about where
// they may be sent.
type binding struct {
	// saved is the destination recorded with the entries; nil when none
	// records one.
	saved *Destination
	// unbound is true when an entry records no destination; its secret
	// is not read.
	unbound bool
	// mixed is true when two entries record different destinations.
	mixed bool
}

func (b *binding) add(d *Destination) {
	switch {
	case d == nil:
		b.unbound = true
	case b.saved == nil:
		b.saved = d
	case *b.saved != *d:
		b.mixed = true
	}
}

// fields pairs each keychain key with its place in sec.
func fields(sec *Secrets) []struct {
	key string
	dst *string
} {
	return []struct {
		key string
		dst *string
	}{
		{clientSecretKey, &sec.ClientSecret},
		{refreshTokenKey, &sec.RefreshToken},
		{ldapPasswordKey, &sec.LDAPPassword},
		{certificateKeyKey, &sec.CertificateKey},
	}
}

// readSecrets reads every secret of a connection and the destination they
// were saved for, for settings that point to now (see unbindFor); a missing
// entry is left empty.
func (s *Store) readSecrets(name string, now Destination) (Secrets, binding, error) {
	var (
		sec Secrets
		b   binding
	)
	for _, e := range fields(&sec) {
		v, err := readValue(s.keyring, account(name, e.key))
		if errors.Is(err, ErrNotFound) {
			continue
		}
		if err != nil {
			return Secrets{}, binding{}, fmt.Errorf("reading the secrets of %q: %w", name, err)
		}
		d, secret, present := unbindFor(v, now)
		b.add(d)
		if present && d != nil {
			*e.dst = secret
		}
	}
	return sec, b, nil
}

// writeSecrets stores every secret of a connection for destination d; an
// empty one is deleted so no stale entry stays behind.
func (s *Store) writeSecrets(name string, sec Secrets, d Destination) error {
	for _, e := range fields(&sec) {
		acc := account(name, e.key)
		var err error
		if *e.dst == "" {
			_, err = deleteValue(s.keyring, acc)
		} else {
			err = writeValue(s.keyring, acc, bindValue(d, *e.dst))
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

// earlierSecrets are the secrets a change replaces, and the destination
// they were saved for, to put back if the change fails.
type earlierSecrets struct {
	sec  Secrets
	dest Destination
}

// restoreSecrets undoes writeSecrets after a failure: it puts back the
// previous secrets, or removes the new ones when there were none. Errors
// are ignored; the caller already reports the failure that matters.
func (s *Store) restoreSecrets(name string, previous *earlierSecrets) {
	if previous != nil {
		_ = s.writeSecrets(name, previous.sec, previous.dest)
		return
	}
	_ = s.deleteSecrets(name)
}

// savedOr is the destination the entries were saved for, or d when they
// record none.
func (b binding) savedOr(d Destination) Destination {
	if b.saved != nil {
		return *b.saved
	}
	return d
}

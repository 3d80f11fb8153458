package keystore

import (
	"encoding/json"
	"errors"
	"strings"
)

// A re-save that moves a connection to another address changes two things
// that cannot change together: the keychain entries, bound to where their
// secret may be sent, and the settings file, which names the address. While
// it moves, each entry keeps both secrets, each with its destination, and
// releases the one whose destination the settings name. So a program killed
// before the settings file is replaced leaves the old connection working,
// and one killed after it the new one. Once the file is replaced the
// entries are rewritten for the new address alone; a move a killed program
// left half done is finished by the next change (see sweep).

// movePrefix starts the keychain value of an entry that is moving: the
// prefix, then a movingValue as JSON.
const movePrefix = "entra-wizard-moving:1:"

// movingValue is an entry's secret at the address it moves from and at the
// one it moves to; nil where the connection has no such entry there.
type movingValue struct {
	From Destination `json:"from"`
	Old  *string     `json:"old,omitempty"`
	To   Destination `json:"to"`
	New  *string     `json:"new,omitempty"`
}

func (m movingValue) String() string {
	body, _ := json.Marshal(m) // plain strings: cannot fail
	return movePrefix + string(body)
}

// parseMoving reads a moving entry's value; ok is false for any other value.
func parseMoving(value string) (m movingValue, ok bool) {
	body, found := strings.CutPrefix(value, movePrefix)
	if !found || json.Unmarshal([]byte(body), &m) != nil || m.From.Cloud == "" || m.To.Cloud == "" {
		return movingValue{}, false
	}
	return m, true
}

// unbindFor splits a keychain value into its destination and secret for
// settings that point to now. Of a moving entry it gives the side now names,
// or the new one when now names neither; present is false when that side
// has no secret. d is nil for a value that records no destination.
func unbindFor(value string, now Destination) (d *Destination, secret string, present bool) {
	m, moving := parseMoving(value)
	if !moving {
		d, secret = unbindValue(value)
		return d, secret, true
	}
	if now == m.From && now != m.To {
		return &m.From, deref(m.Old), m.Old != nil
	}
	return &m.To, deref(m.New), m.New != nil
}

// moveSecrets writes every entry of name as moving from previous to sec at
// destination to.
func (s *Store) moveSecrets(name string, previous earlierSecrets, sec Secrets, to Destination) error {
	old := fields(&previous.sec)
	for i, e := range fields(&sec) {
		m := movingValue{From: previous.dest, Old: nonEmpty(*old[i].dst), To: to, New: nonEmpty(*e.dst)}
		acc := account(name, e.key)
		var err error
		if m.Old == nil && m.New == nil {
			_, err = deleteValue(s.keyring, acc)
		} else {
			err = writeValue(s.keyring, acc, m.String())
		}
		if err != nil {
			return err
		}
	}
	return nil
}

// finishMove rewrites the moving entries of p for the address its settings
// name, dropping the secrets of the other one. Entries moving between two
// addresses neither of which the settings name are left as they are: they
// are refused anyway.
func (s *Store) finishMove(p Profile) error {
	now := DestinationOf(p)
	var errs []error
	for _, key := range secretKeys {
		acc := account(p.Name, key)
		v, err := readValue(s.keyring, acc)
		if err != nil {
			if !errors.Is(err, ErrNotFound) {
				errs = append(errs, err)
			}
			continue
		}
		m, moving := parseMoving(v)
		if !moving || now != m.From && now != m.To {
			continue
		}
		if _, secret, present := unbindFor(v, now); present {
			errs = append(errs, writeValue(s.keyring, acc, bindValue(now, secret)))
		} else {
			_, err := deleteValue(s.keyring, acc)
			errs = append(errs, err)
		}
	}
	return errors.Join(errs...)
}

func nonEmpty(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}

func deref(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}

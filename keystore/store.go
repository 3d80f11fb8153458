package keystore

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"time"
)

// Store keeps connection profiles in a settings file and their secrets in a
// Keyring. Its methods are safe for concurrent use, also by several running
// copies of the program: the settings file is read afresh by every call, and
// changes hold a lock file.
type Store struct {
	mu      sync.Mutex
	path    string
	keyring Keyring
	now     func() time.Time
	// writeSettings replaces the settings file; tests swap it to make the
	// write fail after the keychain was written.
	writeSettings func(path string, profiles []Profile) error
}

// Saved says where Save put things, so the program can tell the admin.
type Saved struct {
	// SettingsFile is the path of the settings file.
	SettingsFile string
	// Keychain names the keychain that holds the secrets.
	Keychain string
}

// Open returns the Store in dir (DefaultDir when ""), creating the folder
// with mode 0700 if needed and making an existing one private again (mode
// 0700, its settings file 0600) if it was opened up. A nil kr means the system keychain with
// DefaultTimeout. Open fails if the settings file exists but cannot be read.
func Open(dir string, kr Keyring) (*Store, error) {
	if dir == "" {
		d, err := DefaultDir()
		if err != nil {
			return nil, err
		}
		dir = d
	}
	if kr == nil {
		kr = SystemKeyring(Service, DefaultTimeout)
	}
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return nil, fmt.Errorf("creating the settings folder: %w", err)
	}
	s := &Store{path: filepath.Join(dir, SettingsFileName), keyring: kr, now: time.Now, writeSettings: writeSettings}
	if err := keepPrivate(dir, s.path); err != nil {
		return nil, err
	}
	if _, err := readSettings(s.path); err != nil {
		return nil, err
	}
	return s, nil
}

// SettingsFile returns the path of the settings file.
func (s *Store) SettingsFile() string { return s.path }

// List returns the saved connections in the order they were first saved.
func (s *Store) List() ([]Profile, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return readSettings(s.path)
}

// Get returns the saved connection called name.
func (s *Store) Get(name string) (Profile, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	profiles, err := readSettings(s.path)
	if err != nil {
		return Profile{}, err
	}
	i := indexOf(profiles, name)
	if i < 0 {
		return Profile{}, notFound(name)
	}
	return profiles[i], nil
}

// Save stores p and its secrets, replacing a connection of the same name.
// The secrets go to the keychain first and the settings file second; if the
// settings cannot be written, the secrets just written are taken back out
// (or the earlier ones put back), so nothing is half-saved. A connection
// moved to another address works at the old one until the settings file is
// replaced, and at the new one from then on, even if the program is killed
// in between.
func (s *Store) Save(p Profile, sec Secrets) (Saved, error) {
	if err := p.validate(sec); err != nil {
		return Saved{}, err
	}
	unlock, err := s.lockForChange()
	if err != nil {
		return Saved{}, err
	}
	defer unlock()
	profiles, err := readSettings(s.path)
	if err != nil {
		return Saved{}, err
	}
	i := indexOf(profiles, p.Name)
	var previous *earlierSecrets
	if i >= 0 {
		if p.Created.IsZero() {
			p.Created = profiles[i].Created
		}
		if p.unknown == "" {
			p.unknown = profiles[i].unknown
		}
		old, b, err := s.readSecrets(p.Name, DestinationOf(profiles[i]))
		if err != nil {
			return Saved{}, fmt.Errorf("%w; nothing was saved", err)
		}
		previous = &earlierSecrets{sec: old, dest: b.savedOr(DestinationOf(profiles[i]))}
	}
	if p.Created.IsZero() {
		p.Created = s.now().UTC().Truncate(time.Second)
	}
	if i < 0 {
		if err := s.markPending(p.Name); err != nil {
			return Saved{}, fmt.Errorf("saving connections: %w; nothing was saved", err)
		}
	}
	// A move to another address keeps the old secrets usable until the
	// settings file names the new one (see moveSecrets).
	moving := previous != nil && previous.dest != DestinationOf(p)
	if moving {
		err = s.moveSecrets(p.Name, *previous, sec, DestinationOf(p))
	} else {
		err = s.writeSecrets(p.Name, sec, DestinationOf(p))
	}
	if err != nil {
		s.restoreSecrets(p.Name, previous)
		return Saved{}, fmt.Errorf("%w; nothing was saved", err)
	}
	if i >= 0 {
		profiles[i] = p
	} else {
		profiles = append(profiles, p)
	}
	if err := s.writeSettings(s.path, profiles); err != nil {
		s.restoreSecrets(p.Name, previous)
		return Saved{}, fmt.Errorf("%w; nothing was saved", err)
	}
	s.clearPending(p.Name) // a marker left by a failure is swept later
	if moving {
		_ = s.finishMove(p) // saved: what is left is finished by a later change
	}
	return Saved{SettingsFile: s.path, Keychain: describe(s.keyring)}, nil
}

// Secrets returns the secrets of the connection called name. The secret its
// method needs (the client secret, or the refresh token for a browser
// sign-in) must be present; a missing one is reported with ErrNotFound.
// Secrets are released only while the settings point where they were saved
// for; otherwise the error is an *EndpointsChangedError.
func (s *Store) Secrets(name string) (Secrets, error) {
	s.mu.Lock()
	p, sec, b, err := s.readConnection(name)
	s.mu.Unlock()
	if err != nil {
		return Secrets{}, err
	}
	now := DestinationOf(p)
	if b.mixed || b.saved != nil && *b.saved != now {
		return Secrets{}, &EndpointsChangedError{Name: name, Saved: b.savedOr(now), Now: now}
	}
	var missing string
	switch {
	case p.Method == MethodClientSecret && sec.ClientSecret == "":
		missing = "the client secret of connection %q is missing from the keychain"
	case p.Method == MethodCertificate && sec.CertificateKey == "":
		missing = "the certificate's key of connection %q is missing from the keychain (set the connection up again)"
	case p.Method == MethodBrowser && sec.RefreshToken == "":
		missing = "the sign-in of connection %q is missing from the keychain (sign in again)"
	case p.Method == MethodLDAP && sec.LDAPPassword == "":
		missing = "the bind password of connection %q is missing from the keychain (save the connection again)"
	default:
		return sec, nil
	}
	if b.unbound {
		// Binding it now to what the settings name would trust an edited
		// settings file.
		missing = "the keychain entry of connection %q does not record where it may be sent, so it is not used (connect again to save it)"
	}
	return Secrets{}, fmt.Errorf(missing+": %w", name, ErrNotFound)
}

// readConnection reads the settings and the secrets of a connection.
func (s *Store) readConnection(name string) (Profile, Secrets, binding, error) {
	profiles, err := readSettings(s.path)
	if err != nil {
		return Profile{}, Secrets{}, binding{}, err
	}
	i := indexOf(profiles, name)
	if i < 0 {
		return Profile{}, Secrets{}, binding{}, notFound(name)
	}
	sec, b, err := s.readSecrets(name, DestinationOf(profiles[i]))
	return profiles[i], sec, b, err
}

// SetRefreshToken replaces the refresh token of the connection called name,
// for example after the token service rotated it.
func (s *Store) SetRefreshToken(name, token string) error {
	unlock, err := s.lockForChange()
	if err != nil {
		return err
	}
	defer unlock()
	profiles, err := readSettings(s.path)
	if err != nil {
		return err
	}
	i := indexOf(profiles, name)
	if i < 0 {
		return notFound(name)
	}
	if token == "" {
		return errors.New("the new refresh token is empty")
	}
	// The new token keeps the destination of the one it replaces.
	dest := DestinationOf(profiles[i])
	if old, err := readValue(s.keyring, account(name, refreshTokenKey)); err == nil {
		if d, _, _ := unbindFor(old, dest); d != nil {
			dest = *d
		}
	}
	return writeValue(s.keyring, account(name, refreshTokenKey), bindValue(dest, token))
}

// Tidy removes what a program killed while saving left behind: secrets of
// connections that were never saved, half-written keychain values and old
// temporary files. Every change does this too.
func (s *Store) Tidy() error {
	unlock, err := s.lockForChange()
	if err != nil {
		return err
	}
	defer unlock()
	profiles, err := readSettings(s.path)
	if err != nil {
		return err
	}
	return s.sweep(profiles)
}

// lockForChange serializes changes: with other goroutines through s.mu, and
// with other running copies of the program through the OS file lock. Holding
// it, it first sweeps what killed programs left behind.
func (s *Store) lockForChange() (unlock func(), err error) {
	s.mu.Lock()
	release, err := lockSettings(s.path)
	if err != nil {
		s.mu.Unlock()
		return nil, err
	}
	if profiles, err := readSettings(s.path); err == nil {
		_ = s.sweep(profiles) // best effort; Tidy reports
	}
	return func() {
		release()
		s.mu.Unlock()
	}, nil
}

func indexOf(profiles []Profile, name string) int {
	for i, p := range profiles {
		if p.Name == name {
			return i
		}
	}
	return -1
}

func notFound(name string) error {
	return fmt.Errorf("no saved connection is called %q: %w", name, ErrNotFound)
}

func describe(kr Keyring) string {
	if s, ok := kr.(fmt.Stringer); ok {
		return s.String()
	}
	return "system keychain"
}

package keystore

import (
	"fmt"
)

// Delete removes the connection called name: its keychain entries first, so
// no secret is left behind without a connection, then its settings.
func (s *Store) Delete(name string) error {
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
	if err := s.deleteSecrets(name); err != nil {
		return fmt.Errorf("removing the secrets of %q: %w", name, err)
	}
	profiles = append(profiles[:i], profiles[i+1:]...)
	return s.writeSettings(s.path, profiles)
}

// Rename gives the connection oldName the name newName, moving its keychain
// entries. It fails with ErrExists if newName is taken. If the settings
// cannot be written, the copies under the new name are removed again.
func (s *Store) Rename(oldName, newName string) error {
	if err := ValidateName(newName); err != nil {
		return err
	}
	unlock, err := s.lockForChange()
	if err != nil {
		return err
	}
	defer unlock()
	profiles, err := readSettings(s.path)
	if err != nil {
		return err
	}
	i := indexOf(profiles, oldName)
	if i < 0 {
		return notFound(oldName)
	}
	if oldName == newName {
		return nil
	}
	if indexOf(profiles, newName) >= 0 {
		return fmt.Errorf("cannot rename %q to %q: %w", oldName, newName, ErrExists)
	}
	sec, b, err := s.readSecrets(oldName, DestinationOf(profiles[i]))
	if err != nil {
		return err
	}
	dest := b.savedOr(DestinationOf(profiles[i]))
	if err := s.markPending(oldName, newName); err != nil {
		return fmt.Errorf("renaming: %w; nothing was changed", err)
	}
	if err := s.writeSecrets(newName, sec, dest); err != nil {
		_ = s.deleteSecrets(newName)
		return fmt.Errorf("moving the secrets of %q: %w; nothing was changed", oldName, err)
	}
	profiles[i].Name = newName
	if err := s.writeSettings(s.path, profiles); err != nil {
		_ = s.deleteSecrets(newName)
		return fmt.Errorf("%w; nothing was changed", err)
	}
	if err := s.deleteSecrets(oldName); err != nil {
		return fmt.Errorf("renamed, but the old keychain entries of %q could not be removed (they are removed on a later change): %w", oldName, err)
	}
	s.clearPending(oldName, newName)
	return nil
}

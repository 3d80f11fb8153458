package keystore

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
)

// SettingsFileName is the name of the settings file inside the config folder.
const SettingsFileName = "connections.json"

// ConfigDirEnv overrides the config folder.
const ConfigDirEnv = "ENTRA_WIZARD_CONFIG_DIR"

// DefaultDir returns the config folder: $ENTRA_WIZARD_CONFIG_DIR when set,
// otherwise "entra-wizard" under the user's configuration directory.
func DefaultDir() (string, error) {
	if dir := os.Getenv(ConfigDirEnv); dir != "" {
		return dir, nil
	}
	base, err := os.UserConfigDir()
	if err != nil {
		return "", fmt.Errorf("finding the settings folder: %w (set %s to choose one)", err, ConfigDirEnv)
	}
	return filepath.Join(base, "entra-wizard"), nil
}

// settingsFile is the JSON document kept in connections.json.
type settingsFile struct {
	Version     int       `json:"version"`
	Connections []Profile `json:"connections"`
	unknown     string    // fields of a newer version, kept as they are
}

// maxSettingsSize is the largest settings file read: thousands of
// connections. A larger file is not one this program wrote, and reading it
// whole could exhaust the memory.
const maxSettingsSize = 4 << 20

const settingsVersion = 1

// readSettings loads the profiles in path; a missing file means none.
func readSettings(path string) ([]Profile, error) {
	doc, err := readSettingsFile(path)
	return doc.Connections, err
}

func readSettingsFile(path string) (settingsFile, error) {
	f, err := openShared(path)
	if errors.Is(err, fs.ErrNotExist) {
		return settingsFile{}, nil
	}
	if err != nil {
		return settingsFile{}, fmt.Errorf("reading saved connections: %w", err)
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, maxSettingsSize+1))
	if err != nil {
		return settingsFile{}, fmt.Errorf("reading saved connections: %w", err)
	}
	if len(data) > maxSettingsSize {
		return settingsFile{}, fmt.Errorf("the saved connections file %s is larger than %d MB, far more than this program ever writes, so it was not read; move it aside and add the connections again", path, maxSettingsSize>>20)
	}
	var doc settingsFile
	if err := json.Unmarshal(data, &doc); err != nil {
		return settingsFile{}, fmt.Errorf("the saved connections file %s is damaged: %w", path, err)
	}
	if doc.Version > settingsVersion {
		return settingsFile{}, fmt.Errorf("the saved connections file %s was written by a newer version of this program", path)
	}
	return doc, nil
}

// writeSettings replaces path atomically: it writes a temporary file in the
// same folder with mode 0600, flushes it to disk, renames it over path and
// flushes the folder, so a crash leaves either the old or the new file.
func writeSettings(path string, profiles []Profile) (err error) {
	if profiles == nil {
		profiles = []Profile{}
	}
	doc := settingsFile{Version: settingsVersion, Connections: profiles}
	if old, err := readSettingsFile(path); err == nil {
		doc.unknown = old.unknown
	}
	data, err := json.MarshalIndent(doc, "", "  ")
	if err != nil {
		return err
	}
	dir := filepath.Dir(path)
	tmp, err := os.CreateTemp(dir, "."+SettingsFileName+".*.tmp")
	if err != nil {
		return fmt.Errorf("saving connections: %w", err)
	}
	defer func() {
		if err != nil {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	if err := tmp.Chmod(0o600); err != nil {
		return fmt.Errorf("saving connections: %w", err)
	}
	if _, err := tmp.Write(append(data, '\n')); err != nil {
		return fmt.Errorf("saving connections: %w", err)
	}
	if err := tmp.Sync(); err != nil {
		return fmt.Errorf("saving connections: %w", err)
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("saving connections: %w", err)
	}
	if err := replaceFile(tmp.Name(), path); err != nil {
		return fmt.Errorf("saving connections: %w", err)
	}
	syncDir(dir)
	return nil
}

// syncDir flushes a folder so a rename in it survives a crash. Some systems
// (Windows) cannot open a folder for this; the rename still happened.
func syncDir(dir string) {
	d, err := os.Open(dir)
	if err != nil {
		return
	}
	defer d.Close()
	_ = d.Sync()
}

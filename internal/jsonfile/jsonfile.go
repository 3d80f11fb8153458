// Package jsonfile reads and writes the small JSON files the program keeps
// beside its settings (change feeds, offboarding records): reads bounded in
// size, and writes that replace a file whole or not at all.
package jsonfile

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
)

// Read decodes the file at path into v. found is false, with no error,
// when there is no such file. A file larger than limit bytes is refused
// unread; what names what it should hold, e.g. "a change feed".
func Read(path string, limit int64, what string, v any) (found bool, err error) {
	info, err := os.Stat(path)
	if errors.Is(err, fs.ErrNotExist) {
		return false, nil
	}
	if err == nil && info.Size() > limit {
		err = fmt.Errorf("the file is %d MB, more than %s holds", info.Size()>>20, what)
	}
	var data []byte
	if err == nil {
		data, err = os.ReadFile(path)
	}
	if err == nil {
		err = json.Unmarshal(data, v)
	}
	return true, err
}

// Write replaces the file at path with v as indented JSON, atomically and
// readable by its owner only: a temporary file in the same folder (made if
// missing), flushed, then renamed over the old one. A crash leaves the old
// file or the new one, never half of one.
func Write(path string, v any) (err error) {
	data, err := json.MarshalIndent(v, "", "  ")
	if err != nil {
		return err
	}
	dir := filepath.Dir(path)
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return err
	}
	tmp, err := os.CreateTemp(dir, "."+filepath.Base(path)+".*.tmp")
	if err != nil {
		return err
	}
	defer func() {
		if err != nil {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	if err = tmp.Chmod(0o600); err == nil {
		_, err = tmp.Write(data)
	}
	if err == nil {
		err = tmp.Sync()
	}
	if err == nil {
		err = tmp.Close()
	}
	if err == nil {
		err = os.Rename(tmp.Name(), path)
	}
	return err
}

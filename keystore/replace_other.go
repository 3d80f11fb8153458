//go:build !windows

package keystore

import "os"

// replaceFile renames src over dst; elsewhere than Windows that works while
// other processes have dst open.
func replaceFile(src, dst string) error { return os.Rename(src, dst) }

// openShared opens the file at path for reading.
func openShared(path string) (*os.File, error) { return os.Open(path) }

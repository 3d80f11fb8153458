//go:build !windows

package console

// Attach does nothing outside Windows: the terminal's streams are already
// the program's.
func Attach() {}

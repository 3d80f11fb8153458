//go:build !windows && !darwin && !js && !android

package langenv

import "os"

// On Windows, macOS, Android and the web the locale comes from system calls,
// not from the environment, so there is nothing to correct there.
func init() {
	if want, change := languages(os.Getenv); change {
		_ = os.Setenv("LANGUAGE", want)
	}
}

// Package buildinfo says which build of the program is running: its version
// (the git tag it was built from), the commit, and the Go and Fyne versions
// it was built with. The release build sets Version and Commit through the
// linker (-ldflags "-X ..."); a plain "go build" reports "dev".
//
// It reads the Fyne version from the module list Go records in every binary,
// so it needs no import of Fyne and the command line can use it.
package buildinfo

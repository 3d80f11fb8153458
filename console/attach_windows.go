package console

import (
	"os"

	"golang.org/x/sys/windows"
)

// attachParentProcess is ATTACH_PARENT_PROCESS: the console of the process
// that started this one.
const attachParentProcess = ^uint32(0)

var procAttachConsole = windows.NewLazySystemDLL("kernel32.dll").NewProc("AttachConsole")

// stream is one standard stream: its handle number and the os.File for it.
type stream struct {
	std    uint32
	file   **os.File
	device string
	flag   int
}

// Attach joins the parent's console, if it has one, and points every
// standard stream that leads nowhere at it. Streams redirected to a pipe or a
// file (entra-wizard status --json > out.json) keep their destination.
// Without a parent console (a double-click) nothing changes.
func Attach() {
	streams := []stream{
		{windows.STD_INPUT_HANDLE, &os.Stdin, "CONIN$", os.O_RDWR},
		{windows.STD_OUTPUT_HANDLE, &os.Stdout, "CONOUT$", os.O_RDWR},
		{windows.STD_ERROR_HANDLE, &os.Stderr, "CONOUT$", os.O_RDWR},
	}
	var missing []stream
	for _, s := range streams {
		if !usable(s.std) {
			missing = append(missing, s)
		}
	}
	if len(missing) == 0 {
		return
	}
	if ok, _, _ := procAttachConsole.Call(uintptr(attachParentProcess)); ok == 0 {
		return
	}
	for _, s := range missing {
		f, err := os.OpenFile(s.device, s.flag, 0)
		if err != nil {
			continue
		}
		_ = windows.SetStdHandle(s.std, windows.Handle(f.Fd()))
		*s.file = f
	}
}

// usable reports whether the standard handle std leads somewhere: a pipe, a
// file or a console the program already has.
func usable(std uint32) bool {
	h, err := windows.GetStdHandle(std)
	if err != nil || h == 0 || h == windows.InvalidHandle {
		return false
	}
	kind, err := windows.GetFileType(h)
	return err == nil && kind != windows.FILE_TYPE_UNKNOWN
}

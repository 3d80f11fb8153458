package ui

import (
	"io"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
)

// openDialog asks for a file to read with the standard open dialog of w;
// a cancelled dialog does nothing.
func openDialog(w fyne.Window) func(chosen func(io.ReadCloser, error)) {
	return func(chosen func(io.ReadCloser, error)) {
		dialog.NewFileOpen(func(f fyne.URIReadCloser, err error) {
			if f == nil && err == nil {
				return
			}
			chosen(f, err)
		}, w).Show()
	}
}

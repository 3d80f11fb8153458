package ldap

import (
	"io"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"

	"github.com/entra-wizard/entra-wizard/connection"
	"github.com/entra-wizard/entra-wizard/keystore"
)

// Store saves and reads connections; *keystore.Store provides it.
type Store interface {
	List() ([]keystore.Profile, error)
	Get(name string) (keystore.Profile, error)
	Secrets(name string) (keystore.Secrets, error)
	Save(p keystore.Profile, s keystore.Secrets) (keystore.Saved, error)
}

// Deps are what the LDAP screens need from the program.
type Deps struct {
	// Store holds the saved connections; nil when it could not be opened.
	Store Store
	// Engine tests and opens the connections; nil means one that reaches
	// servers through the system's resolver and trusted authorities, and
	// opens no saved connection.
	Engine *connection.Engine
	// OpenURL opens a page in the system browser.
	OpenURL func(string) error
	// Clipboard receives what the Copy buttons copy.
	Clipboard fyne.Clipboard
	// Do runs f on the UI goroutine; nil means fyne.Do.
	Do func(f func())
	// SaveFile asks where to save an export and hands over the file.
	SaveFile func(suggested string, chosen func(io.WriteCloser, error))
}

func (d Deps) do(f func()) {
	if d.Do != nil {
		d.Do(f)
		return
	}
	fyne.Do(f)
}

func (d Deps) engine() *connection.Engine {
	if d.Engine != nil {
		return d.Engine
	}
	return &connection.Engine{}
}

func (d Deps) copy(s string) {
	if d.Clipboard != nil {
		d.Clipboard.SetContent(s)
	}
}

func (d Deps) open(url string) {
	if d.OpenURL != nil {
		_ = d.OpenURL(url)
	}
}

// SaveDialog asks where to save a file with the standard save dialog of w,
// for Deps.SaveFile; a cancelled dialog does nothing.
func SaveDialog(w fyne.Window) func(suggested string, chosen func(io.WriteCloser, error)) {
	return func(suggested string, chosen func(io.WriteCloser, error)) {
		d := dialog.NewFileSave(func(f fyne.URIWriteCloser, err error) {
			if f == nil && err == nil {
				return
			}
			chosen(f, err)
		}, w)
		d.SetFileName(suggested)
		d.Show()
	}
}

package ui

import (
	"fyne.io/fyne/v2"

	"github.com/entra-wizard/entra-wizard/keystore"
)

// docsPage is the program's documentation: the README on its project page
// (FyneApp.toml's Website), which explains each way to connect, the panel
// and the command line.
const docsPage = "https://github.com/entra-wizard/entra-wizard#readme"

// docsItem opens the documentation in the browser.
func (u *UI) docsItem() *fyne.MenuItem {
	return fyne.NewMenuItem("Documentation", func() {
		if u.deps.OpenURL != nil {
			_ = u.deps.OpenURL(docsPage)
		}
	})
}

// settingsText says in the About box where the settings live and how to
// move them, for support and for backups.
func (u *UI) settingsText() string {
	where := ""
	if u.deps.Store != nil {
		where = u.deps.Store.SettingsFile()
	} else if dir, err := keystore.DefaultDir(); err == nil {
		where = dir
	}
	if where == "" {
		return "Settings: the settings folder could not be found; set " + keystore.ConfigDirEnv + " to choose one."
	}
	return "Settings: " + where + "\nSecrets are kept in the system keychain. Set " + keystore.ConfigDirEnv +
		" to keep the settings elsewhere."
}

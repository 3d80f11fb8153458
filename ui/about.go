package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/widget"

	"github.com/entra-wizard/entra-wizard/buildinfo"
	"github.com/entra-wizard/entra-wizard/ui/kit"
)

// mainMenu is the window's menu bar: Edit, with Find (Ctrl+F), and Help,
// with the About entry and the documentation. A menu's shortcut works wherever the keyboard is,
// also in a text field, which a shortcut of the window's alone does not.
func (u *UI) mainMenu() *fyne.MainMenu {
	find := fyne.NewMenuItem("Find", u.focusSearch)
	find.Shortcut = &desktop.CustomShortcut{KeyName: fyne.KeyF, Modifier: fyne.KeyModifierShortcutDefault}
	return fyne.NewMainMenu(fyne.NewMenu("Edit", find),
		fyne.NewMenu("Help", fyne.NewMenuItem("About "+appTitle, u.showAbout), u.docsItem()))
}

// focusSearch gives the keyboard to the panel's search box, if a panel
// shows.
func (u *UI) focusSearch() {
	var field fyne.Focusable
	switch {
	case u.panel != nil:
		field = u.panel.SearchField()
	case u.ldapPanel != nil:
		field = u.ldapPanel.SearchField()
	}
	if field != nil {
		u.win.Canvas().Focus(field)
	}
}

// aboutText is what the About box says: the facts of --version, so that an
// admin can read them out to support without opening a terminal.
func aboutText(info buildinfo.Info) string {
	return "Version " + info.Version + "\n" +
		"Commit " + info.ShortCommit() + "\n" +
		"Built with Go " + info.Go + " and Fyne " + info.Fyne + " (" + info.Platform + ")"
}

// showAbout opens the About box over the window.
func (u *UI) showAbout() {
	facts := widget.NewLabel(aboutText(buildinfo.Read()))
	facts.Selectable = true
	settings := widget.NewLabel(u.settingsText())
	settings.Selectable = true
	content := container.NewVBox(
		widget.NewLabelWithStyle(appTitle, fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		widget.NewLabel("Connects an app to Microsoft Entra ID and manages its users and groups."),
		facts,
		settings,
	)
	d := dialog.NewCustom("About "+appTitle, "Close", content, u.win)
	u.about = kit.NewDialog(u.win, d, nil, d.Hide)
	u.about.Show()
}

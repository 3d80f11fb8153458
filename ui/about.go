package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"github.com/entra-wizard/entra-wizard/buildinfo"
)

// helpMenu is the window's menu bar: Help, with the About entry.
func (u *UI) helpMenu() *fyne.MainMenu {
	return fyne.NewMainMenu(fyne.NewMenu("Help",
		fyne.NewMenuItem("About "+appTitle, u.showAbout)))
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
	content := container.NewVBox(
		widget.NewLabelWithStyle(appTitle, fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		widget.NewLabel("Connects an app to Microsoft Entra ID and manages its users and groups."),
		facts,
	)
	u.about = dialog.NewCustom("About "+appTitle, "Close", content, u.win)
	u.about.Show()
}

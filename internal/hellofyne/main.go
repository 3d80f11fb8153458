// Command hellofyne is Fyne's hello world, built by scripts/startbench.sh
// with the app's Fyne version and build flags, so that the app's start can be
// compared with the least a Fyne program does before its window shows.
//
// It opens a window of the app's first size (900x640) with one label, like
// the examples at https://docs.fyne.io/started/hello.
package main

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/app"
	"fyne.io/fyne/v2/widget"
)

func main() {
	a := app.NewWithID("io.github.entra_wizard.hellofyne")
	w := a.NewWindow("Hello")
	w.SetContent(widget.NewLabel("Hello Fyne!"))
	w.Resize(fyne.NewSize(900, 640))
	w.ShowAndRun()
}

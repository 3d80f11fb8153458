package setupwizard

import (
	"errors"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/entra-wizard/entra-wizard/ui/setupwizard/flow"
)

// wrappedLabel is a paragraph that wraps to the window's width.
func wrappedLabel(text string) *widget.Label {
	l := widget.NewLabel(text)
	l.Wrapping = fyne.TextWrapWord
	return l
}

// markdown is formatted text (lists, bold) that wraps.
func markdown(md string) *widget.RichText {
	r := widget.NewRichTextFromMarkdown(md)
	r.Wrapping = fyne.TextWrapWord
	return r
}

// newFieldError is the red line under a field that says what is wrong.
func newFieldError() *widget.Label {
	l := widget.NewLabel("")
	l.Wrapping = fyne.TextWrapWord
	l.Importance = widget.DangerImportance
	l.Hide()
	return l
}

// setWizardMessage shows msg in l, or hides l when msg is "".
func setWizardMessage(l *widget.Label, msg string) {
	l.SetText(msg)
	if msg == "" {
		l.Hide()
	} else {
		l.Show()
	}
}

// showIf shows o when on holds and hides it otherwise.
func showIf(o fyne.CanvasObject, on bool) {
	if on {
		o.Show()
	} else {
		o.Hide()
	}
}

// enableIf enables w when on holds and disables it otherwise.
func enableIf(w fyne.Disableable, on bool) {
	if on {
		w.Enable()
	} else {
		w.Disable()
	}
}

// copyRow shows a value with a button that copies it.
func copyRow(label, value string, copyText func(string)) (fyne.CanvasObject, *widget.Button) {
	b := widget.NewButtonWithIcon("Copy", theme.ContentCopyIcon(), func() { copyText(value) })
	entry := widget.NewLabelWithStyle(value, fyne.TextAlignLeading, fyne.TextStyle{Monospace: true})
	entry.Selectable = true
	return container.NewBorder(nil, nil, widget.NewLabel(label), b, entry), b
}

// linkRow is an address the program wants opened in a browser, shown so it
// can be selected, with a button that copies it: the way to a page when no
// browser opens, or for sending it to someone else.
type linkRow struct {
	view *fyne.Container
	url  *widget.Label
	copy *widget.Button
}

func newLinkRow(copyLabel string, copyText func(string)) *linkRow {
	r := &linkRow{url: wrappedLabel("")}
	r.url.TextStyle = fyne.TextStyle{Monospace: true}
	r.url.Selectable = true
	r.copy = widget.NewButtonWithIcon(copyLabel, theme.ContentCopyIcon(), func() { copyText(r.url.Text) })
	r.view = container.NewBorder(nil, nil, nil, r.copy, r.url)
	return r
}

func (r *linkRow) setURL(url string) { r.url.SetText(url) }

// problemText turns Next's refusal into lines to show.
func problemText(err error) string {
	var se *flow.StepError
	if !errors.As(err, &se) {
		return err.Error()
	}
	msgs := make([]string, 0, len(se.Problems))
	for _, p := range se.Problems {
		msgs = append(msgs, p.Message)
	}
	return strings.Join(msgs, "\n")
}

// demoNotice says plainly that the demo tenant is a simulation.
func demoNotice() fyne.CanvasObject {
	l := wrappedLabel("Demo mode: you are connected to a simulated tenant running on this computer. " +
		"Nothing here touches a real Microsoft tenant. " +
		"Its values are already filled in, so you can go through every step.")
	l.Importance = widget.WarningImportance
	return container.NewVBox(widget.NewCard("", "", container.NewBorder(nil, nil,
		widget.NewIcon(theme.InfoIcon()), nil, l)))
}

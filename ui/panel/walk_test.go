package panel

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/entra-wizard/entra-wizard/ui/kit"
)

// rendered is what a widget draws: the objects of its renderer.
func rendered(w fyne.Widget) []fyne.CanvasObject { return test.WidgetRenderer(w).Objects() }

// shownLabels lists the labels a user can see under o.
func shownLabels(o fyne.CanvasObject) []*widget.Label {
	if o == nil || !o.Visible() {
		return nil
	}
	var children []fyne.CanvasObject
	switch w := o.(type) {
	case *widget.Label:
		return []*widget.Label{w}
	case *fyne.Container:
		children = w.Objects
	case fyne.Widget:
		children = rendered(w)
	}
	var out []*widget.Label
	for _, c := range children {
		out = append(out, shownLabels(c)...)
	}
	return out
}

// shownTexts is the text of the labels a user can see under o.
func shownTexts(o fyne.CanvasObject) []string {
	var out []string
	for _, l := range shownLabels(o) {
		out = append(out, l.Text)
	}
	return out
}

// findButton finds a visible button by its text under o.
func findButton(o fyne.CanvasObject, text string) button {
	if o == nil || !o.Visible() {
		return nil
	}
	var children []fyne.CanvasObject
	switch w := o.(type) {
	case *widget.Button:
		if w.Text == text {
			return w
		}
		return nil
	case *kit.Button:
		if w.Text == text {
			return w
		}
		return nil
	case *fyne.Container:
		children = w.Objects
	case fyne.Widget:
		children = rendered(w)
	}
	for _, c := range children {
		if b := findButton(c, text); b != nil {
			return b
		}
	}
	return nil
}

// overlayButton finds a button by its text in the dialog on top.
func overlayButton(t *testing.T, h *harness, text string) button {
	t.Helper()
	top := h.win.Canvas().Overlays().Top()
	if top == nil {
		t.Fatalf("no dialog is showing to tap %q in", text)
	}
	b := findButton(top, text)
	if b == nil {
		t.Fatalf("the dialog has no %q button", text)
	}
	return b
}

package panel

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"github.com/entra-wizard/entra-wizard/graph"
	"github.com/entra-wizard/entra-wizard/oauth"
)

// featureGate is an action button the connection's permissions may rule out.
// When they do, the button is disabled and a note under it names the
// permission the action needs.
type featureGate struct {
	button  *widget.Button
	note    *widget.Label
	feature graph.Feature
	allowed bool
	// ready is the action's own condition (something selected, not busy).
	ready bool
}

func newFeatureGate(label string, icon fyne.Resource, f graph.Feature, tapped func()) *featureGate {
	g := &featureGate{
		button:  widget.NewButtonWithIcon(label, icon, tapped),
		note:    widget.NewLabel(""),
		feature: f,
		ready:   true,
	}
	g.note.Importance = widget.WarningImportance
	g.note.TextStyle = fyne.TextStyle{Italic: true}
	g.note.Truncation = fyne.TextTruncateEllipsis
	g.note.Hide()
	g.button.Disable()
	return g
}

// permissionNotes stacks the notes of several actions, to show below the row
// of their buttons. Each note names its action.
func permissionNotes(gates ...*featureGate) fyne.CanvasObject {
	box := container.NewVBox()
	for _, g := range gates {
		box.Add(g.note)
	}
	return box
}

// apply enables or disables the action for the connection's report.
func (g *featureGate) apply(r graph.Report) {
	g.allowed = r.Allows(g.feature)
	if g.allowed {
		g.note.Hide()
	} else {
		g.note.SetText(strings.TrimSuffix(g.button.Text, "…") + ": " + needs(r, g.feature))
		g.note.Show()
	}
	g.refresh()
}

// setReady enables the action when it is also allowed.
func (g *featureGate) setReady(ready bool) {
	g.ready = ready
	g.refresh()
}

func (g *featureGate) refresh() {
	if g.allowed && g.ready {
		g.button.Enable()
	} else {
		g.button.Disable()
	}
}

// needs says what a feature the report rules out needs, e.g. "Needs
// User.ReadWrite.All": the least of the permissions that allow it, which is
// the one to ask for.
func needs(r graph.Report, f graph.Feature) string {
	for _, s := range r.Features {
		if s.Feature != f {
			continue
		}
		if len(s.Needs) > 0 {
			return "Needs " + s.Needs[0]
		}
		if s.Problem != "" {
			return s.Problem
		}
	}
	return "This connection is not allowed to do this"
}

// errorText says what went wrong in words an admin understands: Graph
// errors in plain words with their code.
func errorText(doing string, err error) string {
	if ge, ok := graph.AsError(err); ok {
		return fmt.Sprintf("Could not %s. %s", doing, ge.Plain())
	}
	if oe, ok := oauth.AsError(err); ok {
		text := fmt.Sprintf("Could not %s: Microsoft Entra refused the sign-in (%s).", doing, oe.Error())
		if oe.Hint != "" {
			text += " " + oe.Hint
		}
		return text
	}
	if errors.Is(err, context.DeadlineExceeded) {
		return fmt.Sprintf("Could not %s: Microsoft Graph did not answer in time. Check the network and try again.", doing)
	}
	return fmt.Sprintf("Could not %s: %v", doing, err)
}

// setStatus shows text on a status line, styled as an error when it says
// something could not be done (errorText's words), as plain text otherwise.
func setStatus(l *widget.Label, text string) {
	l.Importance = widget.MediumImportance
	if strings.HasPrefix(text, "Could not ") || strings.HasPrefix(text, "No free ") {
		l.Importance = widget.DangerImportance
	}
	l.SetText(text)
}

// sayOnLine shows text on a status line that takes no room while it is
// empty, and reports whether the line appeared or went, so that the pane
// around it lays itself out again.
func sayOnLine(l *widget.Label, text string) (resized bool) {
	setStatus(l, text)
	if (text != "") == l.Visible() {
		return false
	}
	if text == "" {
		l.Hide()
	} else {
		l.Show()
	}
	return true
}

// wrappedLabel is a label whose long text wraps.
func wrappedLabel(text string) *widget.Label {
	l := widget.NewLabel(text)
	l.Wrapping = fyne.TextWrapWord
	return l
}

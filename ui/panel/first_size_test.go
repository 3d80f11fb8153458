package panel

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/entra-wizard/entra-wizard/demotenant"
	"github.com/entra-wizard/entra-wizard/graph"
)

// findLabel finds the label showing text among what o draws.
func findLabel(o fyne.CanvasObject, text string) *widget.Label {
	if l, ok := o.(*widget.Label); ok && l.Text == text {
		return l
	}
	var children []fyne.CanvasObject
	switch x := o.(type) {
	case *fyne.Container:
		children = x.Objects
	case fyne.Widget:
		children = test.WidgetRenderer(x).Objects()
	}
	for _, c := range children {
		if l := findLabel(c, text); l != nil {
			return l
		}
	}
	return nil
}

// TestPanelAtTheFirstWindowSizeShowsButtonsAndDisabledMarks opens, at the
// window's first size, a disabled user with a long address and a license:
// the license buttons get their whole size and keep clear of the
// scrollbar, and the user's row shows "(disabled)" in full.
func TestPanelAtTheFirstWindowSizeShowsButtonsAndDisabledMarks(t *testing.T) {
	h := newHarness(t, demotenant.Options{})
	h.win.Resize(windowSize)
	h.openConnection("Northwind")
	ctx := t.Context()
	u, err := h.client.CreateUser(ctx, graph.NewUser{DisplayName: "Alexandra Featherstonehaugh",
		UserPrincipalName: "alexandra.featherstonehaugh.procurement@" + h.info.TenantDomain,
		UsageLocation:     "GB", Password: "Start-Here-2026!x"})
	if err != nil {
		t.Fatal(err)
	}
	if err := h.client.AssignLicense(ctx, u.ID, skuEMS); err != nil {
		t.Fatal(err)
	}
	if err := h.client.SetAccountEnabled(ctx, u.ID, false); err != nil {
		t.Fatal(err)
	}
	h.selectUserWhere("Alexandra", func(x graph.User) bool { return x.ID == u.ID })
	d := h.panel.users.details
	l := d.licenses
	if len(l.removes) != 1 || !l.pickerRow.Visible() {
		t.Fatalf("want one license to remove and products to assign; removes %d, picker shown %v", len(l.removes), l.pickerRow.Visible())
	}

	drv := fyne.CurrentApp().Driver()
	pane := drv.AbsolutePositionForObject(d.body).X + d.body.Size().Width
	for name, b := range map[string]*widget.Button{"Assign": l.assign.button, "Remove": l.removes[skuEMS]} {
		if size, min := b.Size(), b.MinSize(); size.Width < min.Width || size.Height < min.Height {
			t.Errorf("%s is drawn at %.0f×%.0f, it needs %.0f×%.0f", name, size.Width, size.Height, min.Width, min.Height)
		}
		right := drv.AbsolutePositionForObject(b).X + b.Size().Width
		if gap := pane - right; gap < theme.ScrollBarSize() {
			t.Errorf("%s ends %.0f points from the pane's edge, under the scrollbar (%.0f wide)", name, gap, theme.ScrollBarSize())
		}
	}

	row := findLabel(h.win.Canvas().Content(), userRow(graph.User{DisplayName: u.DisplayName, UserPrincipalName: u.UserPrincipalName}))
	if row == nil {
		t.Fatal("the user's row is not drawn")
	}
	shown := row.Text[:strings.Index(row.Text, "(disabled)")+len("(disabled)")]
	need := fyne.MeasureText(shown, theme.TextSize(), row.TextStyle).Width + 2*theme.InnerPadding()
	if row.Size().Width < need {
		t.Errorf("the row %q is %.0f points wide; \"(disabled)\" needs %.0f to show", row.Text, row.Size().Width, need)
	}
}

package panel

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/entra-wizard/entra-wizard/demotenant"
	"github.com/entra-wizard/entra-wizard/graph"
)

// A usage location must be a country's ISO 3166 code: "XX" has the right
// shape but is no country, and Graph refuses it.
func TestUsageLocationTakesOnlyCountryCodes(t *testing.T) {
	for code, ok := range map[string]bool{"": true, "US": true, "gb": true, " DE ": true, "XX": false, "ZZ": false, "UK": false, "U1": false, "USA": false} {
		if err := validateUsageLocation(code); (err == nil) != ok {
			t.Errorf("usage location %q: %v", code, err)
		}
	}
	h := newHarness(t, demotenant.Options{})
	h.openConnection("Northwind")
	u := h.selectUser("Megan Bowen")
	d := h.panel.users.details
	d.fields.usageLocation.SetText("XX")
	tapPanel(t, d.save.button)
	if d.status.Text != "use a country's two-letter code, e.g. US, GB or DE" {
		t.Errorf("saving usage location XX says %q", d.status.Text)
	}
	users, err := h.client.Users(graph.UserQuery{Search: u.DisplayName, Top: 5}).All(t.Context())
	if err != nil || len(users) == 0 || users[0].UsageLocation == "XX" {
		t.Fatalf("usage location XX was saved: %v %v", users, err)
	}
}

// A failed check shows its message where the field's hint was: the rows
// below stay where they were, under the pointer.
func TestFailedChecksDoNotMoveTheFieldsBelow(t *testing.T) {
	h := newHarness(t, demotenant.Options{})
	h.openConnection("Northwind")
	tapPanel(t, h.panel.users.create.button)
	f := h.panel.users.createForm
	// Where a field is, from the top of the form's first field.
	at := func(o fyne.CanvasObject) fyne.Position {
		d := fyne.CurrentApp().Driver()
		return d.AbsolutePositionForObject(o).Subtract(d.AbsolutePositionForObject(f.upn))
	}
	below := []fyne.CanvasObject{f.fields.givenName, f.fields.surname, f.fields.jobTitle, f.fields.department, f.fields.usageLocation}
	before := make([]fyne.Position, len(below))
	for i, o := range below {
		before[i] = at(o)
	}
	statusBefore := at(f.status)
	test.Type(f.fields.displayName, "x")
	f.fields.displayName.SetText("")
	test.Type(f.fields.usageLocation, "1")
	if f.fields.displayName.Validate() == nil || f.fields.usageLocation.Validate() == nil {
		t.Fatal("the checks did not fail")
	}
	// Lay the dialog out again, as the window does on its next frame.
	top := h.win.Canvas().Overlays().Top()
	size := top.Size()
	top.Resize(size.AddWidthHeight(0, 1))
	top.Resize(size)
	for i, o := range below {
		if got := at(o); got != before[i] {
			t.Errorf("field %d moved from %v to %v when a check failed", i, before[i], got)
		}
	}
	if got := at(f.status); got != statusBefore {
		t.Errorf("the line below the form moved from %v to %v", statusBefore, got)
	}
	f.dialog.Hide()
}

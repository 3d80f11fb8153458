package panel

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/entra-wizard/entra-wizard/demotenant"
	"github.com/entra-wizard/entra-wizard/ui/kit"
	"github.com/entra-wizard/entra-wizard/ui/kit/kittest"
)

// TestPanelReadOnlyFieldsCannotBeEdited opens a user and a group on a
// connection that may only read them: their fields are read-only, not
// editable beside a disabled Save. With every permission they are editable.
func TestPanelReadOnlyFieldsCannotBeEdited(t *testing.T) {
	for _, tc := range []struct {
		scenario string
		editable bool
	}{{demotenant.ScenarioReadOnly, false}, {demotenant.ScenarioDefault, true}} {
		t.Run(tc.scenario, func(t *testing.T) {
			h := newHarness(t, demotenant.Options{Scenario: tc.scenario})
			h.openConnection("Northwind")
			h.selectUser("Megan Bowen")
			h.selectGroup("Finance")
			f, g := h.panel.users.details.fields, h.panel.groups.details
			for name, e := range map[string]*kit.Entry{
				"display name": f.displayName, "first name": f.givenName, "last name": f.surname,
				"job title": f.jobTitle, "department": f.department, "office": f.office,
				"usage location": f.usageLocation, "group name": g.name, "group description": g.description,
			} {
				if e.Disabled() == tc.editable {
					t.Errorf("the %s field is editable=%v, want %v", name, !e.Disabled(), tc.editable)
				}
			}
		})
	}
}

// TestPanelReadOnlyLicensesLineIsVisible checks the one line saying which
// permission would list the products to assign takes real room on
// screen, below the assigned licenses and above the next line.
func TestPanelReadOnlyLicensesLineIsVisible(t *testing.T) {
	h := newHarness(t, demotenant.Options{Scenario: demotenant.ScenarioReadOnly})
	h.win.Resize(fyne.NewSize(1000, 640))
	h.openConnection("Northwind")
	h.selectUser("Megan Bowen")
	l := h.panel.users.details.licenses
	line := l.nothingLeft
	if !line.Visible() || line.Text == "" {
		t.Fatalf("the licenses area does not say why nothing can be assigned (shown: %v, %q)", line.Visible(), line.Text)
	}
	if size, min := line.Size(), line.MinSize(); size.Width < min.Width || size.Height < min.Height {
		t.Fatalf("the line %q is drawn at %.0f×%.0f, it needs %.0f×%.0f", line.Text, size.Width, size.Height, min.Width, min.Height)
	}
	assigned := l.assigned
	if assigned.Size().Height < assigned.MinSize().Height {
		t.Fatalf("the assigned licenses get %.0f of the %.0f points they need", assigned.Size().Height, assigned.MinSize().Height)
	}
	if line.Position().Y < assigned.Position().Y+assigned.Size().Height {
		t.Fatalf("the line at y=%.0f overlaps the assigned licenses ending at y=%.0f", line.Position().Y, assigned.Position().Y+assigned.Size().Height)
	}
}

// TestPanelReadOnlyValuesAreReadable checks a read-only connection shows
// a user's and a group's values as text drawn in the foreground colour,
// which meets WCAG AA (4.5:1) on the background in the light and the
// dark theme, instead of disabled entries' grey on grey.
func TestPanelReadOnlyValuesAreReadable(t *testing.T) {
	h := newHarness(t, demotenant.Options{Scenario: demotenant.ScenarioReadOnly})
	h.openConnection("Northwind")
	megan := h.selectUser("Megan Bowen")
	h.selectGroup("Finance")
	f, g := h.panel.users.details.fields, h.panel.groups.details
	for _, c := range []struct {
		readable readableFields
		e        *kit.Entry
		want     string
	}{{f.readable, f.displayName, megan.DisplayName}, {f.readable, f.jobTitle, megan.JobTitle},
		{g.readable, g.name, "Finance"}} {
		l := c.readable[c.e]
		if l == nil || !l.Visible() || c.e.Visible() || l.Text != c.want || l.Importance != widget.MediumImportance {
			t.Errorf("value %q: shown as text %v (%q), entry shown %v", c.want, l != nil && l.Visible(), l.Text, c.e.Visible())
		}
	}
	for _, variant := range []fyne.ThemeVariant{theme.VariantLight, theme.VariantDark} {
		th := theme.DefaultTheme()
		fg, bg := th.Color(theme.ColorNameForeground, variant), th.Color(theme.ColorNameBackground, variant)
		if r := kittest.Contrast(fg, bg); r < 4.5 {
			t.Errorf("variant %d: text contrast %.1f:1, want at least 4.5:1", variant, r)
		}
	}
}

package panel

import (
	"errors"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"github.com/entra-wizard/entra-wizard/graph"
	"github.com/entra-wizard/entra-wizard/ui/kit"
)

// userFields are the profile fields an admin edits on a user, shared by
// the details pane and the create dialog.
type userFields struct {
	displayName   *kit.Entry
	givenName     *kit.Entry
	surname       *kit.Entry
	jobTitle      *kit.Entry
	department    *kit.Entry
	office        *kit.Entry
	usageLocation *kit.Entry
	// readable shows the details pane's fields as text while read-only.
	readable readableFields
}

func newUserFields() userFields {
	f := userFields{
		displayName:   kit.NewEntry(),
		givenName:     kit.NewEntry(),
		surname:       kit.NewEntry(),
		jobTitle:      kit.NewEntry(),
		department:    kit.NewEntry(),
		office:        kit.NewEntry(),
		usageLocation: kit.NewEntry(),
		readable:      readableFields{},
	}
	f.displayName.Validator = func(s string) error {
		if strings.TrimSpace(s) == "" {
			return errors.New("a user needs a display name")
		}
		return nil
	}
	f.usageLocation.SetPlaceHolder("two letters, e.g. US or DE")
	f.usageLocation.Validator = validateUsageLocation
	return f
}

// validateUsageLocation accepts an empty value or an ISO 3166-1 country
// code, which is what Graph takes (UK is not one: Great Britain is GB);
// licenses can only be assigned to users with one.
func validateUsageLocation(s string) error {
	s = strings.TrimSpace(s)
	if s == "" || graph.IsCountryCode(s) {
		return nil
	}
	return errors.New("use a country's two-letter code, e.g. US, GB or DE")
}

// form lays the fields out for the details pane.
func (f userFields) form() *widget.Form {
	r := f.readable.row
	return widget.NewForm(
		widget.NewFormItem("Display name", r(f.displayName)),
		widget.NewFormItem("First name", r(f.givenName)),
		widget.NewFormItem("Last name", r(f.surname)),
		widget.NewFormItem("Job title", r(f.jobTitle)),
		widget.NewFormItem("Department", r(f.department)),
		widget.NewFormItem("Office", r(f.office)),
		widget.NewFormItem("Usage location", r(f.usageLocation)),
	)
}

// createForm lays out the fields a new user is created with, after the
// user name; the office is set later, from the details pane.
func (f userFields) createForm(upn fyne.CanvasObject) *widget.Form {
	return widget.NewForm(
		widget.NewFormItem("User name (sign-in)", upn),
		hinted("Display name", f.displayName, "Required"),
		widget.NewFormItem("First name", f.givenName),
		widget.NewFormItem("Last name", f.surname),
		widget.NewFormItem("Job title", f.jobTitle),
		widget.NewFormItem("Department", f.department),
		hinted("Usage location", f.usageLocation, "The country they work in; licenses need it"),
	)
}

// hinted is a form row for a checked field with a hint below it. A field
// with a check and no hint gets its message line only when the check
// fails, which pushes the rows below down under the pointer; the message
// takes the hint's place instead.
func hinted(label string, field fyne.CanvasObject, hint string) *widget.FormItem {
	item := widget.NewFormItem(label, field)
	item.HintText = hint
	return item
}

// fill shows a user's current values.
func (f userFields) fill(u graph.User) {
	f.displayName.SetText(u.DisplayName)
	f.givenName.SetText(u.GivenName)
	f.surname.SetText(u.Surname)
	f.jobTitle.SetText(u.JobTitle)
	f.department.SetText(u.Department)
	f.office.SetText(u.OfficeLocation)
	f.usageLocation.SetText(u.UsageLocation)
	f.readable.sync()
}

// changes returns the fields that differ from u, and u as it will be once
// they are saved.
func (f userFields) changes(u graph.User) (graph.UserChanges, graph.User) {
	var c graph.UserChanges
	set := func(entry *kit.Entry, current *string, change **string) {
		v := strings.TrimSpace(entry.Text)
		if v != *current {
			*change = &v
			*current = v
		}
	}
	set(f.displayName, &u.DisplayName, &c.DisplayName)
	set(f.givenName, &u.GivenName, &c.GivenName)
	set(f.surname, &u.Surname, &c.Surname)
	set(f.jobTitle, &u.JobTitle, &c.JobTitle)
	set(f.department, &u.Department, &c.Department)
	set(f.office, &u.OfficeLocation, &c.OfficeLocation)
	f.usageLocation.SetText(strings.ToUpper(strings.TrimSpace(f.usageLocation.Text)))
	set(f.usageLocation, &u.UsageLocation, &c.UsageLocation)
	return c, u
}

// setEditable makes the fields editable, or shows them as text when the
// connection may not change users: a field that takes typing but cannot
// be saved invites work that is lost.
func (f userFields) setEditable(on bool) { f.readable.setEditable(on) }

// valid reports whether every field passes its check.
func (f userFields) valid() error {
	if err := f.displayName.Validate(); err != nil {
		return err
	}
	return f.usageLocation.Validate()
}

package setupwizard

import (
	"fmt"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"github.com/entra-wizard/entra-wizard/keystore"
	"github.com/entra-wizard/entra-wizard/ui/kit"
	"github.com/entra-wizard/entra-wizard/wizard"
)

// secretExpiry asks, when a client secret typed by hand is saved, when it
// expires: the portal shows it, the program cannot read it without a
// permission over the app itself, and without it no warning comes before
// the connection stops working.
type secretExpiry struct {
	v       *Wizard
	entry   *kit.Entry
	problem *widget.Label
	box     *fyne.Container
}

func newSecretExpiry(v *Wizard) *secretExpiry {
	e := &secretExpiry{v: v, entry: kit.NewEntry(), problem: newFieldError()}
	e.entry.SetPlaceHolder("for example: " + v.deps.Now().AddDate(0, 6, 0).Format(time.DateOnly))
	e.entry.OnChanged = func(string) { setWizardMessage(e.problem, "") }
	e.box = container.NewVBox(
		widget.NewLabelWithStyle("The client secret expires on (year-month-day)", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		wrappedLabel("The Entra admin center shows it in the app's Certificates & secrets, in the Expires column. "+
			"With it the program warns you before the secret expires; leave it empty if you do not know it."),
		e.entry, e.problem)
	return e
}

// shown shows the question for the secret method only, with the date
// already given.
func (e *secretExpiry) shown() {
	st := e.v.wz.State
	showIf(e.box, st.Method == wizard.MethodSecret)
	if !st.SecretExpires.IsZero() {
		e.entry.SetText(st.SecretExpires.Format(time.DateOnly))
	}
	setWizardMessage(e.problem, "")
}

// read puts the typed date into the wizard's values; false when it is not
// a date to save.
func (e *secretExpiry) read() bool {
	st := &e.v.wz.State
	text := strings.TrimSpace(e.entry.Text)
	if st.Method != wizard.MethodSecret || text == "" {
		st.SecretExpires = time.Time{}
		return true
	}
	day, err := time.ParseInLocation(time.DateOnly, text, time.Local)
	switch {
	case err != nil:
		setWizardMessage(e.problem, "Type the date as year-month-day, such as "+e.v.deps.Now().AddDate(0, 6, 0).Format(time.DateOnly)+".")
		return false
	case day.Before(e.v.deps.Now().Truncate(24 * time.Hour)):
		setWizardMessage(e.problem, "That day has passed: the secret has expired. Make a new one in Certificates & secrets and test again.")
		return false
	}
	st.SecretExpires = day.AddDate(0, 0, 1).Add(-time.Second) // valid through that day
	return true
}

// replacedExpiry warns when the saved connection being replaced knew its
// secret's expiry and this one does not: it would be forgotten.
func (e *secretExpiry) replacedExpiry(old keystore.Profile) string {
	if old.SecretExpires == nil || e.v.wz.State.Method != wizard.MethodSecret || strings.TrimSpace(e.entry.Text) != "" {
		return ""
	}
	return fmt.Sprintf("The saved connection knows its secret expires on %s; type this secret's expiry above, "+
		"or the warning before it expires is lost.", old.SecretExpires.Local().Format(time.DateOnly))
}

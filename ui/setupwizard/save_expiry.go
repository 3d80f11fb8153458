package setupwizard

import (
	"errors"
	"fmt"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"github.com/entra-wizard/entra-wizard/graph"
	"github.com/entra-wizard/entra-wizard/keystore"
	"github.com/entra-wizard/entra-wizard/ui/kit"
)

// secretExpiry fills in, when a client secret typed by hand is saved,
// when it expires: read from the app's own registration in Microsoft
// Graph when the connection may, otherwise asked, as the portal shows it.
// Without it no warning comes before the connection stops working.
type secretExpiry struct {
	v       *Wizard
	entry   *kit.Entry
	problem *widget.Label
	box     *fyne.Container // the question
	// known says the expiry Graph gave; why says why the question is
	// asked instead.
	known, why *widget.Label
	view       *fyne.Container
	// found is what the last connection test read of the secret, err why
	// it could not.
	found graph.OwnSecret
	err   error
}

func newSecretExpiry(v *Wizard) *secretExpiry {
	e := &secretExpiry{v: v, entry: kit.NewEntry(), problem: newFieldError(), known: wrappedLabel(""), why: wrappedLabel("")}
	e.entry.SetPlaceHolder("for example: " + v.deps.Now().AddDate(0, 6, 0).Format(time.DateOnly))
	e.entry.OnChanged = func(string) { setWizardMessage(e.problem, "") }
	e.box = container.NewVBox(
		widget.NewLabelWithStyle("The client secret expires on (year-month-day)", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		e.why,
		wrappedLabel("The Entra admin center shows it in the app's Certificates & secrets, in the Expires column. "+
			"With it the program warns you before the secret expires; leave it empty if you do not know it."),
		e.entry, e.problem)
	e.view = container.NewVBox(e.known, e.box)
	return e
}

// learn keeps what a connection test read of the secret.
func (e *secretExpiry) learn(found graph.OwnSecret, err error) { e.found, e.err = found, err }

// fromGraph reports whether Graph gave the secret's expiry.
func (e *secretExpiry) fromGraph() bool {
	return e.v.wz.State.Method == keystore.MethodClientSecret && e.err == nil && e.found.Matches > 0
}

// knownText says which expiry Graph gave, and when several secrets begin
// alike that the soonest was taken.
func (e *secretExpiry) knownText() string {
	day := e.found.Expires.Local().Format(time.DateOnly)
	if e.found.Matches == 1 {
		return "The client secret expires on " + day + ", as Microsoft Graph lists it for this app; " +
			"the program warns you before then."
	}
	return fmt.Sprintf("%d of the app's client secrets begin with the same characters as this one, so the program "+
		"cannot tell which one it is. It takes the soonest expiry, %s, to warn you in time; renewing will leave "+
		"the old secret in place, to remove in Certificates & secrets.", e.found.Matches, day)
}

// whyAsked says in plain words why Graph could not give the expiry.
func (e *secretExpiry) whyAsked() string {
	switch {
	case errors.Is(e.err, graph.ErrDenied):
		return "The program asks because Microsoft Graph does not let this app read its own registration: that takes " +
			"the application permission Application.Read.All (or Application.ReadWrite.OwnedBy, with the app an owner " +
			"of itself). Without it, type the date yourself."
	case e.err != nil:
		return "The program asks because Microsoft Graph could not tell it: " + e.err.Error()
	case e.v.wz.State.Method == keystore.MethodClientSecret && e.found.AppObjectID != "":
		return "The program asks because none of the client secrets Microsoft Graph lists for this app begins " +
			"with the characters of this one."
	}
	return ""
}

// shown shows the question for the secret method only, with the date
// already given.
func (e *secretExpiry) shown() {
	st := e.v.wz.State
	showIf(e.box, st.Method == keystore.MethodClientSecret && !e.fromGraph())
	known := ""
	if e.fromGraph() {
		known = e.knownText()
	}
	setWizardMessage(e.known, known)
	setWizardMessage(e.why, e.whyAsked())
	if !st.SecretExpires.IsZero() {
		e.entry.SetText(st.SecretExpires.Format(time.DateOnly))
	}
	setWizardMessage(e.problem, "")
}

// read puts the typed date into the wizard's values; false when it is not
// a date to save.
func (e *secretExpiry) read() bool {
	st := &e.v.wz.State
	if e.fromGraph() {
		st.SecretExpires = e.found.Expires
		return true
	}
	text := strings.TrimSpace(e.entry.Text)
	if st.Method != keystore.MethodClientSecret || text == "" {
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
	if old.SecretExpires == nil || e.fromGraph() || e.v.wz.State.Method != keystore.MethodClientSecret || strings.TrimSpace(e.entry.Text) != "" {
		return ""
	}
	return fmt.Sprintf("The saved connection knows its secret expires on %s; type this secret's expiry above, "+
		"or the warning before it expires is lost.", old.SecretExpires.Local().Format(time.DateOnly))
}

// fill adds to p what Graph told of its secret: the app's object id, so
// renewing finds the registration, and the secret's key id, so renewing
// removes it once its successor works.
func (e *secretExpiry) fill(p *keystore.Profile) {
	if e.fromGraph() {
		p.AppObjectID, p.SecretKeyID = e.found.AppObjectID, e.found.KeyID
	}
}

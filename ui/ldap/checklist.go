package ldap

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/entra-wizard/entra-wizard/keystore"
	"github.com/entra-wizard/entra-wizard/ldapconn"
)

// checklist shows a connection test: one line per step, the certificate,
// and what to do about a failure.
type checklist struct {
	box         *fyne.Container
	rows        map[ldapconn.StepID]*widget.Label
	icons       map[ldapconn.StepID]*widget.Icon
	certificate *widget.Label
	problem     *widget.Label
	hint        *widget.Label
	summary     *widget.Label
}

func newChecklist() *checklist {
	c := &checklist{box: container.NewVBox(), rows: map[ldapconn.StepID]*widget.Label{}, icons: map[ldapconn.StepID]*widget.Icon{}}
	for _, st := range ldapconn.Steps {
		l := widget.NewLabel(st.Title)
		l.Wrapping = fyne.TextWrapWord
		icon := widget.NewIcon(theme.RadioButtonIcon())
		c.rows[st.ID], c.icons[st.ID] = l, icon
		c.box.Add(container.NewBorder(nil, nil, icon, nil, l))
	}
	c.certificate = wrapped()
	c.problem = wrapped()
	c.problem.Importance = widget.DangerImportance
	c.hint = wrapped()
	c.summary = wrapped()
	c.summary.Importance = widget.SuccessImportance
	c.box.Add(c.certificate)
	c.box.Add(c.summary)
	c.box.Add(c.problem)
	c.box.Add(c.hint)
	c.box.Hide()
	return c
}

func wrapped() *widget.Label {
	l := widget.NewLabel("")
	l.Wrapping = fyne.TextWrapWord
	return l
}

// running shows the steps as waiting.
func (c *checklist) running() {
	c.box.Show()
	for _, st := range ldapconn.Steps {
		c.rows[st.ID].SetText(st.Title + "…")
		c.icons[st.ID].SetResource(theme.RadioButtonIcon())
	}
	for _, l := range []*widget.Label{c.certificate, c.problem, c.hint, c.summary} {
		setOrHide(l, "")
	}
}

// setOrHide shows text in l, or hides l when there is none, so empty lines
// take no room.
func setOrHide(l *widget.Label, text string) {
	l.SetText(text)
	if text == "" {
		l.Hide()
	} else {
		l.Show()
	}
}

// show puts a finished report on the list.
func (c *checklist) show(rep ldapconn.Report) {
	c.box.Show()
	for _, st := range rep.Steps {
		text, icon := st.Title+" (not tested)", theme.RadioButtonIcon()
		switch {
		case st.Ran && st.OK:
			text, icon = st.Title+": "+st.Detail, theme.ConfirmIcon()
		case st.Ran:
			text, icon = st.Title+": "+st.Detail, theme.ErrorIcon()
		}
		c.rows[st.ID].SetText(text)
		c.icons[st.ID].SetResource(icon)
	}
	setOrHide(c.certificate, certificateText(rep.Certificate))
	if rep.OK() {
		setOrHide(c.summary, fmt.Sprintf("The connection works: %d users and %d groups found. Save it with Save connection.", rep.Users, rep.Groups))
		setOrHide(c.problem, "")
		setOrHide(c.hint, "")
		return
	}
	setOrHide(c.summary, "")
	setOrHide(c.problem, "Problem: "+rep.Err.Message)
	setOrHide(c.hint, "What to do: "+rep.Err.Hint)
}

func certificateText(c *ldapconn.Certificate) string {
	if c == nil {
		return ""
	}
	trust := "Not trusted yet"
	switch {
	case c.Pinned:
		trust = "Trusted by its fingerprint"
	case c.Trusted:
		trust = "Trusted: issued by an authority this computer trusts"
	}
	return fmt.Sprintf("Certificate: %s\nIssued by: %s\nExpires: %s\nSHA-256 fingerprint: %s\n%s",
		c.Subject, c.Issuer, c.NotAfter.UTC().Format("2 January 2006"), c.Fingerprint, trust)
}

func keystoreSecrets(password string) keystore.Secrets {
	return keystore.Secrets{LDAPPassword: password}
}

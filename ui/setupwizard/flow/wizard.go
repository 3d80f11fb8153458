package flow

import (
	"errors"
	"time"

	"github.com/entra-wizard/entra-wizard/connection"
	"github.com/entra-wizard/entra-wizard/keystore"
	"github.com/entra-wizard/entra-wizard/oauth"
)

// Outcome is the result of a connection test as the wizard needs it;
// graph.Report satisfies it.
type Outcome interface {
	OK() bool
}

// Wizard walks the admin through the steps. The zero value is not usable;
// call New.
type Wizard struct {
	// State is every value typed so far.
	State State

	step Step
	path Path
	demo *connection.DemoTenant
	// ldapOffered adds secure LDAP to the ways and methods offered.
	ldapOffered bool
	// setUpAs is the connection "Set it up for me" saved.
	setUpAs string

	outcome   Outcome
	testedFor string // State.connectionKey() of the values tested
	refresh   string // refresh token from a browser sign-in

	saved      *keystore.Saved
	savedState State
}

// New starts a wizard on the welcome step. With demo set, the values of the
// demo tenant are filled in and the cloud is keystore.CloudDemo.
func New(demo *connection.DemoTenant) *Wizard {
	w := &Wizard{step: StepWelcome, State: State{Cloud: oauth.CloudGlobal}}
	if demo != nil {
		d := *demo
		w.demo = &d
		w.State = State{Cloud: keystore.CloudDemo, Tenant: d.TenantDomain}
	}
	return w
}

// Demo returns the demo tenant's values, or nil outside demo mode.
func (w *Wizard) Demo() *connection.DemoTenant { return w.demo }

// Step is the step shown now.
func (w *Wizard) Step() Step { return w.step }

// SetMethod chooses how to connect. In demo mode it also fills in the demo
// app that fits the method, unless the admin typed a client ID or secret of
// their own.
func (w *Wizard) SetMethod(m string) {
	w.State.Method = m
	d := w.demo
	if d == nil {
		return
	}
	if id := w.State.ClientID; id == "" || id == d.ClientID || id == d.PublicClientID {
		w.State.ClientID = demoClientID(d, m)
	}
	if m == keystore.MethodClientSecret && w.State.Secret == "" && w.State.ClientID == d.ClientID {
		w.State.Secret = d.ClientSecret
	}
}

// demoClientID is the demo app matching the method: the public one for a
// browser sign-in, the confidential one otherwise.
func demoClientID(d *connection.DemoTenant, m string) string {
	if m == keystore.MethodBrowser {
		return d.PublicClientID
	}
	return d.ClientID
}

// ErrNotReady is wrapped by the error Next returns when the current step is
// not complete.
var ErrNotReady = errors.New("this step is not complete")

// Next moves to the following step of the chosen path when the current one
// is complete. If it is not, Next stays and returns a *StepError naming
// each problem; at a path's end it says there is no next step.
func (w *Wizard) Next() error {
	if problems := w.Problems(); len(problems) > 0 {
		return &StepError{Step: w.step, Problems: problems}
	}
	next := w.following(w.step)
	if next == w.step {
		return &StepError{Step: w.step, Problems: []Problem{{Field: "", Message: "This is the last step."}}}
	}
	if next == StepLDAP {
		w.path = PathLDAP
	}
	w.step = next
	return nil
}

// CanNext reports whether Next would move on.
func (w *Wizard) CanNext() bool {
	return w.following(w.step) != w.step && len(w.Problems()) == 0
}

// Back moves to the previous step, keeping every value: the one before on
// the guided steps, the welcome step from the other ways' pages. It
// reports false on the first step and after the connection is saved, where
// there is no way back.
func (w *Wizard) Back() bool {
	if !w.CanBack() {
		return false
	}
	w.step = w.preceding(w.step)
	return true
}

// CanBack reports whether Back would move.
func (w *Wizard) CanBack() bool { return w.preceding(w.step) != w.step }

// RecordTest stores the outcome of a connection test run with the current
// values. For keystore.MethodBrowser, refreshToken is the token the sign-in returned,
// kept so the connection can be saved.
func (w *Wizard) RecordTest(o Outcome, refreshToken string) {
	w.outcome = o
	w.testedFor = w.State.connectionKey()
	w.refresh = refreshToken
}

// Tested returns the last test's outcome while the values it ran with are
// unchanged; ok is false if there is none or a value has changed since.
func (w *Wizard) Tested() (o Outcome, ok bool) {
	if w.outcome == nil || w.testedFor != w.State.connectionKey() {
		return nil, false
	}
	return w.outcome, true
}

// Connection builds the profile and secrets to save from the current values.
// It fails if the connection has not passed its test or a value is invalid.
func (w *Wizard) Connection(now time.Time) (keystore.Profile, keystore.Secrets, error) {
	for _, s := range []Step{StepMethod, StepCloud, StepCredentials, StepTest} {
		if p := w.problemsAt(s); len(p) > 0 {
			return keystore.Profile{}, keystore.Secrets{}, &StepError{Step: s, Problems: p}
		}
	}
	if msg := validateName(w.State.Name); msg != "" {
		return keystore.Profile{}, keystore.Secrets{}, &StepError{Step: StepSave, Problems: []Problem{{FieldName, msg}}}
	}
	st := w.State
	p := keystore.Profile{
		Name:      trimmed(st.Name),
		Cloud:     st.Cloud,
		Tenant:    trimmed(st.Tenant),
		ClientID:  trimmed(st.ClientID),
		Method:    st.Method,
		Created:   now,
		Authority: trimmed(st.Authority),
		Graph:     trimmed(st.Graph),
	}
	switch st.Cloud {
	case keystore.CloudCustom:
	case keystore.CloudDemo:
		p.Authority, p.Graph = w.demo.Authority, w.demo.Graph
	default:
		p.Authority, p.Graph = "", ""
	}
	var s keystore.Secrets
	switch st.Method {
	case keystore.MethodClientSecret:
		s.ClientSecret = trimmed(st.Secret)
		if !st.SecretExpires.IsZero() {
			exp := st.SecretExpires
			p.SecretExpires = &exp
		}
	case keystore.MethodCertificate:
		c := st.Certificate
		p.Certificate = connection.CertificateSettings(c)
		s.CertificateKey = c.KeyText()
	default:
		s.RefreshToken = w.refresh
	}
	return p, s, nil
}

// RecordSaved notes that the connection was saved and where it went.
func (w *Wizard) RecordSaved(s keystore.Saved) {
	w.saved = &s
	w.savedState = w.State
}

// Saved returns where the connection was saved, if it was saved with the
// current values.
func (w *Wizard) Saved() (keystore.Saved, bool) {
	if w.saved == nil || w.savedState != w.State {
		return keystore.Saved{}, false
	}
	return *w.saved, true
}

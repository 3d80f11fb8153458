package setupwizard

import (
	"errors"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"github.com/entra-wizard/entra-wizard/graph"
	"github.com/entra-wizard/entra-wizard/keystore"
	"github.com/entra-wizard/entra-wizard/ui/setupwizard/flow"
)

// saveStep names the connection and saves it: settings in a file,
// secrets in the system keychain.
type saveStep struct {
	v *Wizard

	name     *validatedEntry
	nameErr  *widget.Label
	replaces *widget.Label
	where    *widget.Label
	problem  *widget.Label
	progress *widget.ProgressBarInfinite

	saving bool
	saved  map[string]keystore.Profile // the connections saved before, by name
	expiry *secretExpiry
}

func newSaveStep(v *Wizard) *saveStep {
	s := &saveStep{v: v, nameErr: newFieldError(), replaces: newFieldError(),
		where: wrappedLabel(""), problem: newFieldError(), progress: widget.NewProgressBarInfinite()}
	s.replaces.Importance = widget.WarningImportance
	s.progress.Hide()
	s.name = newValidatedEntry(v, "For example: Contoso")
	s.name.OnChanged = s.onNameChanged
	s.expiry = newSecretExpiry(v)
	s.expiry.entry.OnChanged = func(string) {
		setWizardMessage(s.expiry.problem, "")
		s.onNameChanged(s.name.Text)
	}
	return s
}

func (s *saveStep) view() fyne.CanvasObject {
	return container.NewVBox(
		wrappedLabel("Give this connection a name. You pick it by this name in the management panel "+
			"when you have several organizations."),
		widget.NewLabelWithStyle("Connection name", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		s.name, s.nameErr, s.replaces, s.expiry.view, s.where, s.progress, s.problem)
}

// field is where the keyboard goes: the connection's name, so typing
// names it and Enter saves.
func (s *saveStep) field() fyne.Focusable { return s.name }

func (s *saveStep) shown() {
	st := &s.v.wz.State
	if strings.TrimSpace(st.Name) == "" {
		st.Name = s.suggestedName()
	}
	s.name.SetText(st.Name)
	secret := "The client secret"
	switch st.Method {
	case keystore.MethodBrowser:
		secret = "The sign-in token"
	case keystore.MethodCertificate:
		secret = "The certificate's private key"
	}
	s.where.SetText(secret + " is stored only in your system's keychain; the other settings (tenant, " +
		"client ID, cloud) go into a settings file on this computer. Press Save.")
	setWizardMessage(s.problem, "")
	s.expiry.shown()
	s.saved = s.savedNames()
	s.onNameChanged(st.Name)
}

// savedNames reads the names of the saved connections, once per visit
// rather than on every key press.
func (s *saveStep) savedNames() map[string]keystore.Profile {
	names := map[string]keystore.Profile{}
	if s.v.deps.Store == nil {
		return names
	}
	profiles, err := s.v.deps.Store.List()
	if err != nil {
		return names
	}
	for _, p := range profiles {
		names[p.Name] = p
	}
	return names
}

// suggestedName is the organization's name from the test, or the tenant.
func (s *saveStep) suggestedName() string {
	if o, ok := s.v.wz.Tested(); ok {
		if r, ok := o.(graph.Report); ok && r.Organization != "" {
			return r.Organization
		}
	}
	return strings.TrimSpace(s.v.wz.State.Tenant)
}

func (s *saveStep) onNameChanged(text string) {
	defer s.v.relayout()
	s.v.wz.State.Name = text
	msg := ""
	if text != "" {
		msg = s.v.wz.FieldError(flow.FieldName)
	}
	setWizardMessage(s.nameErr, msg)
	setWizardMessage(s.replaces, s.replaceWarning(strings.TrimSpace(text)))
	s.v.recheck()
}

// replaceWarning warns when a saved connection already has the name.
func (s *saveStep) replaceWarning(name string) string {
	old, ok := s.saved[name]
	if !ok {
		return ""
	}
	msg := "A connection called \"" + name + "\" is already saved. Saving replaces it; choose another name to keep both."
	if lost := s.expiry.replacedExpiry(old); lost != "" {
		msg += "\n" + lost
	}
	return msg
}

func (s *saveStep) running() bool { return s.saving }

func (s *saveStep) showFieldErrors() {
	defer s.v.relayout()
	setWizardMessage(s.nameErr, s.v.wz.FieldError(flow.FieldName))
}

// onSave writes the connection in the background and moves to the last
// step when it is stored. On failure nothing typed is lost.
func (s *saveStep) onSave() {
	defer s.v.relayout()
	if s.saving {
		return
	}
	setWizardMessage(s.problem, "")
	if msg := s.v.wz.FieldError(flow.FieldName); msg != "" {
		setWizardMessage(s.nameErr, msg)
		return
	}
	if !s.expiry.read() {
		return
	}
	if s.v.deps.Store == nil {
		what := "The place for saved connections could not be opened."
		if s.v.deps.StoreErr != nil {
			what = "The place for saved connections could not be opened: " + s.v.deps.StoreErr.Error() + "."
		}
		setWizardMessage(s.problem, "What happened: "+what+" Nothing was saved.\nWhat to do: "+
			"check that your home folder is writable and your keychain works, then restart the program.")
		return
	}
	p, secrets, err := s.v.wz.Connection(s.v.deps.Now())
	if err != nil {
		setWizardMessage(s.problem, problemText(err))
		return
	}
	s.expiry.fill(&p)
	s.saving = true
	s.progress.Show()
	s.progress.Start()
	s.v.refreshButtons()
	store, do := s.v.deps.Store, s.v.deps.Do
	state := s.v.wz.State
	go func() {
		saved, err := store.Save(p, secrets)
		do(func() { s.finish(state, saved, err) })
	}()
}

// explainSave says why a save failed: a missing or locked keychain as
// explain says it, anything else (a keychain that refuses an entry, a
// settings folder that cannot be written) with what to check.
func explainSave(err error) (what, todo string) {
	if errors.Is(err, keystore.ErrUnavailable) || errors.Is(err, keystore.ErrTimeout) {
		return explain(err)
	}
	return "The connection could not be saved (" + err.Error() + ").",
		"Check that your keychain is unlocked and takes new entries, and that your home folder can be written to, then press Save again."
}

func (s *saveStep) finish(state flow.State, saved keystore.Saved, err error) {
	defer s.v.relayout()
	s.saving = false
	s.progress.Stop()
	s.progress.Hide()
	s.v.refreshButtons()
	if err != nil {
		what, todo := explainSave(err)
		setWizardMessage(s.problem, "What happened: "+what+"\nWhat to do: "+todo)
		return
	}
	if state != s.v.wz.State {
		return // the name changed while saving; the admin saves again
	}
	s.v.wz.RecordSaved(saved)
	s.v.advance()
}

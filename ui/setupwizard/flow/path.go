package flow

import "github.com/entra-wizard/entra-wizard/keystore"

// Path is one of the ways to set up a connection, chosen on the welcome
// step. Each has its own steps after the welcome step and its own end.
type Path int

// The ways to set up a connection.
const (
	// PathNone is no choice yet: Start waits for one.
	PathNone Path = iota
	// PathManual is "I'll register the app myself": the guided steps from
	// StepMethod to StepDone, ending with the connection saved there.
	PathManual
	// PathAutoSetup is "Set it up for me": the one page StepAutoSetup,
	// where the program registers the app, tests and saves the
	// connection (RecordSetUp).
	PathAutoSetup
	// PathLDAP is secure LDAP through Entra Domain Services: the one page
	// StepLDAP, with the guide's steps, the fields, the test and saving
	// (LDAP).
	PathLDAP
)

// pathSteps are the steps of each path after the welcome step, in order.
var pathSteps = map[Path][]Step{
	PathManual:    Steps[1:],
	PathAutoSetup: {StepAutoSetup},
	PathLDAP:      {StepLDAP},
}

// Steps lists the path's steps, the welcome step first.
func (p Path) Steps() []Step { return append([]Step{StepWelcome}, pathSteps[p]...) }

// OfferLDAP adds secure LDAP to the ways offered, on the welcome step and
// among the methods; without it neither offers it.
func (w *Wizard) OfferLDAP() { w.ldapOffered = true }

// Paths are the ways offered on the welcome step, in the order shown.
func (w *Wizard) Paths() []Path {
	if w.ldapOffered {
		return []Path{PathAutoSetup, PathManual, PathLDAP}
	}
	return []Path{PathAutoSetup, PathManual}
}

// Path is the way chosen, PathNone before a choice.
func (w *Wizard) Path() Path { return w.path }

// ChoosePath chooses the way to set up, on the welcome step; a way not
// offered is no choice.
func (w *Wizard) ChoosePath(p Path) {
	for _, offered := range w.Paths() {
		if p == offered {
			w.path = p
			return
		}
	}
	w.path = PathNone
}

// following is the step after s on the chosen path: the method step's
// LDAP choice leaves the guided steps for the secure LDAP page.
func (w *Wizard) following(s Step) Step {
	if s == StepMethod && w.State.Method == keystore.MethodLDAP {
		return StepLDAP
	}
	steps := w.path.Steps()
	for i, step := range steps[:len(steps)-1] {
		if step == s {
			return steps[i+1]
		}
	}
	return s
}

// preceding is the step Back goes to from s: the one before on the
// guided steps, and the welcome step from the pages of the other ways.
func (w *Wizard) preceding(s Step) Step {
	switch s {
	case StepWelcome, StepDone:
		return s // nothing to go back to, or saved: no way back
	case StepAutoSetup, StepLDAP:
		return StepWelcome
	}
	steps := PathManual.Steps()
	for i, step := range steps[1:] {
		if step == s {
			return steps[i]
		}
	}
	return s
}

// LeaveAutoSetup goes from "Set it up for me" to the guided steps, at the
// method step, keeping what setup carried over (CarryOver). It reports
// false, changing nothing, anywhere but on StepAutoSetup.
func (w *Wizard) LeaveAutoSetup() bool {
	if w.step != StepAutoSetup {
		return false
	}
	w.path, w.step = PathManual, StepMethod
	return true
}

// Action is what the step's main button (and Enter) does.
type Action int

// The main button's actions.
const (
	// ActionNext goes to the next step (Start on the welcome step).
	ActionNext Action = iota
	// ActionSave saves the connection, on StepSave.
	ActionSave
	// ActionFinish opens the saved connection in the management panel.
	ActionFinish
	// ActionPage presses the page's own default button: "Set it up for
	// me" has its buttons on the page.
	ActionPage
)

// Action is what the main button does on the current step.
func (w *Wizard) Action() Action {
	switch w.step {
	case StepSave:
		return ActionSave
	case StepDone:
		return ActionFinish
	case StepAutoSetup:
		return ActionPage
	}
	return ActionNext
}

// Elsewhere reports whether the step is shown outside the wizard's window
// content: the secure LDAP page replaces the wizard.
func (s Step) Elsewhere() bool { return s == StepLDAP }

// RecordSetUp notes that "Set it up for me" saved the connection called
// name, the end of that path.
func (w *Wizard) RecordSetUp(name string) {
	if w.step == StepAutoSetup {
		w.setUpAs = name
	}
}

// Finished names the connection the chosen path saved, to open in the
// management panel: the guided steps' on StepDone, "Set it up for me"'s
// once it recorded one. ok is false before the end.
func (w *Wizard) Finished() (name string, ok bool) {
	switch w.step {
	case StepDone:
		if _, saved := w.Saved(); saved {
			return trimmed(w.State.Name), true
		}
	case StepAutoSetup:
		if w.setUpAs != "" {
			return w.setUpAs, true
		}
	}
	return "", false
}

package flow

import (
	"slices"
	"testing"

	"github.com/entra-wizard/entra-wizard/keystore"
)

// TestEachPathWalksToItsEnd walks the welcome step into each way and on to
// its end, with Back checked at every step on the way.
func TestEachPathWalksToItsEnd(t *testing.T) {
	tests := []struct {
		name  string
		path  Path
		ldap  bool
		steps []Step
	}{
		{"set it up for me", PathAutoSetup, false, []Step{StepWelcome, StepAutoSetup}},
		{"secure LDAP", PathLDAP, true, []Step{StepWelcome, StepLDAP}},
		{"guided steps", PathManual, false, Steps},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			w := New(nil)
			if tt.ldap {
				w.OfferLDAP()
			}
			w.ChoosePath(tt.path)
			if got := tt.path.Steps(); !slices.Equal(got, tt.steps) {
				t.Fatalf("steps = %v, want %v", got, tt.steps)
			}
			for i, want := range tt.steps[1:] {
				prev := tt.steps[i]
				if prev == StepMethod {
					w.SetMethod(keystore.MethodBrowser)
				}
				if prev == StepCredentials {
					w.State.ClientID, w.State.Tenant = goodClientID, goodTenant
				}
				if prev == StepTest {
					w.RecordTest(outcome(true), "rt")
				}
				if prev == StepSave {
					w.State.Name = "Contoso"
					w.RecordSaved(keystore.Saved{})
				}
				if err := w.Next(); err != nil || w.Step() != want {
					t.Fatalf("Next from %v: step %v, %v; want %v", prev, w.Step(), err, want)
				}
				if want == StepDone {
					break // saved: no way back
				}
				if !w.Back() || w.Step() != prev {
					t.Fatalf("Back from %v: step %v, want %v", want, w.Step(), prev)
				}
				if err := w.Next(); err != nil {
					t.Fatalf("Next again from %v: %v", prev, err)
				}
			}
			if tt.path == PathAutoSetup {
				w.RecordSetUp("Contoso")
			}
			if tt.path == PathLDAP {
				if _, ok := w.Finished(); ok {
					t.Error("the LDAP page finished in the wizard; it saves on its own page")
				}
				return
			}
			if name, ok := w.Finished(); !ok || name != "Contoso" {
				t.Errorf("Finished() = %q, %v, want Contoso", name, ok)
			}
		})
	}
}

func TestWelcomeNeedsAnOfferedWay(t *testing.T) {
	w := New(nil)
	w.ChoosePath(PathLDAP) // not offered
	if err := w.Next(); err == nil || w.Step() != StepWelcome {
		t.Fatalf("Next without an offered way: step %v, err %v", w.Step(), err)
	}
	if msg := w.FieldError(FieldPath); msg != "Choose how you would like to connect, then press Start." {
		t.Errorf("FieldError(path) = %q", msg)
	}
}

func TestMethodLDAPLeavesForTheLDAPPage(t *testing.T) {
	w := New(nil)
	w.ChoosePath(PathManual)
	if err := w.Next(); err != nil {
		t.Fatal(err)
	}
	w.SetMethod(keystore.MethodLDAP)
	if err := w.Next(); err == nil {
		t.Fatalf("LDAP method accepted while not offered: step %v", w.Step())
	}
	w.OfferLDAP()
	if err := w.Next(); err != nil || w.Step() != StepLDAP || w.Path() != PathLDAP || !w.Step().Elsewhere() {
		t.Fatalf("Next with LDAP: step %v, path %v, err %v", w.Step(), w.Path(), err)
	}
	if !w.Back() || w.Step() != StepWelcome {
		t.Errorf("Back from the LDAP page: step %v, want the welcome step", w.Step())
	}
}

func TestLeaveAutoSetupOpensTheGuidedSteps(t *testing.T) {
	w := New(nil)
	if w.LeaveAutoSetup() {
		t.Fatal("left a page that was not shown")
	}
	w.ChoosePath(PathAutoSetup)
	if err := w.Next(); err != nil || w.Action() != ActionPage {
		t.Fatalf("Next: %v, action %v", err, w.Action())
	}
	if !w.LeaveAutoSetup() || w.Step() != StepMethod || w.Path() != PathManual {
		t.Errorf("after leaving: step %v, path %v", w.Step(), w.Path())
	}
}

//go:build screenshots

package setupwizard

import (
	"errors"
	"fmt"
	"time"

	"fyne.io/fyne/v2"

	"github.com/entra-wizard/entra-wizard/ui/setupwizard/flow"
)

// Capture walks the wizard through every step with the demo
// tenant's values and the client-secret method, and calls shoot once each
// step is painted, with a name like "wizard-05-credentials". It is for the
// documentation's screenshots: call it from a goroutine while the app runs
// (after ShowAndRun started), on a UI built with Deps.Demo set. It saves
// the connection it creates, so give it a throwaway store.
func (v *Wizard) Capture(shoot func(name string) error) error {
	if v.wz.Demo() == nil {
		return errors.New("capture: the wizard is not in demo mode")
	}
	names := map[flow.Step]string{
		flow.StepWelcome: "welcome", flow.StepMethod: "method", flow.StepCloud: "cloud",
		flow.StepRegister: "register", flow.StepCredentials: "credentials", flow.StepConsent: "consent",
		flow.StepTest: "test", flow.StepSave: "save", flow.StepDone: "done",
	}
	before := map[flow.Step]func(){
		flow.StepWelcome: func() { v.welcome.choice.SetSelected(choiceManual) },
		flow.StepMethod:  func() { v.method.choice.SetSelected(methodSecretLabel) },
		flow.StepTest:    v.check.onStart,
	}
	for {
		var step flow.Step
		fyne.DoAndWait(func() {
			step = v.wz.Step()
			if f := before[step]; f != nil {
				f()
			}
		})
		if err := v.waitIdle(); err != nil {
			return err
		}
		time.Sleep(capturePaintDelay)
		if err := shoot(fmt.Sprintf("wizard-%02d-%s", step.Number(), names[step])); err != nil {
			return err
		}
		if step == flow.StepDone {
			return nil
		}
		fyne.DoAndWait(v.onNext)
		if err := v.waitIdle(); err != nil {
			return err
		}
		var now flow.Step
		var problem string
		fyne.DoAndWait(func() { now, problem = v.wz.Step(), v.problems.Text+v.check.problem.Text+v.save.problem.Text })
		if now == step {
			return fmt.Errorf("capture: stuck on %v: %s", step, problem)
		}
	}
}

// waitIdle waits until no test or save runs.
func (v *Wizard) waitIdle() error {
	for range 600 {
		var busy bool
		fyne.DoAndWait(func() { busy = v.busy() })
		if !busy {
			return nil
		}
		time.Sleep(100 * time.Millisecond)
	}
	return errors.New("capture: the wizard stayed busy for a minute")
}

// capturePaintDelay gives the window time to paint a new page.
const capturePaintDelay = 500 * time.Millisecond

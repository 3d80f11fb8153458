package setupwizard

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"github.com/entra-wizard/entra-wizard/keystore"
	"github.com/entra-wizard/entra-wizard/oauth"
	"github.com/entra-wizard/entra-wizard/provision"
)

func (s *autoSetupStep) onStart() {
	req, err := s.request()
	if err != nil {
		setWizardMessage(s.problem, err.Error())
		return
	}
	s.setup = provision.New(s.deps())
	s.launch(func(ctx context.Context) (provision.Result, error) { return s.setup.Start(ctx, req) })
}

func (s *autoSetupStep) onResume() { s.continueWith(s.failed.State) }

// continueWith runs the failed setup on from its step.
func (s *autoSetupStep) continueWith(st *provision.State) {
	s.launch(func(ctx context.Context) (provision.Result, error) { return s.setup.Continue(ctx, st) })
}

// launch runs setup off the UI goroutine; its progress and result come back
// through Do.
func (s *autoSetupStep) launch(run func(context.Context) (provision.Result, error)) {
	ctx, stop := context.WithCancel(context.Background())
	s.stop, s.running, s.failed = stop, true, nil
	s.signIn.setURL("")
	s.signInWhy.SetText(noBrowserYet)
	setWizardMessage(s.problem, "")
	s.created.SetText("")
	s.createdLinks.RemoveAll()
	s.status.SetText("Opening the browser: sign in as an administrator and accept the permissions.")
	s.refresh()
	go func() {
		res, err := run(ctx)
		s.v.deps.Do(func() { s.onDone(res, err) })
	}()
}

func (s *autoSetupStep) onCancel() {
	if s.stop != nil {
		s.stop()
	}
}

func (s *autoSetupStep) onProgress(p provision.Progress) {
	if p.Step == provision.StepWait && p.Attempt > 0 {
		s.status.SetText(fmt.Sprintf("Waiting for Microsoft Entra to finish creating the app... %s elapsed",
			p.Elapsed.Round(1e9)))
		return
	}
	text := p.Step.String()
	text = strings.ToUpper(text[:1]) + text[1:] + "..."
	switch {
	case p.Step == provision.StepSignIn:
		text += "\n" + provision.WaitingHelp("press Cancel")
	case p.Step == provision.StepTest && s.failed == nil && setupMethods[s.method.Selected] == provision.MethodBrowser:
		text += "\nThe browser opens once more: sign in again, this time to the new app, so the program can test the connection as you.\n" +
			oauth.WaitingHelp("press Cancel")
	}
	s.status.SetText(text)
}

func (s *autoSetupStep) onDone(res provision.Result, err error) {
	s.running, s.stop = false, nil
	defer s.refresh()
	if err == nil {
		s.status.SetText("")
		s.finishedAs = res.Profile.Name
		s.showSummary(res)
		return
	}
	s.status.SetText("")
	fail, ok := err.(*provision.Failure)
	if !ok {
		setWizardMessage(s.problem, err.Error())
		return
	}
	s.failed = fail
	msg := "Could not " + fail.Step.String() + ": " + fail.Message()
	if errors.Is(fail, provision.ErrAppExists) {
		msg = existsText(fail)
	}
	if fail.ConsentURL != "" {
		msg += "\nSomeone with the " + fail.MissingRole + " role can grant consent with this link. " +
			"Once they have, press \"Continue from this step\": it sees what they granted."
		s.consent.setURL(fail.ConsentURL)
	}
	setWizardMessage(s.problem, msg)
	s.showCreated()
}

func (s *autoSetupStep) showCreated() {
	links := s.failed.Links()
	if len(links) == 0 {
		s.created.SetText("Nothing was created in your tenant.")
		return
	}
	if s.cloud.names[s.cloud.choice.Selected] == keystore.CloudDemo {
		s.created.SetText("Created so far in the demo tenant. The demo has no Entra admin center to look at them in; " +
			"\"Remove what was created\" removes them here.")
		for _, l := range links {
			s.createdLinks.Add(widget.NewLabel(l.Title))
		}
		s.createdLinks.Refresh()
		return
	}
	s.created.SetText("Created so far (each page opens in a browser at its address):")
	for _, l := range links {
		row := newLinkRow("Copy", s.v.copyText)
		row.setURL(l.URL)
		s.createdLinks.Add(container.NewBorder(nil, nil, widget.NewLabel(l.Title+":"), nil, row.view))
	}
	s.createdLinks.Refresh()
}

func (s *autoSetupStep) onRemove() {
	st := s.failed.State
	s.running = true
	s.refresh()
	go func() {
		err := s.setup.Remove(context.Background(), st)
		s.v.deps.Do(func() {
			s.running = false
			if err != nil {
				setWizardMessage(s.problem, "Could not remove what was created: "+err.Error())
			} else {
				s.failed = nil
				setWizardMessage(s.problem, "")
				s.created.SetText("What setup had created was removed. Nothing is left in your tenant.")
				s.createdLinks.RemoveAll()
				s.hand.box.Hide()
			}
			s.refresh()
			if after := s.afterRemove; err == nil && after != nil {
				s.afterRemove = nil
				after()
			}
		})
	}()
}

// onGuided goes to the portal path: the wizard's own steps.
// When setup created the app, it first asks whether to keep it.
func (s *autoSetupStep) onGuided() {
	if s.wantsHandOver() {
		s.askHandOver()
		return
	}
	s.v.leaveAutoSetup()
}

// noBrowserYet is said under the sign-in address until the browser is
// known to have failed.
const noBrowserYet = "If no browser window opened, open this address in a browser by hand:"

// openURL opens a sign-in page in the browser of Deps.OpenURL and, when it
// cannot, says so above the address to open by hand.
func (s *autoSetupStep) openURL(url string) error {
	err := s.v.deps.OpenURL(url)
	if err != nil {
		s.v.deps.Do(func() {
			s.signInWhy.SetText("The browser could not be opened. Open this address in a browser by hand " +
				"(on this computer: the program waits for the sign-in to come back here):")
			s.v.relayout()
		})
	}
	return err
}

package setupwizard

import (
	"context"
	"image/color"
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/entra-wizard/entra-wizard/connection"
	"github.com/entra-wizard/entra-wizard/graph"
	"github.com/entra-wizard/entra-wizard/keystore"
	"github.com/entra-wizard/entra-wizard/oauth"
	"github.com/entra-wizard/entra-wizard/ui/setupwizard/flow"
)

// checkStep tests the connection: it signs in (through the browser for
// that method), asks Microsoft Graph what the connection may do, and shows
// a checklist per feature with a fix for each missing one.
type checkStep struct {
	v *Wizard

	intro    *widget.Label
	start    *widget.Button
	cancel   *widget.Button
	progress *widget.ProgressBarInfinite
	status   *widget.Label

	manualBox *fyne.Container // the sign-in address, for opening by hand
	manual    *linkRow
	manualURL *widget.Label
	copyURL   *widget.Button

	summary *widget.Label
	// consentBox says once, at the top, that admin consent is what is
	// missing, with the button and the link that grant it.
	consentBox  *fyne.Container
	grant       *widget.Button
	consentLink *linkRow
	consentHelp *widget.Label
	problem     *widget.Label // what happened and what to do
	features    *fyne.Container
	fixes       []*widget.Button // one per missing feature with a fix page

	stop context.CancelFunc // non-nil while a test runs
	run  int                // numbers attempts; a stale answer is dropped
}

func newCheckStep(v *Wizard) *checkStep {
	s := &checkStep{v: v, intro: wrappedLabel(""), status: wrappedLabel(""), summary: wrappedLabel(""),
		problem: newFieldError(), features: container.NewVBox(), progress: widget.NewProgressBarInfinite()}
	s.summary.TextStyle = fyne.TextStyle{Bold: true}
	s.start = widget.NewButtonWithIcon("", theme.MediaPlayIcon(), s.onStart)
	s.start.Importance = widget.HighImportance
	s.cancel = widget.NewButtonWithIcon("Cancel", theme.CancelIcon(), s.onCancel)
	s.manual = newLinkRow("Copy", v.copyText)
	s.manualURL, s.copyURL = s.manual.url, s.manual.copy
	s.manualBox = container.NewVBox(
		wrappedLabel("If no browser window opened, open this address in a browser by hand:"), s.manual.view)
	s.grant = widget.NewButtonWithIcon("Grant admin consent", theme.ConfirmIcon(), func() { v.openURL(v.consent.url()) })
	s.grant.Importance = widget.HighImportance
	permissions := widget.NewButtonWithIcon("Open the app's API permissions page", theme.ComputerIcon(), v.consent.onOpenPortal)
	s.consentLink = newLinkRow("Copy the consent link", v.copyText)
	s.consentHelp = wrappedLabel("")
	s.consentBox = container.NewVBox(
		s.consentHelp,
		container.NewHBox(s.grant, permissions), s.consentLink.view)
	s.consentBox.Hide()
	s.idle()
	return s
}

// consentHelp says who approves the missing permissions for the method
// in use, and how.
func consentHelp(m string) string {
	return "An administrator (" + approvers(m) + ") approves them once for the whole organization. Press Grant " +
		"admin consent and sign in as one, or send them this link; then press Test again. If the consent page " +
		"lists no permissions, add them first on the app's API permissions page."
}

func (s *checkStep) view() fyne.CanvasObject {
	return container.NewVBox(s.intro, container.NewHBox(s.start, s.cancel), s.progress, s.status,
		s.manualBox, s.summary, s.consentBox, s.problem, s.features)
}

func (s *checkStep) shown() {
	switch s.v.wz.State.Method {
	case keystore.MethodBrowser:
		s.intro.SetText("Press Sign in: your browser opens Microsoft's sign-in page. Sign in with an " +
			"administrator account of your organization; the program then checks what it may do.")
	case keystore.MethodCertificate:
		s.intro.SetText("Press Test: the program signs in with the app's certificate and checks what it may do. " +
			"Nothing in your directory is changed. If Microsoft does not know the certificate yet, upload it " +
			"on the previous page; a new upload can take a minute to work.")
	default:
		s.intro.SetText("Press Test: the program signs in with the app's secret and checks what it may do. " +
			"Nothing in your directory is changed.")
	}
	if _, ok := s.v.wz.Tested(); !ok && s.stop == nil {
		s.clearResult()
	}
	s.setStartText()
}

func (s *checkStep) setStartText() {
	_, tested := s.v.wz.Tested()
	switch {
	case s.v.wz.State.Method == keystore.MethodBrowser && tested:
		s.start.SetText("Sign in again")
	case s.v.wz.State.Method == keystore.MethodBrowser:
		s.start.SetText("Sign in")
	case tested:
		s.start.SetText("Test again")
	default:
		s.start.SetText("Test")
	}
}

// credentialWord names what an app-only connection signs in with.
func credentialWord(m string) string {
	if m == keystore.MethodCertificate {
		return "certificate"
	}
	return "secret"
}

func (s *checkStep) running() bool { return s.stop != nil }

// idle shows the page between tests.
func (s *checkStep) idle() {
	s.stop = nil
	s.start.Enable()
	s.cancel.Hide()
	s.progress.Stop()
	s.progress.Hide()
	s.status.Hide()
	s.manualBox.Hide()
}

func (s *checkStep) clearResult() {
	s.summary.SetText("")
	s.summary.Hide()
	s.consentBox.Hide()
	setWizardMessage(s.problem, "")
	s.features.Objects = nil
	s.features.Refresh()
	s.fixes = nil
}

// onStart runs a test in the background. The values are copied, so the
// test uses exactly what was typed when it started.
func (s *checkStep) onStart() {
	defer s.v.relayout()
	if s.running() {
		return
	}
	if _, err := s.v.wz.Endpoints(); err != nil {
		s.clearResult()
		setWizardMessage(s.problem, "The cloud's addresses are not valid: "+err.Error()+" Go back to the cloud step to fix them.")
		return
	}
	ctx, stop := context.WithCancel(context.Background())
	s.stop = stop
	s.run++
	run := s.run
	s.clearResult()
	s.v.clearProblems() // "test the connection" is being done
	s.start.Disable()
	s.cancel.Show()
	s.progress.Show()
	s.progress.Start()
	s.status.Show()
	browser := s.v.wz.State.Method == keystore.MethodBrowser
	if browser {
		// What to look for if Microsoft shows an error page instead of
		// coming back, and how to stop.
		s.status.SetText(oauth.WaitingHelp("press Cancel"))
	} else {
		s.status.SetText("Signing in with the app's " + credentialWord(s.v.wz.State.Method) + " and checking its permissions…")
	}
	s.v.refreshButtons()

	state := s.v.wz.State
	do := s.v.deps.Do
	engine, attempt := s.v.engine(), attemptOf(state)
	attempt.OnURL = func(url string) { do(func() { s.showManualURL(run, url) }) }
	go func() {
		res := engine.Test(ctx, attempt)
		stop()
		do(func() { s.finish(run, state, res) })
	}()
}

func (s *checkStep) showManualURL(run int, url string) {
	defer s.v.relayout()
	if run != s.run || !s.running() {
		return
	}
	s.manual.setURL(url)
	s.manualBox.Show()
}

func (s *checkStep) onCancel() {
	defer s.v.relayout()
	if s.stop != nil {
		s.stop()
		s.status.SetText("Cancelling…")
	}
}

// finish shows a test's result, if it is still the latest attempt and the
// values have not changed meanwhile.
func (s *checkStep) finish(run int, state flow.State, res connection.Result) {
	defer s.v.relayout()
	if run != s.run {
		return
	}
	s.idle() // the sign-in address dies with the attempt, so it goes too
	if state == s.v.wz.State {
		s.v.wz.RecordTest(res.Report, res.RefreshToken)
		s.v.save.expiry.learn(res.OwnSecret, res.OwnSecretErr)
	}
	s.showReport(res.Report)
	s.setStartText()
	s.v.refreshButtons()
}

// showReport fills the summary, the problem and the feature checklist.
func (s *checkStep) showReport(r graph.Report) {
	s.summary.Show()
	consent := consentMissing(r)
	if r.Err != nil && !consent {
		what, todo := explain(r.Err)
		setWizardMessage(s.problem, "What happened: "+what+"\nWhat to do: "+todo)
	}
	if len(r.Features) == 0 {
		s.summary.SetText("The connection did not work.")
		return
	}
	name := r.Organization
	if name == "" {
		name = "your organization"
	}
	switch {
	case consent:
		s.summary.SetText("Signed in to " + name + ", but no administrator has approved the app's permissions yet " +
			"(admin consent), so none of its features work.")
		s.consentLink.setURL(s.v.consent.url())
		s.consentHelp.SetText(consentHelp(s.v.wz.State.Method))
		s.consentBox.Show()
	case r.OK() && len(r.Missing) == 0:
		s.summary.SetText("Connected to " + name + ". Everything works. Press Next to save the connection.")
	case r.OK():
		s.summary.SetText("Connected to " + name + ". Some features are off until their permissions are added " +
			"(see below). You can save now and add them later, or fix them and press Test again.")
	default:
		s.summary.SetText("Signed in to " + name + ", but the program cannot read your directory yet. " +
			"Fix the items below, then test again.")
	}
	s.features.Objects = nil
	if !consent {
		if s.demo() && slices.ContainsFunc(r.Features, func(f graph.FeatureStatus) bool { return f.FixURL != "" }) {
			s.features.Add(wrappedLabel("The demo has no Entra admin center to fix these in: in a real tenant, " +
				"each is fixed on the app's pages there, as its line says."))
		}
		for _, note := range featureNotes(r.Features) {
			s.features.Add(wrappedLabel(note))
		}
	}
	for _, f := range r.Features {
		if consent {
			s.features.Add(consentRow(f))
			continue
		}
		s.features.Add(s.featureRow(f))
	}
	s.features.Refresh()
}

// featureNotes are the caveats of the working features, each once above
// the checklist: a signed-in user's directory role applies to every
// feature alike.
func featureNotes(features []graph.FeatureStatus) []string {
	var out []string
	for _, f := range features {
		if f.OK && f.Note != "" && !slices.Contains(out, f.Note) {
			out = append(out, f.Note)
		}
	}
	return out
}

// featureRow is one line of the checklist.
func (s *checkStep) featureRow(f graph.FeatureStatus) fyne.CanvasObject {
	if f.OK {
		lines := container.NewVBox(widget.NewLabel(f.Title)) // its note is above the list
		return container.NewBorder(nil, nil, lineIcon(theme.NewSuccessThemedResource(theme.ConfirmIcon())), nil, lines)
	}
	lines := container.NewVBox(widget.NewLabelWithStyle(f.Title, fyne.TextAlignLeading, fyne.TextStyle{Bold: true}))
	if f.Problem != "" {
		lines.Add(wrappedLabel(f.Problem))
	}
	if f.Fix != "" {
		lines.Add(wrappedLabel("Fix: " + f.Fix))
	}
	if f.FixURL != "" && !s.demo() {
		url := f.FixURL
		fix := widget.NewButtonWithIcon("Open the page to fix it", theme.ComputerIcon(), func() { s.v.openURL(url) })
		s.fixes = append(s.fixes, fix)
		lines.Add(container.NewHBox(fix))
	}
	return container.NewBorder(nil, nil, lineIcon(theme.NewErrorThemedResource(theme.CancelIcon())), nil, lines)
}

// consentMissing reports whether the app's token carries no permission at
// all: the one fix for every feature is admin consent, said once.
func consentMissing(r graph.Report) bool {
	return !r.Delegated && r.Granted != nil && len(r.Granted) == 0 && len(r.Features) > 0 && !r.OK()
}

// consentRow is a feature's line while admin consent is missing: one line,
// since the consent box above says what to do.
func consentRow(f graph.FeatureStatus) fyne.CanvasObject {
	text := f.Title + ": waiting for admin consent"
	if len(f.Needs) > 0 {
		text += " (" + f.Needs[0] + ")"
	}
	l := widget.NewLabel(text)
	l.Truncation = fyne.TextTruncateEllipsis
	return container.NewBorder(nil, nil, lineIcon(theme.NewErrorThemedResource(theme.CancelIcon())), nil, l)
}

// lineIcon is an icon centred on the first line of the text beside
// it: a label's text sits inside padding, so a bare icon would ride high.
func lineIcon(res fyne.Resource) fyne.CanvasObject {
	line := canvas.NewRectangle(color.Transparent)
	line.SetMinSize(fyne.NewSize(theme.IconInlineSize(), widget.NewLabel("").MinSize().Height))
	return container.NewVBox(container.NewStack(line, container.NewCenter(widget.NewIcon(res))))
}

// demo reports whether the connection is to the demo tenant, which has
// no admin center for the fixes to open.
func (s *checkStep) demo() bool { return s.v.wz.State.Cloud == keystore.CloudDemo }

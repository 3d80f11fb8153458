package setupwizard

import (
	"fmt"
	"io"
	"net/http"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/entra-wizard/entra-wizard/connection"
	"github.com/entra-wizard/entra-wizard/keystore"
	"github.com/entra-wizard/entra-wizard/ui/kit"
	"github.com/entra-wizard/entra-wizard/ui/setupwizard/flow"
)

// Store saves a connection; *keystore.Store provides it.
type Store interface {
	List() ([]keystore.Profile, error)
	Save(p keystore.Profile, s keystore.Secrets) (keystore.Saved, error)
}

// Deps are what the wizard's screens need from the outside world.
type Deps struct {
	App fyne.App
	// Store saves the connection; nil when it could not be opened, with
	// StoreErr saying why.
	Store    Store
	StoreErr error
	// Demo is the running demo tenant, whose values the wizard fills in
	// and to whose app it uploads a certificate; nil without --demo.
	Demo *connection.DemoTenant
	// OpenURL opens a web page in the system browser.
	OpenURL    func(string) error
	HTTPClient *http.Client
	// Do runs f on the UI goroutine; nil means fyne.Do.
	Do  func(f func())
	Now func() time.Time
	// LoginTimeout bounds a browser sign-in; 0 means oauth's default.
	LoginTimeout time.Duration
	// OnFinish opens the management panel on the saved connection.
	OnFinish func(name string)
	// OnLDAP opens the secure LDAP setup page, when the method chosen is
	// LDAP through Entra Domain Services; nil leaves that choice out.
	OnLDAP func()
	// SaveFile asks where to save a file, suggesting a name (the
	// standard save dialog); nil offers no file to save.
	SaveFile func(suggested string, chosen func(io.WriteCloser, error))
	// OpenFile asks for a file to read (the standard open dialog); nil
	// offers none to import.
	OpenFile func(chosen func(io.ReadCloser, error))
	// Focus gives the keyboard to a widget of the window, or takes it
	// away with nil; a nil Focus leaves the keyboard where it is.
	Focus func(fyne.Focusable)
	// OnCancel leaves the wizard without saving, back to where it was
	// opened from (the management panel's "Add connection"); nil hides
	// Cancel, as on a first start there is nowhere to go back to.
	OnCancel func()
}

// stepScreen is one step's page.
type stepScreen interface {
	view() fyne.CanvasObject
	// shown refreshes the page from the wizard's values each time it
	// becomes the current step.
	shown()
}

// Wizard is the wizard window's content: a heading, the current step's
// page, and Back and Next below.
type Wizard struct {
	deps Deps
	wz   *flow.Wizard

	heading  *widget.Label
	position *widget.Label
	body     *fyne.Container
	problems *widget.Label
	// unopened is the address the browser could not open, to copy by hand.
	unopened     *fyne.Container
	unopenedWhy  *widget.Label
	unopenedLink *linkRow
	back         *kit.Button
	next         *kit.Button
	cancel       *kit.Button

	welcome     *welcomeStep
	method      *methodStep
	cloud       *cloudStep
	register    *registerStep
	credentials *credentialsStep
	consent     *consentStep
	check       *checkStep
	save        *saveStep
	done        *doneStep
	// autoSetup is "Set it up for me", shown instead of the steps.
	autoSetup   *autoSetupStep
	autoPage    fyne.CanvasObject
	inAutoSetup bool
	screens     map[flow.Step]stepScreen
	pages       map[flow.Step]fyne.CanvasObject

	root fyne.CanvasObject
}

func New(deps Deps) *Wizard {
	if deps.Do == nil {
		deps.Do = fyne.Do
	}
	if deps.Now == nil {
		deps.Now = time.Now
	}
	v := &Wizard{deps: deps, wz: flow.New(deps.Demo)}
	if deps.OnLDAP != nil {
		v.wz.OfferLDAP()
	}
	v.heading = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	v.heading.SizeName = theme.SizeNameSubHeadingText
	v.position = widget.NewLabel("")
	v.problems = widget.NewLabel("")
	v.problems.Wrapping = fyne.TextWrapWord
	v.problems.Importance = widget.DangerImportance
	v.unopenedWhy = newFieldError()
	v.unopenedWhy.Show()
	v.unopenedLink = newLinkRow("Copy", v.copyText)
	v.unopened = container.NewVBox(v.unopenedWhy, v.unopenedLink.view)
	v.unopened.Hide()
	v.back = kit.NewButtonWithIcon("Back", theme.NavigateBackIcon(), v.onBack)
	v.next = kit.NewButtonWithIcon("Next", theme.NavigateNextIcon(), v.onNext)
	v.next.IconPlacement = widget.ButtonIconTrailingText
	v.next.Importance = widget.HighImportance
	v.cancel = kit.NewButtonWithIcon("Cancel", theme.CancelIcon(), v.onCancel)
	if deps.OnCancel == nil {
		v.cancel.Hide()
	}

	v.welcome = newWelcomeStep(v)
	v.method = newMethodStep(v)
	v.cloud = newCloudStep(v)
	v.register = newRegisterStep(v)
	v.credentials = newCredentialsStep(v)
	v.consent = newConsentStep(v)
	v.check = newCheckStep(v)
	v.save = newSaveStep(v)
	v.done = newDoneStep(v)
	v.screens = map[flow.Step]stepScreen{
		flow.StepWelcome: v.welcome, flow.StepMethod: v.method, flow.StepCloud: v.cloud,
		flow.StepRegister: v.register, flow.StepCredentials: v.credentials,
		flow.StepConsent: v.consent, flow.StepTest: v.check, flow.StepSave: v.save,
		flow.StepDone: v.done,
	}
	v.pages = map[flow.Step]fyne.CanvasObject{}

	v.body = container.NewStack()
	top := container.NewBorder(nil, nil, nil, v.position, v.heading)
	var left fyne.CanvasObject = v.back
	if deps.OnCancel != nil {
		left = container.NewHBox(v.cancel, v.back)
	}
	buttons := container.NewBorder(nil, nil, left, v.next)
	bottom := container.NewVBox(v.unopened, v.problems, widget.NewSeparator(), buttons)
	v.root = container.NewPadded(container.NewBorder(
		container.NewVBox(top, widget.NewSeparator()), bottom, nil, nil, v.body))
	v.show()
	return v
}

// DemoMode reports whether the wizard fills in the demo tenant's values.
func (v *Wizard) DemoMode() bool { return v.wz.Demo() != nil }

// Content is what the window shows.
func (v *Wizard) Content() fyne.CanvasObject { return v.root }

// show displays the current step's page and updates the buttons.
func (v *Wizard) show() {
	step := v.wz.Step()
	screen := v.screens[step]
	page, ok := v.pages[step]
	if !ok {
		page = container.NewVScroll(screen.view())
		v.pages[step] = page
	}
	screen.shown()
	v.heading.SetText(step.Title())
	v.position.SetText(fmt.Sprintf("Step %d of %d", step.Number(), len(flow.Steps)))
	// A page shown again starts at its top, where its buttons are, not
	// where it was left.
	if scroll, ok := page.(*container.Scroll); ok {
		scroll.ScrollToTop()
	}
	v.body.Objects = []fyne.CanvasObject{page}
	v.body.Refresh()
	v.problems.SetText("")
	v.problems.Hide()
	v.unopened.Hide()
	v.refreshButtons()
	v.relayout()
	v.FocusPage()
}

// paged is a page with a field that takes the keyboard when it shows.
type paged interface{ field() fyne.Focusable }

// FocusPage gives the keyboard to the page's first field, when it has
// one, so typing and the arrow keys work without a click first. The
// window calls it once the wizard is on screen.
func (v *Wizard) FocusPage() {
	if v.deps.Focus == nil {
		return
	}
	var page any = v.screens[v.wz.Step()]
	if v.inAutoSetup {
		page = v.autoSetup
	}
	if p, ok := page.(paged); ok {
		v.deps.Focus(p.field())
		v.scrollTo(p.field())
		return
	}
	v.deps.Focus(nil) // not a field of the page left behind
}

// scrollTo scrolls the page, if need be, so that o shows: the keyboard's
// place is below the fold on a small screen.
func (v *Wizard) scrollTo(o fyne.Focusable) {
	obj, isObj := o.(fyne.CanvasObject)
	if len(v.body.Objects) == 0 || !isObj {
		return
	}
	scroll, ok := v.body.Objects[0].(*container.Scroll)
	if !ok || fyne.CurrentApp() == nil {
		return
	}
	d := fyne.CurrentApp().Driver()
	top := d.AbsolutePositionForObject(obj).Y - d.AbsolutePositionForObject(scroll.Content).Y
	bottom := top + obj.Size().Height
	switch {
	case top < scroll.Offset.Y:
		scroll.ScrollToOffset(fyne.NewPos(0, top))
	case bottom > scroll.Offset.Y+scroll.Size().Height:
		scroll.ScrollToOffset(fyne.NewPos(0, bottom-scroll.Size().Height))
	}
}

// relayout lays the window out again after parts of a page were shown or
// hidden; containers do not notice that by themselves. Twice: wrapped text
// newly shown learns its width in the first pass, and only then its height.
func (v *Wizard) relayout() {
	v.root.Refresh()
	v.root.Refresh()
}

// refreshButtons enables Back and Next as the wizard allows and names Next
// for what it does on this step.
func (v *Wizard) refreshButtons() {
	step := v.wz.Step()
	if v.wz.CanBack() {
		v.back.Enable()
	} else {
		v.back.Disable()
	}
	switch step {
	case flow.StepWelcome:
		v.next.SetText("Start")
	case flow.StepSave:
		v.next.SetText("Save")
	case flow.StepDone:
		v.next.SetText("Open the management panel")
	default:
		v.next.SetText("Next")
	}
	if v.busy() {
		v.next.Disable()
		v.back.Disable()
		v.cancel.Disable()
		return
	}
	v.next.Enable()
	v.cancel.Enable()
	if step == flow.StepWelcome && !v.welcome.chosen() {
		v.next.Disable() // Start waits for a way to be chosen
	}
	if step == flow.StepDone {
		v.cancel.Disable() // saved: the next button opens the panel
	}
}

// busy reports whether the current step has work running that Back and
// Next must not interrupt.
func (v *Wizard) busy() bool {
	return v.check.running() || v.save.running()
}

// Close stops work still running, when the window closes or the wizard
// is replaced.
func (v *Wizard) Close() {
	if v.check.stop != nil {
		v.check.stop()
	}
	if v.autoSetup != nil {
		v.autoSetup.onCancel()
	}
}

// onNext moves on, or shows why the step is not complete. On the save step
// it saves first; on the last step it opens the panel.
func (v *Wizard) onNext() {
	if v.busy() {
		return
	}
	if v.inAutoSetup { // the page's own button is the default
		switch {
		case v.autoSetup.start.Visible():
			v.autoSetup.start.Press()
		case v.autoSetup.openPanel.Visible():
			v.autoSetup.openPanel.Press()
		}
		return
	}
	switch v.wz.Step() {
	case flow.StepWelcome:
		switch v.welcome.choice.Selected {
		case "": // Enter before a choice: Start is off
			v.problems.SetText("Choose how you would like to connect, then press Start.")
			v.problems.Show()
			v.relayout()
			return
		case choiceAutoSetup:
			v.showAutoSetup()
			return
		case choiceLDAP:
			v.deps.OnLDAP()
			return
		}
	case flow.StepSave:
		v.save.onSave()
		return
	case flow.StepDone:
		if v.deps.OnFinish != nil {
			v.deps.OnFinish(v.wz.State.Name)
		}
		return
	case flow.StepMethod:
		if v.method.ldap && v.deps.OnLDAP != nil {
			v.deps.OnLDAP()
			return
		}
	}
	v.advance()
}

// advance moves to the next step if the wizard allows it.
func (v *Wizard) advance() {
	if err := v.wz.Next(); err != nil {
		v.showProblems(err)
		return
	}
	v.show()
}

// showProblems says why the step is not complete: under each field, or
// below the page for steps without fields.
func (v *Wizard) showProblems(err error) {
	defer v.relayout()
	text := problemText(err)
	if s, ok := v.screens[v.wz.Step()].(interface{ showFieldErrors() }); ok {
		s.showFieldErrors() // each message sits under its field
		text = "Some details need fixing: see the messages above."
	}
	v.problems.SetText(text)
	v.problems.Show()
}

// recheck updates the message below the page after a value changed: it
// goes once the step is complete, and names only what is still wrong.
func (v *Wizard) recheck() {
	if !v.problems.Visible() {
		return
	}
	problems := v.wz.Problems()
	if len(problems) == 0 {
		v.clearProblems()
		return
	}
	if _, fields := v.screens[v.wz.Step()].(interface{ showFieldErrors() }); !fields {
		defer v.relayout()
		v.problems.SetText(problemText(&flow.StepError{Step: v.wz.Step(), Problems: problems}))
	}
}

// clearProblems hides the message below the page, once what it asked for
// is done.
func (v *Wizard) clearProblems() {
	if !v.problems.Visible() {
		return
	}
	defer v.relayout()
	v.problems.SetText("")
	v.problems.Hide()
}

func (v *Wizard) onBack() {
	if v.inAutoSetup {
		if !v.autoSetup.running {
			v.inAutoSetup = false
			v.next.Show()
			v.show()
		}
		return
	}
	if v.busy() || !v.wz.Back() {
		return
	}
	v.show()
}

// onCancel leaves the wizard without saving anything, when it was opened
// from somewhere to go back to. Work in progress is stopped first; a save
// under way is not interrupted.
func (v *Wizard) onCancel() {
	if v.deps.OnCancel == nil || v.busy() || v.wz.Step() == flow.StepDone ||
		(v.inAutoSetup && v.autoSetup.running) {
		return
	}
	v.Close()
	v.deps.OnCancel()
}

// OnKey lets Enter move on and Escape go back when no text field has the
// keyboard. Escape on the first page cancels, when there is somewhere to
// go back to.
func (v *Wizard) OnKey(ev *fyne.KeyEvent) {
	switch ev.Name {
	case fyne.KeyReturn, fyne.KeyEnter:
		v.onNext()
	case fyne.KeyEscape:
		if !v.inAutoSetup && v.wz.Step() == flow.StepWelcome {
			v.onCancel()
			return
		}
		v.onBack()
	}
}

// openURL opens a page in the browser and says so if it cannot.
func (v *Wizard) openURL(url string) {
	if v.deps.OpenURL == nil {
		return
	}
	defer v.relayout()
	if err := v.deps.OpenURL(url); err != nil {
		why := "The browser could not be opened"
		if !strings.Contains(err.Error(), url) { // the address is shown once, below
			why += " (" + err.Error() + ")"
		}
		v.unopenedWhy.SetText(why + ". Copy this address and open it in a browser by hand:")
		v.unopenedLink.setURL(url)
		v.unopened.Show()
		return
	}
	v.unopened.Hide()
}

// copyText puts s on the clipboard.
func (v *Wizard) copyText(s string) {
	if v.deps.App != nil {
		v.deps.App.Clipboard().SetContent(s)
	}
}

package setupwizard

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"github.com/entra-wizard/entra-wizard/graph"
	"github.com/entra-wizard/entra-wizard/keystore"
	"github.com/entra-wizard/entra-wizard/provision"
	"github.com/entra-wizard/entra-wizard/ui/kit"
)

// demoAppName is the app "Set it up for me" registers in the demo tenant,
// whose app of the default name the guided path uses.
const demoAppName = provision.DefaultAppName + " (set up for me)"

// The wizard's first choice.
const (
	choiceAutoSetup = "Set it up for me (sign in as an administrator)"
	choiceManual    = "I'll register the app myself"
	choiceLDAP      = "Secure LDAP (Entra Domain Services)"
)

// autoSetupStep is "Set it up for me": one administrator sign-in, then the
// program registers the app, its certificate or secret and its consent, waits for Entra,
// tests and saves. A failure shows what was created, with Remove, Continue
// and the guided path.
type autoSetupStep struct {
	v *Wizard

	name, tenant, appName *validatedEntry
	method                *kit.Radio
	// days is the certificate's or secret's lifetime; its default follows
	// the method until the admin types their own.
	days           *kit.Entry
	cloud          *setupCloudPicker
	features       *widget.CheckGroup
	start          *kit.Button
	cancel         *widget.Button
	remove, resume *widget.Button
	guided         *widget.Button
	// reuse and rename answer a registration of the same name; over
	// starts again when nothing was created.
	reuse, rename, over *widget.Button
	// summary is what was set up and where it was saved; openPanel
	// goes on to the management panel.
	summary    *widget.Label
	openPanel  *kit.Button
	summaryBox *fyne.Container
	hand       *handOver
	// afterRemove runs once Remove has cleared the tenant.
	afterRemove     func()
	status, problem *widget.Label
	created         *widget.Label
	createdLinks    *fyne.Container // the portal page of each thing created, with Copy
	// signIn is the sign-in page's address while it waits, and consent the
	// consent link after a refusal: both to open by hand or send on.
	signIn, consent       *linkRow
	signInBox, consentBox *fyne.Container
	// intro says how often the admin signs in; signInWhy whether the
	// browser opened.
	intro, signInWhy *widget.Label

	setup      *provision.Setup
	failed     *provision.Failure
	stop       context.CancelFunc
	running    bool
	finishedAs string
	// saved is where the connection was saved, set by the run's Save
	// before its result comes back through Do.
	saved keystore.Saved
}

// titles maps the "Use it for" choices, the connection test's words, to
// their features.
var titles = func() map[string]graph.Feature {
	out := map[string]graph.Feature{}
	for _, f := range graph.Features() {
		out[graph.FeatureTitle(f)] = f
	}
	return out
}()

func newAutoSetupStep(v *Wizard) *autoSetupStep {
	s := &autoSetupStep{v: v, name: newValidatedEntry(v, "a name for the connection, such as Contoso"),
		tenant:  newValidatedEntry(v, "tenant ID or domain, such as contoso.onmicrosoft.com"),
		appName: newValidatedEntry(v, "")}
	s.appName.SetText(provision.DefaultAppName)
	s.days = kit.NewEntry()
	s.method = kit.NewRadio([]string{methodCertificateLabel, methodSecretLabel, methodBrowserLabel}, s.onMethod)
	s.method.SetSelected(methodCertificateLabel)
	s.cloud = newSetupCloudPicker(v)
	var all []string
	for _, f := range graph.Features() {
		all = append(all, graph.FeatureTitle(f))
	}
	s.features = widget.NewCheckGroup(all, nil)
	// One under the other: in a row they make the page wider than a
	// laptop's screen at 150%.
	s.features.SetSelected(all)
	s.features.OnChanged = func([]string) {
		if !s.running && s.failed == nil {
			setWizardMessage(s.problem, "") // "choose at least one" is answered
		}
	}
	s.start = kit.NewButton("Sign in and set it up", s.onStart)
	s.start.Importance = widget.HighImportance
	s.cancel = widget.NewButton("Cancel", s.onCancel)
	s.remove = widget.NewButton("Remove what was created", s.onRemove)
	s.resume = widget.NewButton("Continue from this step", s.onResume)
	s.guided = widget.NewButton("Register the app myself instead", s.onGuided)
	s.reuse = widget.NewButton("Reuse it", s.onReuse)
	s.reuse.Importance = widget.HighImportance
	s.rename = widget.NewButton("Use this name instead", s.onRename)
	s.over = widget.NewButton("Start over", s.onStartOver)
	s.summary = wrappedLabel("")
	s.openPanel = kit.NewButton("Open the management panel", s.onOpenPanel)
	s.openPanel.Importance = widget.HighImportance
	s.summaryBox = container.NewVBox(s.summary, container.NewHBox(s.openPanel))
	s.hand = newHandOver(s)
	s.status, s.problem, s.created = wrappedLabel(""), wrappedLabel(""), wrappedLabel("")
	s.createdLinks = container.NewVBox()
	s.problem.Importance = widget.DangerImportance
	s.signIn, s.consent = newLinkRow("Copy", v.copyText), newLinkRow("Copy the consent link", v.copyText)
	s.intro = wrappedLabel(provision.SignIns(provision.MethodCertificate))
	s.signInWhy = wrappedLabel(noBrowserYet)
	s.signInBox = container.NewVBox(s.signInWhy, s.signIn.view)
	s.consentBox = container.NewVBox(s.consent.view)
	if d := v.deps.Demo; d != nil {
		s.name.SetText("Demo tenant (set up)")
		s.tenant.SetText(d.TenantDomain)
		// The demo tenant holds the guided path's app under the default
		// name: a first run registers one of its own.
		s.appName.SetText(demoAppName)
	}
	s.refresh()
	return s
}

func (s *autoSetupStep) view() fyne.CanvasObject {
	form := widget.NewForm(widget.NewFormItem("Connection name", s.name), widget.NewFormItem("Tenant", s.tenant),
		widget.NewFormItem("Cloud", s.cloud.choice),
		widget.NewFormItem("App name", s.appName), widget.NewFormItem("Sign-in", s.method),
		widget.NewFormItem("Valid for (days)", s.days),
		widget.NewFormItem("Use it for", s.features))
	return container.NewVBox(s.intro, form, container.NewHBox(s.start, s.cancel), s.status, s.signInBox, s.problem, s.consentBox, s.created, s.createdLinks,
		container.NewHBox(s.reuse, s.rename, s.resume, s.remove, s.over, s.guided), s.hand.box, s.summaryBox,
	)
}

func (s *autoSetupStep) shown() {}

// field is where the keyboard goes: the connection's name.
func (s *autoSetupStep) field() fyne.Focusable { return s.name }

// showSignIn shows the sign-in page's address while setup waits for it.
func (s *autoSetupStep) showSignIn(url string) {
	if !s.running {
		return
	}
	s.signIn.setURL(url)
	s.refresh()
}

// refresh shows the buttons that fit: Start when idle, Cancel while
// running, the failure's choices after a failure.
func (s *autoSetupStep) refresh() {
	failed, done := !s.running && s.failed != nil, s.finishedAs != ""
	exists := failed && errors.Is(s.failed, provision.ErrAppExists)
	showIf(s.start, !s.running && s.failed == nil && !done)
	showIf(s.cancel, s.running)
	showIf(s.reuse, exists)
	showIf(s.rename, exists)
	showIf(s.resume, failed && !exists)
	showIf(s.remove, failed && s.failed.State.Created.Any())
	showIf(s.over, failed && !exists && !s.failed.State.Created.Any())
	showIf(s.guided, failed)
	showIf(s.signInBox, s.running && s.signIn.url.Text != "")
	showIf(s.consentBox, failed && s.failed.ConsentURL != "")
	showIf(s.summaryBox, done)
	s.lock(s.running || s.failed != nil || done, exists)
}

// lock disables the fields while a run goes on, after a failure (Continue
// goes on with the choices of the run that failed) and once done, so
// nothing typed is silently ignored. named leaves the app's name open, to
// use instead of one that exists.
func (s *autoSetupStep) lock(locked, named bool) {
	for _, w := range []fyne.Disableable{s.name, s.tenant, s.cloud.choice, s.method, s.features} {
		enableIf(w, !locked)
	}
	enableIf(s.appName, !locked || named)
	enableIf(s.days, !locked && setupMethods[s.method.Selected] != provision.MethodBrowser)
}

// request reads the typed values.
func (s *autoSetupStep) request() (provision.Request, error) {
	e, err := s.cloud.endpoints()
	if err != nil {
		return provision.Request{}, err
	}
	req := provision.Request{Name: s.name.Text, Tenant: s.tenant.Text, AppName: s.appName.Text, Endpoints: e,
		Method: setupMethods[s.method.Selected]}
	if req.Method != provision.MethodBrowser {
		if req.SecretDays, err = lifetimeDays(s.days.Text, req.Method); err != nil {
			return req, err
		}
	}
	for _, title := range s.features.Selected {
		req.Features = append(req.Features, titles[title])
	}
	if len(req.Features) == 0 {
		return req, errors.New("choose at least one thing to use the connection for")
	}
	return req, nil
}

// setupMethods are the sign-in choices in provision's spelling, as
// setup --credential and --method spell them.
var setupMethods = map[string]string{
	methodCertificateLabel: provision.MethodCertificate,
	methodSecretLabel:      provision.MethodSecret,
	methodBrowserLabel:     provision.MethodBrowser,
}

// defaultDays is the lifetime offered for a method: a year for a
// certificate, 180 days for a secret.
func defaultDays(method string) string {
	if method == provision.MethodCertificate {
		return strconv.Itoa(provision.DefaultCertificateDays)
	}
	return strconv.Itoa(provision.DefaultSecretDays)
}

// onMethod offers the chosen method's lifetime, unless the admin typed one
// of their own; a browser sign-in has no credential to expire.
func (s *autoSetupStep) onMethod(label string) {
	m := setupMethods[label]
	if s.intro != nil {
		s.intro.SetText(provision.SignIns(m))
	}
	if s.days.Text == "" || s.days.Text == defaultDays(provision.MethodCertificate) || s.days.Text == defaultDays(provision.MethodSecret) {
		s.days.SetText(defaultDays(m))
	}
	enableIf(s.days, m != provision.MethodBrowser)
}

// lifetimeDays reads the typed lifetime: whole days from 1 to
// provision.MaxSecretDays, as Microsoft recommends at most two years.
func lifetimeDays(text, method string) (int, error) {
	what := "secret"
	if method == provision.MethodCertificate {
		what = "certificate"
	}
	days, err := strconv.Atoi(strings.TrimSpace(text))
	if err != nil || days < 1 || days > provision.MaxSecretDays {
		return 0, fmt.Errorf("the %s's lifetime must be a whole number of days from 1 to %d (%s is the default)",
			what, provision.MaxSecretDays, defaultDays(method))
	}
	return days, nil
}

func (s *autoSetupStep) deps() provision.Deps {
	open := s.v.deps.OpenURL // nil: the system browser
	if open != nil {
		open = s.openURL
	}
	return provision.Deps{
		HTTPClient: s.v.deps.HTTPClient, OpenURL: open, LoginTimeout: s.v.deps.LoginTimeout,
		Progress: func(p provision.Progress) { s.v.deps.Do(func() { s.onProgress(p) }) },
		OnURL:    func(url string) { s.v.deps.Do(func() { s.showSignIn(url) }) },
		Save: func(p keystore.Profile, sec keystore.Secrets) error {
			if s.v.deps.Store == nil {
				return fmt.Errorf("the connection cannot be saved: %w", s.v.deps.StoreErr)
			}
			saved, err := s.v.deps.Store.Save(p, sec)
			s.saved = saved
			return err
		},
	}
}

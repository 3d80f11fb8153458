package setupwizard

import (
	"fmt"
	"strings"
	"time"

	"github.com/entra-wizard/entra-wizard/keystore"
	"github.com/entra-wizard/entra-wizard/provision"
)

// existsText says that setup looked and found a registration of the
// chosen name, and the two ways on.
func existsText(f *provision.Failure) string {
	name := f.State.Request.AppName
	what := "a new certificate"
	if f.State.Request.Method == provision.MethodSecret {
		what = "a new client secret"
	} else if f.State.Request.Method == provision.MethodBrowser {
		what = "its permissions"
	}
	return fmt.Sprintf("This tenant already has an app registration named %q. "+
		"Press \"Reuse it\" to use that app (setup adds %s to it), or type another app name above "+
		"and press \"Use this name instead\" to register a new one.", name, what)
}

// onReuse reuses the registration of the same name.
func (s *autoSetupStep) onReuse() {
	st := s.failed.State
	st.Request.Reuse = true
	s.continueWith(st)
}

// onRename registers a new app under the name now in the field.
func (s *autoSetupStep) onRename() {
	st := s.failed.State
	name := strings.TrimSpace(s.appName.Text)
	switch {
	case name == "":
		setWizardMessage(s.problem, existsText(s.failed)+"\nType the new app's name first.")
		return
	case strings.EqualFold(name, st.Request.AppName):
		setWizardMessage(s.problem, existsText(s.failed)+"\nThat is the name of the app that exists: type another one.")
		return
	}
	st.Request.AppName, st.Existing = name, nil
	s.continueWith(st)
}

// onStartOver clears a failure that left nothing in the tenant, so the
// choices can be changed and setup started again.
func (s *autoSetupStep) onStartOver() {
	s.failed = nil
	setWizardMessage(s.problem, "")
	s.created.SetText("")
	s.createdLinks.RemoveAll()
	s.refresh()
	s.v.relayout()
}

// showSummary says what was set up and where it is saved, as the guided
// path's last page does, before the management panel opens.
func (s *autoSetupStep) showSummary(res provision.Result) {
	p, c := res.Profile, res.Created
	lines := []string{fmt.Sprintf("The connection %q is tested and saved.", p.Name)}
	app := fmt.Sprintf("App registration: %q, client ID %s, in tenant %s", s.setupAppName(), c.AppID, p.Tenant)
	if c.Reused {
		app += " (it existed already)"
	}
	lines = append(lines, app)
	switch {
	case p.Certificate != nil:
		lines = append(lines, "Signs in with a certificate, valid until "+p.Certificate.Expires.Local().Format(time.DateOnly))
	case p.SecretExpires != nil:
		lines = append(lines, "Signs in with a client secret, valid until "+p.SecretExpires.Local().Format(time.DateOnly))
	case p.Method == keystore.MethodBrowser:
		lines = append(lines, "Signs in through the browser as the person using this program")
	}
	var works []string
	for _, f := range res.Report.Features {
		if f.OK {
			works = append(works, f.Title)
		}
	}
	if len(works) > 0 {
		lines = append(lines, "Works for: "+strings.Join(works, ", "))
	}
	lines = append(lines, res.Notes...)
	if s.saved.SettingsFile != "" {
		lines = append(lines, "Settings file: "+s.saved.SettingsFile, "Secret stored in: "+s.saved.Keychain)
	}
	s.summary.SetText(strings.Join(lines, "\n"))
}

// setupAppName is the registration's name as the run used it.
func (s *autoSetupStep) setupAppName() string { return strings.TrimSpace(s.appName.Text) }

// onOpenPanel opens the management panel on the new connection.
func (s *autoSetupStep) onOpenPanel() {
	if s.v.deps.OnFinish != nil {
		s.v.deps.OnFinish(s.finishedAs)
	}
}

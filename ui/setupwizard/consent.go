package setupwizard

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/entra-wizard/entra-wizard/connection"
	"github.com/entra-wizard/entra-wizard/keystore"
	"github.com/entra-wizard/entra-wizard/oauth"
)

// consentStep explains admin consent and opens the page that grants it.
type consentStep struct {
	v *Wizard

	openConsent *widget.Button
	openPortal  *widget.Button
	link        *linkRow
	copyURL     *widget.Button
	consentURL  *widget.Label
	intro       *widget.Label
	// who says which roles may approve, which depends on the method.
	who *widget.RichText
}

func newConsentStep(v *Wizard) *consentStep {
	s := &consentStep{v: v, link: newLinkRow("Copy the consent link", v.copyText)}
	s.consentURL, s.copyURL = s.link.url, s.link.copy
	s.openConsent = widget.NewButtonWithIcon("Open the admin consent page", theme.ConfirmIcon(), s.onOpenConsent)
	s.openConsent.Importance = widget.HighImportance
	s.openPortal = widget.NewButtonWithIcon("Open the app's API permissions page", theme.ComputerIcon(), s.onOpenPortal)
	s.intro = wrappedLabel("")
	s.who = markdown("")
	return s
}

func (s *consentStep) view() fyne.CanvasObject {
	return container.NewVBox(
		s.intro,
		container.NewHBox(s.openConsent, s.openPortal),
		markdown("If someone else is the administrator, send them this link; it shows them exactly "+
			"what they approve:"),
		s.link.view,
		s.who,
		markdown(`**What does "Need admin approval" mean?** That page appears when the account signing in is not allowed to `+
			`approve these permissions. Sign in with an administrator's account instead, or send the link above `+
			`to one. Your organization may also let you send a request that an administrator approves later.

After approving, the browser goes to http://localhost, which may show "This site can't be reached". `+
			`That is expected: come back here and press Next to test the connection.`),
	)
}

func (s *consentStep) shown() {
	text := "The program's permissions take effect only once an administrator approves them for the whole " +
		"organization: this is admin consent. You do it once per app."
	if s.v.wz.State.Method == keystore.MethodBrowser {
		text += " With browser sign-in, an administrator can also approve when signing in on the next page " +
			"(the box \"Consent on behalf of your organization\")."
	}
	if s.v.deps.Demo != nil {
		text += "\n\nIn the demo tenant the consent page is the simulation's own, on this computer: sign in there " +
			"as its administrator and accept. The test on the next page shows whether the permissions are approved."
	}
	s.intro.SetText(text)
	s.who.ParseMarkdown(whoMayApprove(s.v.wz.State.Method))
	s.link.setURL(s.url())
}

// approvers names the roles that may grant admin consent for the
// permissions a method asks for. Microsoft's "Grant tenant-wide admin
// consent to an application" lists Application and Cloud Application
// Administrators for any permission except Microsoft Graph app roles
// (application permissions), which need a Privileged Role Administrator
// (or a Global Administrator, who may do anything). Browser sign-in asks
// for delegated permissions only; a secret asks for app roles.
func approvers(m string) string {
	if m == keystore.MethodBrowser {
		return "an Application Administrator, Cloud Application Administrator, Privileged Role Administrator or Global Administrator"
	}
	return "a Privileged Role Administrator or Global Administrator"
}

// whoMayApprove answers the consent page's "Who may grant it?".
func whoMayApprove(m string) string {
	why := "With an app secret the program asks for application permissions on Microsoft Graph, which an " +
		"Application Administrator or Cloud Application Administrator can register but cannot approve."
	if m == keystore.MethodBrowser {
		why = "With browser sign-in the program asks only for delegated permissions, which all of these roles may approve."
	}
	who := approvers(m)
	return "**Who may grant it?** " + strings.ToUpper(who[:1]) + who[1:] + ". " + why
}

// endpoints are the chosen cloud's, or the global cloud's while the
// choice is invalid.
func (s *consentStep) endpoints() oauth.Endpoints {
	ep, err := s.v.wz.Endpoints()
	if err != nil {
		ep, _ = connection.Resolve(oauth.CloudGlobal, "", "", nil)
	}
	return ep
}

func (s *consentStep) url() string {
	st := s.v.wz.State
	return oauth.AdminConsentURL(s.endpoints(), strings.TrimSpace(st.Tenant), strings.TrimSpace(st.ClientID), redirectURI)
}

func (s *consentStep) onOpenConsent() { s.v.openURL(s.url()) }

func (s *consentStep) onOpenPortal() {
	links := oauth.PortalLinks(s.endpoints(), strings.TrimSpace(s.v.wz.State.ClientID))
	s.v.openURL(links.APIPermissions)
}

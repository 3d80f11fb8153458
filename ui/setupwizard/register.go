package setupwizard

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/entra-wizard/entra-wizard/connection"
	"github.com/entra-wizard/entra-wizard/keystore"
	"github.com/entra-wizard/entra-wizard/oauth"
)

// Values the admin pastes into the portal while registering the app.
const (
	appName     = "Entra Setup Wizard"
	redirectURI = "http://localhost"
)

// registerStep walks through registering the app in the Entra admin
// center. What to click depends on the method: a Web redirect and a secret,
// or a Mobile and desktop redirect and delegated permissions.
type registerStep struct {
	v *Wizard

	openPortal   *widget.Button
	copyName     *widget.Button
	copyRedirect *widget.Button
	box          *fyne.Container
}

func newRegisterStep(v *Wizard) *registerStep {
	s := &registerStep{v: v, box: container.NewVBox()}
	s.openPortal = widget.NewButtonWithIcon("Open \"New registration\" in the Entra admin center",
		theme.ComputerIcon(), s.onOpenPortal)
	return s
}

func (s *registerStep) view() fyne.CanvasObject { return s.box }

func (s *registerStep) shown() {
	method := s.v.wz.State.Method
	browser := method == keystore.MethodBrowser
	nameRow, copyName := copyRow("Name:", appName, s.v.copyText)
	redirectRow, copyRedirect := copyRow("Redirect URI:", redirectURI, s.v.copyText)
	s.copyName, s.copyRedirect = copyName, copyRedirect

	platform := "**Web**"
	if browser {
		platform = "**Public client/native (mobile & desktop)**"
	}
	var items []fyne.CanvasObject
	if s.v.deps.Demo != nil {
		items = append(items, demoNotice(), wrappedLabel(
			"The demo tenant already has this app registered, with its permissions granted. "+
				"Read the steps to see how it works in a real tenant, then press Next."))
	}
	items = append(items,
		markdown("If you already have an app registration for this program, press Next.\n\n"+
			"**1.** Sign in to the Entra admin center and open **App registrations > New registration**:"),
		s.openPortal,
		markdown("**2.** Give the app a name people will recognize:"), nameRow,
		markdown("**3.** Under **Supported account types**, keep **Accounts in this organizational "+
			"directory only (Single tenant)**. Single tenant means only your organization can use the app, "+
			"which is what you want. Multitenant is for apps that other organizations sign in to.\n\n"+
			"**4.** Under **Redirect URI**, choose the platform "+platform+" and paste:"), redirectRow,
		markdown(registerRest(method)),
	)
	s.box.Objects = items
	s.box.Refresh()
}

// registerRest is the rest of the portal steps, after the redirect.
func registerRest(m string) string {
	steps := "**5.** Press **Register**. The app's **Overview** page opens: it shows the " +
		"**Application (client) ID** and the **Directory (tenant) ID** you will paste on the next page.\n\n"
	switch m {
	case keystore.MethodBrowser:
		steps += "**6.** Open **API permissions > Add a permission > Microsoft Graph > Delegated permissions** " +
			"and add the permissions below. The program then acts as you: it can never do more than " +
			"your own admin role allows.\n\n"
	case keystore.MethodCertificate:
		steps += "**6.** The next page makes the app's certificate and saves its public part as a file, which you " +
			"upload under **Certificates & secrets > Certificates > Upload certificate**.\n\n" + appPermissionsStep
	default:
		steps += "**6.** Open **Certificates & secrets > Client secrets > New client secret**, give it a " +
			"description and an expiry, and press **Add**. Copy the **Value** column at once: the portal " +
			"shows it only now. Do not copy the **Secret ID** next to it; it looks similar but cannot sign in.\n\n" +
			appPermissionsStep
	}
	return steps + permissionList
}

// appPermissionsStep is the portal step that adds an app-only
// connection's permissions.
const appPermissionsStep = "**7.** Open **API permissions > Add a permission > Microsoft Graph > Application permissions** " +
	"and add the permissions below. Remove **User.Read** (delegated) if you like; it is not needed.\n\n"

// permissionList names the Graph permissions and the least each
// feature needs.
const permissionList = `**Permissions to add** (add only what you need; features without their permission are simply turned off):

- **User.Read.All**: find and read users. Enough for look-ups.
- **User.ReadWrite.All**: create, edit and delete users. Skip it for a read-only setup.
- **User.EnableDisableAccount.All**: turn sign-in on or off for a user, without other write access.
- **Group.Read.All**: find and read groups.
- **Group.ReadWrite.All**: create, edit and delete groups.
- **GroupMember.ReadWrite.All**: add and remove members (**GroupMember.Read.All** to only list them).
- **LicenseAssignment.ReadWrite.All**: assign and remove licenses.
- **User-PasswordProfile.ReadWrite.All**: reset a user's password.
- **User.RevokeSessions.All**: sign a user out everywhere.
- **Organization.Read.All**: show your organization's name and the licenses it has bought.`

func (s *registerStep) onOpenPortal() {
	ep, err := s.v.wz.Endpoints()
	if err != nil {
		ep, _ = connection.Resolve(oauth.CloudGlobal, "", "", nil)
	}
	s.v.openURL(oauth.PortalLinks(ep, "").RegisterApp)
}

package ldap

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/entra-wizard/entra-wizard/ldapconn"
	"github.com/entra-wizard/entra-wizard/ui/kit"
)

// Portal pages the guide opens.
const (
	domainServicesURL = "https://portal.azure.com/#browse/Microsoft.AAD%2FDomainServices"
	createDomainURL   = "https://portal.azure.com/#create/Microsoft.AAD-DomainServices"
	securityGroupsURL = "https://portal.azure.com/#browse/Microsoft.Network%2FNetworkSecurityGroups"
	tutorialURL       = "https://learn.microsoft.com/entra/identity/domain-services/tutorial-configure-ldaps"
)

// guideStep is one step of the portal guide.
type guideStep struct {
	title string
	text  func(domain string) string
	// links open portal pages; copies copy values to paste.
	links  []guideLink
	copies func(domain string) []guideCopy
}

type guideLink struct{ label, url string }

type guideCopy struct{ label, value string }

// guideSteps say, in order, what to do in the portal. domain is the managed
// domain's name as far as the fields tell it.
var guideSteps = []guideStep{
	{
		title: "1. Create or pick the managed domain",
		text: func(string) string {
			return "Secure LDAP comes from a Microsoft Entra Domain Services managed domain; Entra ID alone has no LDAP. " +
				"Open Domain Services and pick your managed domain, or create one (it takes about an hour). " +
				"Type its DNS domain name, such as aaddscontoso.com, below: the other steps and fields follow it."
		},
		links: []guideLink{{"Open Domain Services", domainServicesURL}, {"Create a managed domain", createDomainURL}},
	},
	{
		title: "2. Make the certificate",
		text: func(domain string) string {
			return fmt.Sprintf("Secure LDAP encrypts with a certificate whose subject is a wildcard of the managed domain: *.%s. "+
				"A certificate from a public or company authority is trusted by this computer as it is; a self-signed one works too, "+
				"and you will trust its fingerprint in the test below. On a Windows computer, this PowerShell command makes one valid "+
				"for a year; then export it with its private key as a .pfx file protected by a password.", domain)
		},
		copies: func(domain string) []guideCopy {
			return []guideCopy{{"PowerShell", fmt.Sprintf(`New-SelfSignedCertificate -Subject "*.%[1]s" -DnsName "*.%[1]s" `+
				`-KeyUsage DigitalSignature, KeyEncipherment -Type SSLServerAuthentication -NotAfter (Get-Date).AddYears(1) `+
				`-CertStoreLocation cert:\LocalMachine\My`, domain)}}
		},
	},
	{
		title: "3. Turn on secure LDAP and upload the certificate",
		text: func(string) string {
			return "In the managed domain, open Secure LDAP. Turn on Secure LDAP and Allow secure LDAP access over the internet, " +
				"choose the .pfx file, type its password and save. It takes a few minutes; then the Properties page shows " +
				"the Secure LDAP external IP address."
		},
		links: []guideLink{{"Open Domain Services", domainServicesURL}},
	},
	{
		title: "4. Let only this computer reach port 636",
		text: func(string) string {
			return "Open the network security group of the managed domain's virtual network and add an inbound rule: " +
				"source IP addresses = this computer's public IP address (search the web for \"what is my IP\"), " +
				"destination port 636, protocol TCP, action Allow. Not from Any: the whole internet could then try passwords " +
				"against your directory, one account after another. Add other addresses later, one by one, as they need it."
		},
		links:  []guideLink{{"Open network security groups", securityGroupsURL}},
		copies: func(string) []guideCopy { return []guideCopy{{"Port", "636"}, {"Rule name", "AllowLDAPS"}} },
	},
	{
		title: "5. Give the address a name",
		text: func(domain string) string {
			return fmt.Sprintf("The certificate covers names under %[1]s, not the IP address. In your DNS, create an A record "+
				"ldaps.%[1]s pointing to the Secure LDAP external IP address, and type that name as the server below. "+
				"(For a quick try from one computer, a line in its hosts file does the same.)", domain)
		},
		copies: func(domain string) []guideCopy { return []guideCopy{{"DNS name", "ldaps." + domain}} },
	},
	{
		title: "6. Choose the account that signs in",
		text: func(domain string) string {
			return fmt.Sprintf("Bind with a user of the managed domain, by its user principal name (user@%[1]s) or its "+
				"distinguished name (users and groups from Entra ID are in OU=AADDC Users, computers in OU=AADDC Computers). "+
				"Its password must have reached the managed domain: a cloud-only user must change the password once after "+
				"Domain Services was turned on; a user synced from on-premises needs password hash synchronization. "+
				"A plain user can read the directory; nothing here changes it.", domain)
		},
		copies: func(domain string) []guideCopy {
			return []guideCopy{{"Users OU", "OU=AADDC Users," + ldapconn.SuggestBaseDN(domain)}}
		},
	},
}

// guide shows the steps one at a time, with Previous and Next step, and
// says which step shows, as the manual wizard does. Its views are rebuilt
// when the domain changes.
type guide struct {
	deps Deps
	// domainField is step 1's field for the managed domain.
	domainField fyne.CanvasObject
	domain      string
	current     int
	title       *widget.Label
	position    *widget.Label
	body        *fyne.Container
	prev, next  *kit.Button
	view        fyne.CanvasObject
	// copyButtons and linkButtons are keyed by step and label, for tests.
	copyButtons map[string]*widget.Button
	linkButtons map[string]*widget.Button
}

func newGuide(deps Deps, domainField fyne.CanvasObject) *guide {
	g := &guide{deps: deps, domainField: domainField, body: container.NewStack(), position: widget.NewLabel("")}
	g.title = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	g.prev = kit.NewButtonWithIcon("Previous step", theme.NavigateBackIcon(), func() { g.show(g.current - 1) })
	g.next = kit.NewButtonWithIcon("Next step", theme.NavigateNextIcon(), func() { g.show(g.current + 1) })
	g.next.IconPlacement = widget.ButtonIconTrailingText
	g.view = container.NewVBox(g.title, g.body, container.NewHBox(g.prev, g.next))
	g.setDomain("")
	return g
}

// show displays step i (from 0) and says where it is among the steps.
func (g *guide) show(i int) {
	if i < 0 || i >= len(guideSteps) {
		return
	}
	g.current = i
	for n, o := range g.body.Objects {
		if n == i {
			o.Show()
		} else {
			o.Hide()
		}
	}
	g.title.SetText(guideSteps[i].title)
	g.position.SetText(fmt.Sprintf("Step %d of %d", i+1, len(guideSteps)))
	setEnabled(g.prev, i > 0)
	setEnabled(g.next, i < len(guideSteps)-1)
	g.body.Refresh()
}

func setEnabled(b *kit.Button, on bool) {
	if on {
		b.Enable()
	} else {
		b.Disable()
	}
}

// setDomain fills the managed domain's name into the steps.
func (g *guide) setDomain(domain string) {
	if domain == "" {
		domain = "aaddscontoso.com"
	}
	if domain == g.domain {
		return
	}
	g.domain = domain
	g.copyButtons, g.linkButtons = map[string]*widget.Button{}, map[string]*widget.Button{}
	var views []fyne.CanvasObject
	for i, st := range guideSteps {
		v := g.stepView(st)
		if i == 0 && g.domainField != nil {
			v.Add(g.domainField)
		}
		views = append(views, v)
	}
	g.body.Objects = views
	g.show(g.current)
}

func (g *guide) stepView(st guideStep) *fyne.Container {
	text := widget.NewLabel(st.text(g.domain))
	text.Wrapping = fyne.TextWrapWord
	box := container.NewVBox(text)
	for _, l := range st.links {
		url := l.url
		b := widget.NewButtonWithIcon(l.label, theme.ComputerIcon(), func() { g.deps.open(url) })
		g.linkButtons[st.title[:2]+l.label] = b
		box.Add(container.NewHBox(b))
	}
	if st.copies != nil {
		for _, c := range st.copies(g.domain) {
			value := c.value
			b := widget.NewButtonWithIcon("Copy", theme.ContentCopyIcon(), func() { g.deps.copy(value) })
			g.copyButtons[st.title[:2]+c.label] = b
			v := widget.NewLabelWithStyle(value, fyne.TextAlignLeading, fyne.TextStyle{Monospace: true})
			v.Wrapping = fyne.TextWrapBreak
			box.Add(container.NewBorder(nil, nil, widget.NewLabel(c.label), b, v))
		}
	}
	return box
}

package oauth

import (
	"net/url"
	"strings"
)

// AdminConsentURL is the page where an admin grants, for the whole tenant,
// every Graph permission the app's registration lists (the .default scope).
// redirectURI must be one registered on the app: Microsoft requires it
// (without one the page ends in an error), and sends the admin back there
// with admin_consent=True.
func AdminConsentURL(e Endpoints, tenant, clientID, redirectURI string) string {
	if tenant == "" {
		tenant = "organizations"
	}
	q := url.Values{}
	q.Set("client_id", clientID)
	q.Set("scope", e.GraphScope())
	if redirectURI != "" {
		q.Set("redirect_uri", redirectURI)
	}
	return e.Authority + "/" + url.PathEscape(tenant) + "/v2.0/adminconsent?" + q.Encode()
}

// Links are pages of the admin portal an admin needs while setting up an
// app. Those about one app are "" when no client ID is known.
type Links struct {
	RegisterApp      string
	AppRegistrations string
	Overview         string
	APIPermissions   string
	Certificates     string
	Authentication   string
	EnterpriseApps   string
}

// PortalLinks returns the portal pages for the endpoints' cloud and the app
// with the given client ID.
func PortalLinks(e Endpoints, clientID string) Links {
	portal := e.Portal
	if portal == "" {
		global, _ := CloudByName(CloudGlobal)
		portal = global.PortalURL
	}
	base := strings.TrimRight(portal, "/") + "/#view/"
	l := Links{
		RegisterApp:      base + "Microsoft_AAD_RegisteredApps/CreateApplicationBlade/isMSAApp~/false",
		AppRegistrations: base + "Microsoft_AAD_RegisteredApps/ApplicationsListBlade",
		EnterpriseApps:   base + "Microsoft_AAD_IAM/StartboardApplicationsMenuBlade/~/AppAppsPreview",
	}
	if clientID == "" {
		return l
	}
	app := func(page string) string {
		return base + "Microsoft_AAD_RegisteredApps/ApplicationMenuBlade/~/" + page +
			"/appId/" + url.PathEscape(clientID) + "/isMSAApp~/false"
	}
	l.Overview = app("Overview")
	l.APIPermissions = app("CallAnAPI")
	l.Certificates = app("Credentials")
	l.Authentication = app("Authentication")
	return l
}

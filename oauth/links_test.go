package oauth

import (
	"net/url"
	"strings"
	"testing"
)

func TestAdminConsentURL(t *testing.T) {
	e, _ := EndpointsFor("global")
	raw := AdminConsentURL(e, "contoso.onmicrosoft.com", "11111111-2222-3333-4444-555555555555", "http://localhost")
	u, err := url.Parse(raw)
	if err != nil {
		t.Fatal(err)
	}
	if u.Scheme != "https" || u.Host != "login.microsoftonline.com" || u.Path != "/contoso.onmicrosoft.com/v2.0/adminconsent" {
		t.Errorf("AdminConsentURL = %q", raw)
	}
	q := u.Query()
	if q.Get("client_id") != "11111111-2222-3333-4444-555555555555" ||
		q.Get("scope") != "https://graph.microsoft.com/.default" ||
		q.Get("redirect_uri") != "http://localhost" {
		t.Errorf("AdminConsentURL query = %v", q)
	}
}

func TestAdminConsentURLNationalCloud(t *testing.T) {
	e, _ := EndpointsFor("china")
	u, _ := url.Parse(AdminConsentURL(e, "", "c", ""))
	if u.Host != "login.partner.microsoftonline.cn" || !strings.HasPrefix(u.Path, "/organizations/") {
		t.Errorf("AdminConsentURL = %v", u)
	}
	if got := u.Query().Get("scope"); got != "https://microsoftgraph.chinacloudapi.cn/.default" {
		t.Errorf("scope = %q", got)
	}
	if u.Query().Has("redirect_uri") {
		t.Error("an empty redirect URI was sent")
	}
}

func TestPortalLinks(t *testing.T) {
	const id = "11111111-2222-3333-4444-555555555555"
	global, _ := EndpointsFor("global")
	l := PortalLinks(global, id)
	want := map[string]string{
		l.Overview:       "https://entra.microsoft.com/#view/Microsoft_AAD_RegisteredApps/ApplicationMenuBlade/~/Overview/appId/" + id + "/isMSAApp~/false",
		l.APIPermissions: "https://entra.microsoft.com/#view/Microsoft_AAD_RegisteredApps/ApplicationMenuBlade/~/CallAnAPI/appId/" + id + "/isMSAApp~/false",
		l.Certificates:   "https://entra.microsoft.com/#view/Microsoft_AAD_RegisteredApps/ApplicationMenuBlade/~/Credentials/appId/" + id + "/isMSAApp~/false",
		l.Authentication: "https://entra.microsoft.com/#view/Microsoft_AAD_RegisteredApps/ApplicationMenuBlade/~/Authentication/appId/" + id + "/isMSAApp~/false",
	}
	for got, w := range want {
		if got != w {
			t.Errorf("link %q, want %q", got, w)
		}
	}
	if !strings.HasPrefix(l.RegisterApp, "https://entra.microsoft.com/#view/Microsoft_AAD_RegisteredApps/CreateApplicationBlade") {
		t.Errorf("RegisterApp = %q", l.RegisterApp)
	}

	gov, _ := EndpointsFor("usgov-dod")
	for _, link := range []string{PortalLinks(gov, id).Overview, PortalLinks(gov, id).EnterpriseApps, PortalLinks(gov, "").AppRegistrations} {
		if !strings.HasPrefix(link, "https://portal.azure.us/#view/") {
			t.Errorf("US Government link %q is not on portal.azure.us", link)
		}
	}
	if none := PortalLinks(global, ""); none.Overview != "" || none.APIPermissions != "" || none.RegisterApp == "" {
		t.Errorf("links without a client ID = %+v", none)
	}
}

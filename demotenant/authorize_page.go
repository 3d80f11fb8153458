package demotenant

import (
	"io"
	"net/http"
)

// pageData is what the sign-in page shows; Page picks its section.
type pageData struct {
	Page     string // signin, consent, approval, error, signedout
	Org      string
	Action   string // where the page's form posts
	Flow     string
	AppName  string
	Username string // what the person typed, kept after a mistake
	Problem  string // an Entra error description to show
	Accounts []SignInUser
	Account  string // the signed-in account
	Admin    bool
	AppPerms []permissionLine // application permissions (admin consent)
	Scopes   []permissionLine // delegated permissions
	OrgBox   bool             // offer consent on behalf of the organization
	Code     int
}

// permissionLine is one permission on the consent page.
type permissionLine struct {
	Name, Title string
}

// showSignIn renders the account and password page.
func (s *Server) showSignIn(w http.ResponseWriter, r *http.Request, flow *signInFlow, username, problem string) {
	p := s.basePage(r, flow, "signin")
	if username == "" {
		username = flow.LoginHint
	}
	p.Username, p.Problem = username, problem
	s.mu.Lock()
	p.Accounts = s.dir.signInUsers()
	s.mu.Unlock()
	renderPage(w, http.StatusOK, p)
}

// showConsent renders the permissions the signed-in user is asked to allow.
func (s *Server) showConsent(w http.ResponseWriter, r *http.Request, flow *signInFlow) {
	p := s.basePage(r, flow, "consent")
	s.mu.Lock()
	a, u := s.dir.apps[flow.AppID], s.dir.account(flow.UserID)
	p.Account, p.Admin = u.UserPrincipalName, u.Admin
	scopes := consentScopes(flow.Grant)
	if flow.Kind == flowAdminConsent {
		scopes = adminConsentScopes(a, flow.Grant)
		for _, role := range consentRoles(a) {
			p.AppPerms = append(p.AppPerms, permissionLine{role, permissionTitles[role]})
		}
	} else if missing := s.missingConsent(a, u, scopes); len(missing) > 0 {
		scopes = missing
	}
	s.mu.Unlock()
	for _, sc := range scopes {
		title, ok := permissionTitles[sc]
		if !ok {
			title = oidcTitles[sc]
		}
		p.Scopes = append(p.Scopes, permissionLine{sc, title})
	}
	p.OrgBox = p.Admin && flow.Kind == flowAuthorize
	renderPage(w, http.StatusOK, p)
}

// showApprovalNeeded tells a user that only an administrator may allow
// what the app asks.
func (s *Server) showApprovalNeeded(w http.ResponseWriter, r *http.Request, flow *signInFlow) {
	p := s.basePage(r, flow, "approval")
	p.Problem = s.errorBody(r, errAdminApprovalRequired()).ErrorDescription
	renderPage(w, http.StatusOK, p)
}

// errorPage shows an error that cannot be sent back to the app.
func (s *Server) errorPage(w http.ResponseWriter, r *http.Request, e entraError) {
	p := pageData{Page: "error", Org: s.orgName(), Code: e.Code, Problem: s.errorBody(r, e).ErrorDescription}
	renderPage(w, e.Status, p)
}

func (s *Server) basePage(r *http.Request, flow *signInFlow, page string) pageData {
	s.mu.Lock()
	defer s.mu.Unlock()
	return pageData{
		Page: page, Org: s.dir.orgName, Action: r.URL.Path, Flow: flow.ID,
		AppName: s.dir.apps[flow.AppID].DisplayName,
	}
}

func (s *Server) orgName() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.dir.orgName
}

func renderPage(w http.ResponseWriter, status int, p pageData) {
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.Header().Set("X-Frame-Options", "DENY")
	w.WriteHeader(status)
	_, _ = io.WriteString(w, signInPageHTML(p))
}

// permissionTitles are the consent page's words for Graph permissions.
var permissionTitles = map[string]string{
	"User.Read":                              "Sign you in and read your profile",
	"User.Read.All":                          "Read all users' full profiles",
	"User.ReadWrite.All":                     "Read and write all users' full profiles",
	"User.EnableDisableAccount.All":          "Enable and disable user accounts",
	"User.DeleteRestore.All":                 "Delete and restore all users",
	"Group.Read.All":                         "Read all groups",
	"Group.ReadWrite.All":                    "Read and write all groups",
	"GroupMember.Read.All":                   "Read group memberships",
	"GroupMember.ReadWrite.All":              "Read and write group memberships",
	"LicenseAssignment.ReadWrite.All":        "Manage all license assignments",
	"Organization.Read.All":                  "Read organization information",
	"Directory.Read.All":                     "Read directory data",
	"Directory.ReadWrite.All":                "Read and write directory data",
	"Application.ReadWrite.All":              "Read and write all applications",
	"AppRoleAssignment.ReadWrite.All":        "Manage app permission grants and app role assignments",
	"DelegatedPermissionGrant.ReadWrite.All": "Manage all delegated permission grants",
}

var oidcTitles = map[string]string{
	"openid":         "Sign users in",
	"profile":        "View your basic profile",
	"email":          "View your email address",
	"offline_access": "Maintain access to data you have given it access to",
}

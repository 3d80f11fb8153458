package demotenant

import (
	"net/http"
	"slices"

	"github.com/entra-wizard/entra-wizard/demotenant/odata"
)

var applicationKind = &odata.Kind{
	Name:      "Application",
	ODataType: "#microsoft.graph.application",
	Defaults: []string{"id", "deletedDateTime", "appId", "createdDateTime", "displayName", "isFallbackPublicClient",
		"signInAudience", "publicClient", "web", "requiredResourceAccess", "passwordCredentials", "keyCredentials"},
	Filterable: []string{"id", "appId", "displayName"},
	Searchable: []string{"displayName"},
	Sortable:   []string{"displayName"},
}

func init() { applicationKind.Properties = applicationKind.Defaults }

func (a *app) Kind() *odata.Kind { return applicationKind }
func (a *app) ObjectID() string  { return a.ID }

func (a *app) Property(name string) any {
	switch name {
	case "id":
		return a.ID
	case "appId":
		return a.AppID
	case "displayName":
		return a.DisplayName
	case "createdDateTime":
		return a.Created
	case "isFallbackPublicClient":
		return a.FallbackPublicClient
	case "signInAudience":
		return a.SignInAudience
	case "publicClient", "web":
		uris := []string{}
		if a.PublicClient == (name == "publicClient") {
			uris = append(uris, a.RedirectURIs...)
		}
		return odata.Object{{"redirectUris", uris}}
	case "requiredResourceAccess":
		return requiredAccessJSON(a.Required)
	case "passwordCredentials":
		out := []odata.Object{}
		for _, sec := range a.Secrets {
			out = append(out, passwordJSON(sec, false))
		}
		return out
	case "keyCredentials":
		out := []odata.Object{}
		for _, k := range a.Keys {
			out = append(out, keyJSON(k))
		}
		return out
	}
	return nil
}

// requiredAccessJSON renders an app's Graph permissions as Graph's
// requiredResourceAccess: one entry for Microsoft Graph, ids by type.
func requiredAccessJSON(required []requiredPermission) []odata.Object {
	if len(required) == 0 {
		return []odata.Object{}
	}
	access := []odata.Object{}
	for _, r := range required {
		p, _ := permissionByName(r.Name)
		id, typ := p.ScopeID, "Scope"
		if r.Role {
			id, typ = p.RoleID, "Role"
		}
		access = append(access, odata.Object{{"id", id}, {"type", typ}})
	}
	return []odata.Object{{{"resourceAppId", graphAppID}, {"resourceAccess", access}}}
}

func (s *Server) listApplications(c *graphCall) error {
	if err := c.allowSetup(readApplications); err != nil {
		return err
	}
	q, err := odata.ParseList(c.r, applicationKind)
	if err != nil {
		return err
	}
	items := make([]odata.Entity, 0, len(s.dir.apps))
	for _, a := range s.dir.apps {
		if a.AppID != graphCLIAppID { // a first-party app lives in Microsoft's tenant
			items = append(items, a)
		}
	}
	return c.writeList(items, q, "applications", false)
}

func (s *Server) getApplication(c *graphCall) error {
	a, err := c.pathApplication()
	if err != nil {
		return err
	}
	if err := c.allowRead(a); err != nil {
		return err
	}
	return c.writeEntity(a, applicationKind, "applications")
}

// pathApplication finds the application the {id} path segment names by
// object id.
func (c *graphCall) pathApplication() (*app, error) {
	id := c.r.PathValue("id")
	for _, a := range c.s.dir.apps {
		if a.ID == id && a.AppID != graphCLIAppID {
			return a, nil
		}
	}
	return nil, errNotFound(id)
}

func (s *Server) createApplication(c *graphCall) error {
	if err := c.allowSetup(registerApplications); err != nil {
		return err
	}
	var in applicationInput
	if err := c.decodeBody(&in); err != nil {
		return err
	}
	a, err := in.app()
	if err != nil {
		return err
	}
	a.Created = s.graphNow()
	if a.Keys, err = s.keyCredentials(in.KeyCredentials); err != nil {
		return err
	}
	if err := s.checkKeyPolicy(a, a.Keys); err != nil {
		return err
	}
	a.ID = s.dir.newObjectID()
	a.AppID = stableGUID("new app: " + a.ID)
	if c.p.Delegated() {
		a.Owners = []string{c.p.UserID}
	}
	s.dir.apps[a.AppID] = a
	out := append(odata.Object{{"@odata.context", c.contextURL("applications/$entity")}}, odata.Render(a, nil, false)...)
	return c.writeJSON(http.StatusCreated, out)
}

// deleteApplication deletes an app registration and, as Entra does, its
// service principal in this tenant with what was granted to it.
func (s *Server) deleteApplication(c *graphCall) error {
	a, err := c.ownedApplication()
	if err != nil {
		return err
	}
	if sp := s.dir.principalOf(a.AppID); sp != nil {
		delete(s.dir.principals, sp.ID)
	}
	delete(s.dir.apps, a.AppID)
	return c.noContent()
}

// applicationInput is the body of POST /applications, as far as the demo
// tenant reads it.
type applicationInput struct {
	DisplayName            *string               `json:"displayName"`
	SignInAudience         string                `json:"signInAudience"`
	RequiredResourceAccess []resourceAccessInput `json:"requiredResourceAccess"`
	PublicClient           *redirectsInput       `json:"publicClient"`
	IsFallbackPublicClient bool                  `json:"isFallbackPublicClient"`
	Web                    *redirectsInput       `json:"web"`
	KeyCredentials         []keyCredentialInput  `json:"keyCredentials"`
}

type resourceAccessInput struct {
	ResourceAppID  string `json:"resourceAppId"`
	ResourceAccess []struct {
		ID   string `json:"id"`
		Type string `json:"type"`
	} `json:"resourceAccess"`
}

type redirectsInput struct {
	RedirectURIs []string `json:"redirectUris"`
}

// app checks the input and builds the registration it describes.
func (in applicationInput) app() (*app, error) {
	if in.DisplayName == nil || *in.DisplayName == "" {
		return nil, errInvalidProperty("displayName", "Application")
	}
	a := &app{DisplayName: *in.DisplayName, SignInAudience: in.SignInAudience, FallbackPublicClient: in.IsFallbackPublicClient}
	switch a.SignInAudience {
	case "":
		a.SignInAudience = audienceMyOrg
	case audienceMyOrg, audienceMultiOrgs:
	default:
		return nil, errInvalidProperty("signInAudience", "Application")
	}
	if in.PublicClient != nil && len(in.PublicClient.RedirectURIs) > 0 {
		a.PublicClient, a.RedirectURIs = true, slices.Clone(in.PublicClient.RedirectURIs)
	} else if in.Web != nil {
		a.RedirectURIs = slices.Clone(in.Web.RedirectURIs)
	}
	for _, rra := range in.RequiredResourceAccess {
		if rra.ResourceAppID != graphAppID {
			return nil, errInvalidProperty("requiredResourceAccess", "Application")
		}
		for _, ra := range rra.ResourceAccess {
			p, ok := permissionByAccessID(ra.ID, ra.Type)
			if !ok {
				return nil, errInvalidProperty("requiredResourceAccess", "Application")
			}
			a.Required = append(a.Required, requiredPermission{Name: p.Name, Role: ra.Type == "Role"})
		}
	}
	return a, nil
}

// permissionByAccessID finds a Graph permission by the id of its app role
// (typ "Role") or of its delegated scope (typ "Scope").
func permissionByAccessID(id, typ string) (permission, bool) {
	for _, p := range graphPermissions {
		if (typ == "Role" && p.RoleID != "" && p.RoleID == id) || (typ == "Scope" && p.ScopeID == id) {
			return p, true
		}
	}
	return permission{}, false
}

package demotenant

import (
	"net/http"
	"strings"

	"github.com/entra-wizard/entra-wizard/demotenant/odata"
)

func (s *Server) getOrganization(c *graphCall) error {
	if err := c.allow(readOrganization); err != nil {
		return err
	}
	d := s.dir
	domains := make([]odata.Object, 0, len(d.domains))
	for i, name := range d.domains {
		domains = append(domains, odata.Object{
			{"capabilities", "Email, OfficeCommunicationsOnline"},
			{"isDefault", i == 0},
			{"isInitial", strings.HasSuffix(name, ".onmicrosoft.com")},
			{"name", name},
			{"type", "Managed"},
		})
	}
	org := odata.Object{
		{"id", d.tenantID},
		{"deletedDateTime", nil},
		{"businessPhones", []string{"+1 425 555 0100"}},
		{"city", "Seattle"},
		{"country", "United States"},
		{"countryLetterCode", "US"},
		{"createdDateTime", odata.Value(d.createdAt)},
		{"displayName", d.orgName},
		{"preferredLanguage", "en"},
		{"tenantType", "AAD"},
		{"technicalNotificationMails", []string{"admin@" + d.tenantDomain}},
		{"assignedPlans", []any{}},
		{"provisionedPlans", []any{}},
		{"verifiedDomains", domains},
	}
	return c.writeJSON(http.StatusOK, odata.Object{{"@odata.context", c.contextURL("organization")}, {"value", []odata.Object{org}}})
}

var servicePrincipalKind = &odata.Kind{
	Name:      "ServicePrincipal",
	ODataType: "#microsoft.graph.servicePrincipal",
	Defaults: []string{"id", "accountEnabled", "appDisplayName", "appId", "appOwnerOrganizationId", "appRoles",
		"displayName", "oauth2PermissionScopes", "servicePrincipalNames", "servicePrincipalType", "signInAudience", "tags"},
	Filterable: []string{"id", "appId", "displayName", "servicePrincipalType"},
	Searchable: []string{"displayName"},
	Sortable:   []string{"displayName"},
}

func init() { servicePrincipalKind.Properties = servicePrincipalKind.Defaults }

func (sp *servicePrincipal) Kind() *odata.Kind { return servicePrincipalKind }
func (sp *servicePrincipal) ObjectID() string  { return sp.ID }

func (sp *servicePrincipal) Property(name string) any {
	switch name {
	case "id":
		return sp.ID
	case "accountEnabled":
		return true
	case "appDisplayName", "displayName":
		return sp.DisplayName
	case "appId":
		return sp.AppID
	case "servicePrincipalNames":
		return []string{sp.AppID}
	case "servicePrincipalType":
		return "Application"
	case "signInAudience":
		return "AzureADMyOrg"
	case "tags":
		return []string{}
	case "appRoles", "oauth2PermissionScopes":
		if sp.AppID != graphAppID {
			return []odata.Object{}
		}
		return graphPermissionsJSON(name == "appRoles")
	}
	return nil
}

// graphPermissionsJSON lists Microsoft Graph's permissions as its service
// principal publishes them: app roles, or delegated permission scopes.
func graphPermissionsJSON(roles bool) []odata.Object {
	out := []odata.Object{}
	for _, p := range graphPermissions {
		if roles && p.RoleID != "" {
			out = append(out, odata.Object{
				{"allowedMemberTypes", []string{"Application"}}, {"description", "Allows the app to use " + p.Name + " without a signed-in user."},
				{"displayName", p.Name}, {"id", p.RoleID}, {"isEnabled", true}, {"origin", "Application"}, {"value", p.Name},
			})
		}
		if !roles && p.ScopeID != "" {
			consent := "User"
			if p.AdminOnly {
				consent = "Admin"
			}
			out = append(out, odata.Object{
				{"adminConsentDescription", "Allows the app to use " + p.Name + " for the signed-in user."},
				{"adminConsentDisplayName", p.Name}, {"id", p.ScopeID}, {"isEnabled", true}, {"type", consent}, {"value", p.Name},
			})
		}
	}
	return out
}

func (s *Server) listServicePrincipals(c *graphCall) error {
	if err := c.allow(readApps); err != nil {
		return err
	}
	q, err := odata.ParseList(c.r, servicePrincipalKind)
	if err != nil {
		return err
	}
	items := make([]odata.Entity, 0, len(s.dir.principals))
	for _, sp := range s.dir.principals {
		items = append(items, sp)
	}
	return c.writeList(items, q, "servicePrincipals", false)
}

func (s *Server) getServicePrincipal(c *graphCall) error {
	if err := c.allow(readApps); err != nil {
		return err
	}
	sp, err := c.pathServicePrincipal()
	if err != nil {
		return err
	}
	return c.writeEntity(sp, servicePrincipalKind, "servicePrincipals")
}

func (c *graphCall) pathServicePrincipal() (*servicePrincipal, error) {
	id := c.r.PathValue("id")
	sp := c.s.dir.principals[id]
	if sp == nil {
		return nil, errNotFound(id)
	}
	return sp, nil
}

func (s *Server) listAppRoleAssignments(c *graphCall) error {
	if err := c.allow(readGrants); err != nil {
		return err
	}
	sp, err := c.pathServicePrincipal()
	if err != nil {
		return err
	}
	values := []odata.Object{}
	for _, a := range sp.Assignments {
		resource := "Microsoft Graph"
		if r := s.dir.principals[a.ResourceID]; r != nil {
			resource = r.DisplayName
		}
		values = append(values, odata.Object{
			{"id", a.ID}, {"deletedDateTime", nil}, {"appRoleId", a.AppRoleID},
			{"createdDateTime", odata.Value(a.Created)}, {"principalDisplayName", sp.DisplayName},
			{"principalId", sp.ID}, {"principalType", "ServicePrincipal"},
			{"resourceDisplayName", resource}, {"resourceId", a.ResourceID},
		})
	}
	return c.writeJSON(http.StatusOK, odata.Object{
		{"@odata.context", c.contextURL("servicePrincipals('" + sp.ID + "')/appRoleAssignments")},
		{"value", values},
	})
}

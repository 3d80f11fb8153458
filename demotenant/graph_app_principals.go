package demotenant

import (
	"net/http"
	"regexp"
	"strings"

	"github.com/entra-wizard/entra-wizard/demotenant/odata"
)

// createServicePrincipal serves POST /servicePrincipals: the app's
// enterprise application in this tenant.
func (s *Server) createServicePrincipal(c *graphCall) error {
	if err := c.allowSetup(registerApplications); err != nil {
		return err
	}
	var in struct {
		AppID string `json:"appId"`
	}
	if err := c.decodeBody(&in); err != nil {
		return err
	}
	a, ok := s.dir.apps[in.AppID]
	switch {
	case in.AppID == "":
		return errInvalidProperty("appId", "ServicePrincipal")
	case !ok:
		return odata.NewError(http.StatusBadRequest, "Request_BadRequest",
			"The appId '%s' of the service principal does not reference a valid application object.", in.AppID)
	}
	if err := c.allowOwner(a); err != nil {
		return err
	}
	if s.dir.principalOf(a.AppID) != nil {
		return odata.NewError(http.StatusConflict, "Request_MultipleObjectsWithSameKeyValue",
			"The service principal cannot be created, updated, or restored because the service principal name %s is already in use.", a.AppID)
	}
	sp := &servicePrincipal{ID: s.dir.newObjectID(), AppID: a.AppID, DisplayName: a.DisplayName}
	s.dir.principals[sp.ID] = sp
	out := append(odata.Object{{"@odata.context", c.contextURL("servicePrincipals/$entity")}}, odata.Render(sp, nil, false)...)
	return c.writeJSON(http.StatusCreated, out)
}

// alternateKey matches Graph's addressing by alternate key, e.g.
// servicePrincipals(appId='00000003-0000-0000-c000-000000000000').
var alternateKey = regexp.MustCompile(`^(servicePrincipals|applications)\(appId='([^']*)'\)$`)

// getByAppID serves GET /servicePrincipals(appId='...') and
// GET /applications(appId='...'); other single segments are unknown.
func (s *Server) getByAppID(c *graphCall) error {
	m := alternateKey.FindStringSubmatch(c.r.PathValue("keyed"))
	if m == nil {
		return odata.BadRequest("Resource not found for the segment '%s'.", c.r.PathValue("keyed"))
	}
	appID := strings.ToLower(m[2])
	if m[1] == "applications" {
		a, ok := s.dir.apps[appID]
		if !ok || appID == graphCLIAppID {
			return errNotFound(appID)
		}
		if err := c.allowRead(a); err != nil {
			return err
		}
		return c.writeEntity(a, applicationKind, "applications")
	}
	if err := c.allow(readApps); err != nil {
		return err
	}
	sp := s.dir.principalOf(appID)
	if sp == nil {
		return errNotFound(appID)
	}
	return c.writeEntity(sp, servicePrincipalKind, "servicePrincipals")
}

// appRoleAssignmentJSON renders an assignment of one of resource's app
// roles to principal.
func appRoleAssignmentJSON(as appRoleAssignment, principal, resource *servicePrincipal) odata.Object {
	return odata.Object{
		{"id", as.ID}, {"deletedDateTime", nil}, {"appRoleId", as.AppRoleID},
		{"createdDateTime", odata.Value(as.Created)}, {"principalDisplayName", principal.DisplayName},
		{"principalId", principal.ID}, {"principalType", "ServicePrincipal"},
		{"resourceDisplayName", resource.DisplayName}, {"resourceId", resource.ID},
	}
}

// assignAppRole serves POST /servicePrincipals/{id}/appRoleAssignedTo: it
// grants one of the resource's app roles (an application permission) to a
// client's service principal, which admin consent would otherwise do.
func (s *Server) assignAppRole(c *graphCall) error {
	if err := c.allowSetup(grantAppRoles); err != nil {
		return err
	}
	resource, err := c.pathServicePrincipal()
	if err != nil {
		return err
	}
	var in struct {
		PrincipalID string `json:"principalId"`
		ResourceID  string `json:"resourceId"`
		AppRoleID   string `json:"appRoleId"`
	}
	if err := c.decodeBody(&in); err != nil {
		return err
	}
	client := s.dir.principals[in.PrincipalID]
	perm, ok := permissionByRoleID(in.AppRoleID)
	switch {
	case client == nil:
		return errInvalidProperty("principalId", "AppRoleAssignment")
	case in.ResourceID != resource.ID:
		return errInvalidProperty("resourceId", "AppRoleAssignment")
	case resource.ID != graphPrincipalID || !ok:
		return odata.NewError(http.StatusBadRequest, "Request_BadRequest",
			"Permission being assigned was not found on application '%s'.", resource.AppID)
	}
	for _, as := range client.Assignments {
		if as.ResourceID == resource.ID && as.AppRoleID == in.AppRoleID {
			return odata.NewError(http.StatusBadRequest, "Request_BadRequest",
				"Permission being assigned already exists on the object.")
		}
	}
	client.grantRole(perm.Name, s.graphNow())
	as := client.Assignments[len(client.Assignments)-1]
	out := append(odata.Object{{"@odata.context", c.contextURL("servicePrincipals('" + resource.ID + "')/appRoleAssignedTo/$entity")}},
		appRoleAssignmentJSON(as, client, resource)...)
	return c.writeJSON(http.StatusCreated, out)
}

// listAppRoleAssignedTo serves GET /servicePrincipals/{id}/appRoleAssignedTo:
// the assignments of the resource's app roles to clients.
func (s *Server) listAppRoleAssignedTo(c *graphCall) error {
	if err := c.allow(readGrants); err != nil {
		return err
	}
	resource, err := c.pathServicePrincipal()
	if err != nil {
		return err
	}
	values := []odata.Object{}
	for _, sp := range s.dir.principals {
		for _, as := range sp.Assignments {
			if as.ResourceID == resource.ID {
				values = append(values, appRoleAssignmentJSON(as, sp, resource))
			}
		}
	}
	return c.writeJSON(http.StatusOK, odata.Object{
		{"@odata.context", c.contextURL("servicePrincipals('" + resource.ID + "')/appRoleAssignedTo")},
		{"value", values},
	})
}

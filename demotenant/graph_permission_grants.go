package demotenant

import (
	"net/http"
	"slices"
	"strings"

	"github.com/entra-wizard/entra-wizard/demotenant/odata"
)

// A service principal's DelegatedScopes are its one tenant-wide
// oauth2PermissionGrant (consentType AllPrincipals) on Microsoft Graph.

// grantID is the id of the tenant-wide delegated grant of sp on Graph.
func grantID(sp *servicePrincipal) string { return stableGUID("oauth2PermissionGrant: " + sp.ID) }

func grantJSON(sp *servicePrincipal) odata.Object {
	return odata.Object{
		{"clientId", sp.ID}, {"consentType", "AllPrincipals"}, {"id", grantID(sp)},
		{"principalId", nil}, {"resourceId", graphPrincipalID}, {"scope", strings.Join(sp.DelegatedScopes, " ")},
	}
}

// listPermissionGrants serves GET /oauth2PermissionGrants, with the
// $filter clientId eq '...' that finds one client's grants.
func (s *Server) listPermissionGrants(c *graphCall) error {
	if err := c.allowSetup(readPermissionGrants); err != nil {
		return err
	}
	clientID := ""
	if f := c.r.URL.Query().Get("$filter"); f != "" {
		v, ok := strings.CutPrefix(f, "clientId eq '")
		if !ok || !strings.HasSuffix(v, "'") {
			return odata.UnsupportedFilter("filter", "OAuth2PermissionGrant")
		}
		clientID = strings.TrimSuffix(v, "'")
	}
	values := []odata.Object{}
	for _, sp := range s.dir.principals {
		if len(sp.DelegatedScopes) > 0 && (clientID == "" || sp.ID == clientID) {
			values = append(values, grantJSON(sp))
		}
	}
	slices.SortFunc(values, func(a, b odata.Object) int { return strings.Compare(a.Get("id").(string), b.Get("id").(string)) })
	return c.writeJSON(http.StatusOK, odata.Object{{"@odata.context", c.contextURL("oauth2PermissionGrants")}, {"value", values}})
}

// createPermissionGrant serves POST /oauth2PermissionGrants: delegated
// Graph scopes granted to a client for everyone in the tenant.
func (s *Server) createPermissionGrant(c *graphCall) error {
	if err := c.allowSetup(writePermissionGrants); err != nil {
		return err
	}
	var in struct {
		ClientID    string `json:"clientId"`
		ConsentType string `json:"consentType"`
		ResourceID  string `json:"resourceId"`
		Scope       string `json:"scope"`
	}
	if err := c.decodeBody(&in); err != nil {
		return err
	}
	client := s.dir.principals[in.ClientID]
	switch {
	case client == nil:
		return errInvalidProperty("clientId", "OAuth2PermissionGrant")
	case in.ConsentType != "AllPrincipals":
		return errInvalidProperty("consentType", "OAuth2PermissionGrant")
	case in.ResourceID != graphPrincipalID:
		return errInvalidProperty("resourceId", "OAuth2PermissionGrant")
	case len(client.DelegatedScopes) > 0:
		return odata.NewError(http.StatusConflict, "Request_MultipleObjectsWithSameKeyValue", "Permission entry already exists.")
	}
	var scopes []string
	for _, sc := range strings.Fields(in.Scope) {
		p, ok := permissionByName(sc)
		if !ok || p.ScopeID == "" {
			return errInvalidProperty("scope", "OAuth2PermissionGrant")
		}
		if !slices.Contains(scopes, p.Name) {
			scopes = append(scopes, p.Name)
		}
	}
	if len(scopes) == 0 {
		return errInvalidProperty("scope", "OAuth2PermissionGrant")
	}
	client.DelegatedScopes = scopes
	out := append(odata.Object{{"@odata.context", c.contextURL("oauth2PermissionGrants/$entity")}}, grantJSON(client)...)
	return c.writeJSON(http.StatusCreated, out)
}

// deletePermissionGrant serves DELETE /oauth2PermissionGrants/{id}.
func (s *Server) deletePermissionGrant(c *graphCall) error {
	if err := c.allowSetup(writePermissionGrants); err != nil {
		return err
	}
	id := c.r.PathValue("id")
	for _, sp := range s.dir.principals {
		if len(sp.DelegatedScopes) > 0 && grantID(sp) == id {
			sp.DelegatedScopes = nil
			return c.noContent()
		}
	}
	return errNotFound(id)
}

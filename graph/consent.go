package graph

import (
	"context"
	"strings"

	"github.com/google/uuid"
	"github.com/microsoftgraph/msgraph-sdk-go/models"
	"github.com/microsoftgraph/msgraph-sdk-go/oauth2permissiongrants"
)

// Permissions granting consent needs.
var (
	needAssignRoles   = []string{"AppRoleAssignment.ReadWrite.All"}
	needGrantScopes   = []string{"DelegatedPermissionGrant.ReadWrite.All"}
	needCreatePrincpl = []string{"Application.ReadWrite.All"}
)

// ServicePrincipal is an app's instance in the tenant (its enterprise
// application). For an API such as Microsoft Graph, Roles and Scopes map
// its permission names to their ids.
type ServicePrincipal struct {
	ID     string
	AppID  string
	Roles  map[string]string
	Scopes map[string]string
}

// ServicePrincipalByAppID finds the service principal of the app whose
// application ID is appID, e.g. GraphAppID.
func (c *Client) ServicePrincipalByAppID(ctx context.Context, appID string) (ServicePrincipal, error) {
	if err := noID("find the service principal", appID); err != nil {
		return ServicePrincipal{}, err
	}
	sp, err := c.sdk().ServicePrincipalsWithAppId(&appID).Get(ctx, nil)
	if err == nil && sp == nil {
		err = errEmptyAnswer
	}
	if err != nil {
		return ServicePrincipal{}, fail(err, "find the service principal", needReadApps...)
	}
	return servicePrincipalOf(sp), nil
}

// CreateServicePrincipal creates the service principal of the app whose
// application ID is appID.
func (c *Client) CreateServicePrincipal(ctx context.Context, appID string) (ServicePrincipal, error) {
	body := models.NewServicePrincipal()
	body.SetAppId(&appID)
	sp, err := c.sdk().ServicePrincipals().Post(ctx, body, nil)
	if err == nil && sp == nil {
		err = errEmptyAnswer
	}
	if err != nil {
		return ServicePrincipal{}, fail(err, "create the service principal", needCreatePrincpl...)
	}
	return servicePrincipalOf(sp), nil
}

// AssignAppRole grants the client the resource's app role roleID (an
// application permission), as admin consent does. It returns the id of
// the assignment.
func (c *Client) AssignAppRole(ctx context.Context, resourceID, clientID, roleID string) (string, error) {
	if err := noID("grant an application permission", resourceID, clientID, roleID); err != nil {
		return "", err
	}
	ids := make([]uuid.UUID, 3)
	for i, s := range []string{resourceID, clientID, roleID} {
		u, err := uuid.Parse(s)
		if err != nil {
			return "", fail(err, "grant an application permission")
		}
		ids[i] = u
	}
	body := models.NewAppRoleAssignment()
	body.SetResourceId(&ids[0])
	body.SetPrincipalId(&ids[1])
	body.SetAppRoleId(&ids[2])
	got, err := c.sdk().ServicePrincipals().ByServicePrincipalId(resourceID).AppRoleAssignedTo().Post(ctx, body, nil)
	if err == nil && got == nil {
		err = errEmptyAnswer
	}
	if err != nil {
		return "", fail(err, "grant an application permission", needAssignRoles...)
	}
	return deref(got.GetId()), nil
}

// GrantDelegated grants the client the resource's delegated scopes for
// everyone in the tenant (consentType AllPrincipals), as admin consent
// does. It returns the id of the grant.
func (c *Client) GrantDelegated(ctx context.Context, resourceID, clientID string, scopes []string) (string, error) {
	if err := noID("grant delegated permissions", resourceID, clientID); err != nil {
		return "", err
	}
	body := models.NewOAuth2PermissionGrant()
	body.SetClientId(&clientID)
	body.SetResourceId(&resourceID)
	body.SetConsentType(ptr("AllPrincipals"))
	body.SetScope(ptr(strings.Join(scopes, " ")))
	got, err := c.sdk().Oauth2PermissionGrants().Post(ctx, body, nil)
	if err == nil && got == nil {
		err = errEmptyAnswer
	}
	if err != nil {
		return "", fail(err, "grant delegated permissions", needGrantScopes...)
	}
	return deref(got.GetId()), nil
}

// DelegatedGrants lists the scopes granted tenant-wide to the client
// service principal clientID.
func (c *Client) DelegatedGrants(ctx context.Context, clientID string) ([]string, error) {
	filter := "clientId eq '" + clientID + "'"
	resp, err := c.sdk().Oauth2PermissionGrants().Get(ctx, &oauth2permissiongrants.Oauth2PermissionGrantsRequestBuilderGetRequestConfiguration{
		QueryParameters: &oauth2permissiongrants.Oauth2PermissionGrantsRequestBuilderGetQueryParameters{Filter: &filter},
	})
	if err != nil {
		return nil, fail(err, "read delegated permission grants", "Directory.Read.All")
	}
	var out []string
	for _, g := range resp.GetValue() {
		if deref(g.GetConsentType()) == "AllPrincipals" {
			out = append(out, strings.Fields(deref(g.GetScope()))...)
		}
	}
	return out, nil
}

func servicePrincipalOf(sp models.ServicePrincipalable) ServicePrincipal {
	out := ServicePrincipal{ID: deref(sp.GetId()), AppID: deref(sp.GetAppId()), Roles: map[string]string{}, Scopes: map[string]string{}}
	for _, r := range sp.GetAppRoles() {
		if r.GetId() != nil && r.GetValue() != nil {
			out.Roles[*r.GetValue()] = r.GetId().String()
		}
	}
	for _, s := range sp.GetOauth2PermissionScopes() {
		if s.GetId() != nil && s.GetValue() != nil {
			out.Scopes[*s.GetValue()] = s.GetId().String()
		}
	}
	return out
}

package graph

import "context"

// AssignedAppRoles lists the app role ids the client service principal
// clientID holds on the resource resourceID (GET
// /servicePrincipals/{id}/appRoleAssignments): the application permissions
// granted to it, whoever granted them, e.g. an administrator through the
// admin-consent link.
func (c *Client) AssignedAppRoles(ctx context.Context, clientID, resourceID string) ([]string, error) {
	if err := noID("read the granted application permissions", clientID); err != nil {
		return nil, err
	}
	resp, err := c.sdk().ServicePrincipals().ByServicePrincipalId(clientID).AppRoleAssignments().Get(ctx, nil)
	if err != nil {
		return nil, fail(err, "read the granted application permissions", needReadApps...)
	}
	var out []string
	for _, a := range resp.GetValue() {
		if a.GetResourceId() != nil && a.GetResourceId().String() == resourceID && a.GetAppRoleId() != nil {
			out = append(out, a.GetAppRoleId().String())
		}
	}
	return out, nil
}

package demotenant

// appSetupRoutes are the Graph operations that register an app and grant
// its permissions without the portal.
func (s *Server) appSetupRoutes() []graphRoute {
	return []graphRoute{
		{Method: "GET", Path: "/applications", Handler: s.listApplications},
		{Method: "POST", Path: "/applications", Handler: s.createApplication},
		{Method: "GET", Path: "/applications/{id}", Handler: s.getApplication},
		{Method: "PATCH", Path: "/applications/{id}", Handler: s.updateApplication},
		{Method: "GET", Path: "/policies/defaultAppManagementPolicy", Handler: s.getAppPolicy},
		{Method: "DELETE", Path: "/applications/{id}", Handler: s.deleteApplication},
		{Method: "POST", Path: "/applications/{id}/addPassword", Handler: s.addPassword},
		{Method: "POST", Path: "/applications/{id}/removePassword", Handler: s.removePassword},
		{Method: "POST", Path: "/applications/{id}/addKey", Handler: s.addKey},
		{Method: "POST", Path: "/applications/{id}/removeKey", Handler: s.removeKey},

		{Method: "POST", Path: "/servicePrincipals", Handler: s.createServicePrincipal},
		{Method: "GET", Path: "/servicePrincipals/{id}/appRoleAssignedTo", Handler: s.listAppRoleAssignedTo},
		{Method: "POST", Path: "/servicePrincipals/{id}/appRoleAssignedTo", Handler: s.assignAppRole},
		{Method: "GET", Path: "/{keyed}", Handler: s.getByAppID},

		{Method: "GET", Path: "/oauth2PermissionGrants", Handler: s.listPermissionGrants},
		{Method: "POST", Path: "/oauth2PermissionGrants", Handler: s.createPermissionGrant},
		{Method: "DELETE", Path: "/oauth2PermissionGrants/{id}", Handler: s.deletePermissionGrant},
	}
}

package demotenant

import "net/http"

// graphRoutes lists the Graph operations the tenant answers. api is the
// mux they are served from, which $batch sends its parts through.
func (s *Server) graphRoutes(api http.Handler) []graphRoute {
	return append([]graphRoute{
		{Method: "GET", Path: "/organization", Handler: s.getOrganization},
		{Method: "GET", Path: "/subscribedSkus", Handler: s.listSubscribedSKUs},

		{Method: "GET", Path: "/me", Handler: s.getMe},
		{Method: "GET", Path: "/users", Handler: s.listUsers},
		{Method: "GET", Path: "/users/$count", Handler: s.countUsers},
		{Method: "POST", Path: "/users", Handler: s.createUser},
		{Method: "GET", Path: "/users/{id}", Handler: s.getUser},
		{Method: "PATCH", Path: "/users/{id}", Handler: s.updateUser},
		{Method: "DELETE", Path: "/users/{id}", Handler: s.deleteUser},
		{Method: "GET", Path: "/users/{id}/memberOf", Handler: s.listMemberOf},
		{Method: "GET", Path: "/users/{id}/memberOf/{cast}", Handler: s.listMemberOf},
		{Method: "GET", Path: "/users/{id}/transitiveMemberOf", Handler: s.listMemberOf},
		{Method: "GET", Path: "/users/{id}/transitiveMemberOf/{cast}", Handler: s.listMemberOf},
		{Method: "GET", Path: "/users/{id}/licenseDetails", Handler: s.listLicenseDetails},
		{Method: "POST", Path: "/users/{id}/assignLicense", Handler: s.assignLicense},
		{Method: "POST", Path: "/users/{id}/revokeSignInSessions", Handler: s.revokeSignInSessions},

		{Method: "GET", Path: "/groups", Handler: s.listGroups},
		{Method: "GET", Path: "/groups/$count", Handler: s.countGroups},
		{Method: "POST", Path: "/groups", Handler: s.createGroup},
		{Method: "GET", Path: "/groups/{id}", Handler: s.getGroup},
		{Method: "PATCH", Path: "/groups/{id}", Handler: s.updateGroup},
		{Method: "DELETE", Path: "/groups/{id}", Handler: s.deleteGroup},
		{Method: "GET", Path: "/groups/{id}/members", Handler: s.listMembers},
		{Method: "GET", Path: "/groups/{id}/members/{cast}", Handler: s.listMembers},
		{Method: "GET", Path: "/groups/{id}/members/$count", Handler: s.countMembers},
		{Method: "GET", Path: "/groups/{id}/transitiveMembers", Handler: s.listMembers},
		{Method: "GET", Path: "/groups/{id}/transitiveMembers/{cast}", Handler: s.listMembers},
		{Method: "GET", Path: "/groups/{id}/transitiveMembers/$count", Handler: s.countMembers},
		{Method: "POST", Path: "/groups/{id}/members/$ref", Handler: s.addMemberRef},
		{Method: "DELETE", Path: "/groups/{id}/members/{member}/$ref", Handler: s.removeMemberRef},
		{Method: "DELETE", Path: "/groups/{id}/members/$ref", Handler: s.removeMemberRef},

		{Method: "GET", Path: "/servicePrincipals", Handler: s.listServicePrincipals},
		{Method: "GET", Path: "/servicePrincipals/{id}", Handler: s.getServicePrincipal},
		{Method: "GET", Path: "/servicePrincipals/{id}/appRoleAssignments", Handler: s.listAppRoleAssignments},

		{Method: "GET", Path: "/directory/deletedItems/{id}", Handler: s.getDeletedItems},
		{Method: "POST", Path: "/directory/deletedItems/{id}/restore", Handler: s.restoreDeletedItem},
		{Method: "DELETE", Path: "/directory/deletedItems/{id}", Handler: s.purgeDeletedItem},

		{Method: "POST", Path: "/$batch", Handler: s.batchHandler(api), Unlocked: true},
	}, append(s.appSetupRoutes(), s.managerRefRoutes()...)...)
}

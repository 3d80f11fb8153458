package demotenant

import "net/http"

// managerRefRoutes are a user's manager reference: read it, and set it
// (Microsoft Graph reference, "List manager" and "Assign manager").
func (s *Server) managerRefRoutes() []graphRoute {
	return []graphRoute{
		{Method: "GET", Path: "/users/{id}/manager", Handler: s.getManager},
		{Method: "PUT", Path: "/users/{id}/manager/$ref", Handler: s.putManagerRef},
	}
}

// getManager answers GET /users/{id}/manager: the manager, or 404 when
// the user has none.
func (s *Server) getManager(c *graphCall) error {
	if err := c.allow(readUsers); err != nil {
		return err
	}
	u, err := c.pathUser()
	if err != nil {
		return err
	}
	m := s.dir.users[u.Manager]
	if m == nil {
		return newGraphError(http.StatusNotFound, "Request_ResourceNotFound",
			"Resource 'manager' does not exist or one of its queried reference-property objects are not present.")
	}
	sel, err := parseSelect(c.r.URL.Query(), userKind)
	if err != nil {
		return err
	}
	// The manager is a directoryObject, typed as the user it is.
	out := append(jsonObject{{"@odata.context", c.contextURL("directoryObjects/$entity")}}, render(m, sel, true)...)
	return c.writeJSON(http.StatusOK, out)
}

// putManagerRef answers PUT /users/{id}/manager/$ref with an @odata.id
// naming a user, answering 204.
func (s *Server) putManagerRef(c *graphCall) error {
	if err := c.allow(writeUsers); err != nil {
		return err
	}
	u, err := c.pathUser()
	if err != nil {
		return err
	}
	id, err := c.bodyReference("the manager")
	if err != nil {
		return err
	}
	if s.dir.users[id] == nil || id == u.ID {
		return errBadRequest("Invalid object identifier '%s'.", id)
	}
	u.Manager = id
	return c.noContent()
}

// bodyReference reads the object a $ref request body names by its
// @odata.id; what says what it should be, for the error.
func (c *graphCall) bodyReference(what string) (string, error) {
	var body map[string]any
	if err := c.decodeBody(&body); err != nil {
		return "", err
	}
	ref, _ := body["@odata.id"].(string)
	if ref == "" {
		return "", errBadRequest("The request body must hold an '@odata.id' reference to %s.", what)
	}
	return c.s.dir.referencedObject(ref)
}

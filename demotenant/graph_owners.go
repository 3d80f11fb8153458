package demotenant

import (
	"net/http"
	"slices"

	"github.com/entra-wizard/entra-wizard/demotenant/odata"
)

// The permissions of the owner endpoints, after Microsoft Graph's API
// reference ("List owners", "Add owners", "Remove group owner", "List
// ownedObjects"). Signed in, changing owners also takes a role that
// manages groups (Groups Administrator, User Administrator, ...) or being
// an owner of the group: see allowOwnerChange.
var (
	readOwners   = readGroups
	writeOwners  = access{app: anyOf("Group.ReadWrite.All", "Directory.ReadWrite.All")}
	readOwnedObj = readUsers
)

// allowOwnerChange checks that the caller may change g's owners: the
// permission, and, signed in, a role that manages groups or being one of
// g's owners ("Group owners: can modify all types of group owners").
func (c *graphCall) allowOwnerChange(g *group) error {
	if err := c.allow(writeOwners); err != nil {
		return err
	}
	if !c.p.Delegated() {
		return nil
	}
	if u := c.s.dir.users[c.p.UserID]; u != nil && (u.managesGroups() || slices.Contains(g.Owners, u.ID)) {
		return nil
	}
	return errInsufficientPrivileges
}

var (
	errOwnerExists = odata.NewError(http.StatusBadRequest, "Request_BadRequest",
		"One or more added object references already exist for the following modified properties: 'owners'.")
	// errLastOwner is Graph's refusal to remove the last owner of a group:
	// "once owners are assigned to a group, the last owner (a user object)
	// of the group cannot be removed".
	errLastOwner = odata.NewError(http.StatusBadRequest, "Request_BadRequest",
		"The group must have at least one owner, hence this owner cannot be removed.")
)

// ownerRoutes are the group owner operations.
func (s *Server) ownerRoutes() []graphRoute {
	return []graphRoute{
		{Method: "GET", Path: "/groups/{id}/owners", Handler: s.listOwners},
		{Method: "GET", Path: "/groups/{id}/owners/{cast}", Handler: s.listOwners},
		{Method: "POST", Path: "/groups/{id}/owners/$ref", Handler: s.addOwnerRef},
		{Method: "DELETE", Path: "/groups/{id}/owners/{owner}/$ref", Handler: s.removeOwnerRef},
		{Method: "GET", Path: "/users/{id}/ownedObjects", Handler: s.listOwnedObjects},
		{Method: "GET", Path: "/users/{id}/ownedObjects/{cast}", Handler: s.listOwnedObjects},
	}
}

// listOwners answers GET /groups/{id}/owners, with or without a type cast.
func (s *Server) listOwners(c *graphCall) error {
	if err := c.allow(readOwners); err != nil {
		return err
	}
	g, err := c.pathGroup()
	if err != nil {
		return err
	}
	var owners []odata.Entity
	for _, id := range g.Owners {
		if e := s.dir.object(id); e != nil {
			owners = append(owners, e)
		}
	}
	return c.writeObjects(owners)
}

// writeObjects answers a list of directory objects with the path's type
// cast (if any) and the query's options.
func (c *graphCall) writeObjects(items []odata.Entity) error {
	kind, set, err := c.castKind()
	if err != nil {
		return err
	}
	q, err := odata.ParseList(c.r, kind)
	if err != nil {
		return err
	}
	return c.writeList(keepKind(items, kind), q, set, true)
}

// listOwnedObjects answers GET /users/{id}/ownedObjects: the groups the
// user owns (the demo tenant's users own no other objects).
func (s *Server) listOwnedObjects(c *graphCall) error {
	if err := c.allow(readOwnedObj); err != nil {
		return err
	}
	u, err := c.pathUser()
	if err != nil {
		return err
	}
	var owned []odata.Entity
	for _, g := range s.dir.groupsByID() {
		if slices.Contains(g.(*group).Owners, u.ID) {
			owned = append(owned, g)
		}
	}
	return c.writeObjects(owned)
}

// addOwnerRef answers POST /groups/{id}/owners/$ref. Only users can be
// owners here; one who already is gets Graph's 400.
func (s *Server) addOwnerRef(c *graphCall) error {
	g, err := c.pathGroup()
	if err != nil {
		return err
	}
	if err := c.allowOwnerChange(g); err != nil {
		return err
	}
	id, err := c.bodyReference("the owner to add")
	if err != nil {
		return err
	}
	if s.dir.users[id] == nil {
		return odata.BadRequest("Only users can be added as owners of this group.")
	}
	if slices.Contains(g.Owners, id) {
		return errOwnerExists
	}
	g.Owners = append(g.Owners, id)
	return c.noContent()
}

// removeOwnerRef answers DELETE /groups/{id}/owners/{owner}/$ref, refusing
// to remove the last owner.
func (s *Server) removeOwnerRef(c *graphCall) error {
	g, err := c.pathGroup()
	if err != nil {
		return err
	}
	if err := c.allowOwnerChange(g); err != nil {
		return err
	}
	id := c.r.PathValue("owner")
	if !slices.Contains(g.Owners, id) {
		return errNotFound(id)
	}
	if len(g.Owners) == 1 {
		return errLastOwner
	}
	g.Owners = slices.DeleteFunc(g.Owners, func(o string) bool { return o == id })
	return c.noContent()
}

package demotenant

import (
	"slices"
	"strings"

	"github.com/entra-wizard/entra-wizard/demotenant/odata"
)

// castKind reads the optional type-cast segment of a membership list
// (microsoft.graph.user, or graph.user as the SDKs write it; or the group
// equivalents): the kind to keep and to check the query against, and the
// context's odata.Entity set.
func (c *graphCall) castKind() (*odata.Kind, string, error) {
	cast := c.r.PathValue("cast")
	if cast == "" {
		return directoryObjectKind, "directoryObjects", nil
	}
	if kind := castType(cast); kind != nil {
		return kind, strings.ToLower(kind.Name) + "s", nil
	}
	return nil, "", odata.BadRequest("Resource not found for the segment '%s'.", cast)
}

// castType names the kind a type-cast segment selects, or nil.
func castType(segment string) *odata.Kind {
	switch strings.TrimPrefix(segment, "microsoft.") {
	case "graph.user":
		return userKind
	case "graph.group":
		return groupKind
	}
	return nil
}

// listMembers answers /groups/{id}/members and /transitiveMembers, with or
// without a type cast.
func (s *Server) listMembers(c *graphCall) error {
	if err := c.allow(readMembers); err != nil {
		return err
	}
	g, err := c.pathGroup()
	if err != nil {
		return err
	}
	return c.writeObjects(s.dir.membersOf(g, c.r.URL.Path))
}

// countMembers answers /groups/{id}/members/$count and its transitive
// twin.
func (s *Server) countMembers(c *graphCall) error {
	if err := c.allow(readMembers); err != nil {
		return err
	}
	g, err := c.pathGroup()
	if err != nil {
		return err
	}
	q, err := odata.ParseCount(c.r, directoryObjectKind)
	if err != nil {
		return err
	}
	return c.writeCount(s.dir.membersOf(g, c.r.URL.Path), q)
}

// membersOf lists g's members, transitive ones when the path asks for
// transitiveMembers.
func (d *directory) membersOf(g *group, path string) []odata.Entity {
	if strings.Contains(path, "/transitiveMembers") {
		return d.transitiveMembers(g)
	}
	var members []odata.Entity
	for _, id := range g.Members {
		if e := d.object(id); e != nil {
			members = append(members, e)
		}
	}
	return members
}

// listMemberOf answers /users/{id}/memberOf and /transitiveMemberOf.
func (s *Server) listMemberOf(c *graphCall) error {
	if err := c.allow(readUserMemberships); err != nil {
		return err
	}
	u, err := c.pathUser()
	if err != nil {
		return err
	}
	kind, set, err := c.castKind()
	if err != nil {
		return err
	}
	q, err := odata.ParseList(c.r, kind)
	if err != nil {
		return err
	}
	groups := s.dir.groupsOf(u.ID)
	if strings.Contains(c.r.URL.Path, "/transitiveMemberOf") {
		groups = s.dir.transitiveGroupsOf(u.ID)
	}
	items := make([]odata.Entity, 0, len(groups))
	for _, g := range groups {
		items = append(items, g)
	}
	return c.writeList(keepKind(items, kind), q, set, true)
}

// keepKind keeps the objects of kind; the directoryObject kind keeps all.
func keepKind(items []odata.Entity, kind *odata.Kind) []odata.Entity {
	if kind == directoryObjectKind {
		return items
	}
	out := items[:0:0]
	for _, e := range items {
		if e.Kind() == kind {
			out = append(out, e)
		}
	}
	return out
}

// addMemberRef answers POST /groups/{id}/members/$ref.
func (s *Server) addMemberRef(c *graphCall) error {
	if err := c.allow(writeMembers); err != nil {
		return err
	}
	g, err := c.pathGroup()
	if err != nil {
		return err
	}
	id, err := c.bodyReference("the member to add")
	if err != nil {
		return err
	}
	if id == g.ID || slices.Contains(g.Members, id) {
		return errMemberExists
	}
	g.Members = append(g.Members, id)
	s.dir.recordMembers(g.ID, []string{id}, nil)
	return c.noContent()
}

// removeMemberRef answers DELETE /groups/{id}/members/{member}/$ref, and
// DELETE /groups/{id}/members/$ref?@id={reference} as the SDKs send it.
func (s *Server) removeMemberRef(c *graphCall) error {
	if err := c.allow(writeMembers); err != nil {
		return err
	}
	g, err := c.pathGroup()
	if err != nil {
		return err
	}
	id := c.r.PathValue("member")
	if id == "" {
		if id, err = s.dir.referencedObject(c.r.URL.Query().Get("@id")); err != nil {
			return err
		}
	}
	if !slices.Contains(g.Members, id) {
		return errNotFound(id)
	}
	g.Members = slices.DeleteFunc(g.Members, func(m string) bool { return m == id })
	s.dir.recordMembers(g.ID, nil, []string{id})
	return c.noContent()
}

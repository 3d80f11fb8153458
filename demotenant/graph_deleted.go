package demotenant

import (
	"net/http"
	"slices"
	"strings"

	"github.com/entra-wizard/entra-wizard/demotenant/odata"
)

// getDeletedItems answers /directory/deletedItems/microsoft.graph.user (or
// graph.user, or the group casts), the lists of deleted objects, and
// /directory/deletedItems/{id}.
func (s *Server) getDeletedItems(c *graphCall) error {
	id := c.r.PathValue("id")
	kind := castType(id)
	if kind == nil {
		return s.getDeletedItem(c, id)
	}
	rule := readUsers
	if kind == groupKind {
		rule = readGroups
	}
	if err := c.allow(rule); err != nil {
		return err
	}
	q, err := odata.ParseList(c.r, kind)
	if err != nil {
		return err
	}
	var items []odata.Entity
	for _, d := range s.dir.deleted {
		if e := d.entity(); e.Kind() == kind {
			items = append(items, e)
		}
	}
	return c.writeList(items, q, "directory/deletedItems/microsoft."+strings.TrimPrefix(id, "microsoft."), true)
}

func (s *Server) getDeletedItem(c *graphCall, id string) error {
	d := s.dir.deleted[id]
	if d == nil {
		if err := c.allow(readUsers); err != nil {
			return err
		}
		return errNotFound(id)
	}
	e := d.entity()
	if err := c.allow(deletedRules(e).read); err != nil {
		return err
	}
	out := append(odata.Object{{"@odata.context", c.contextURL("directory/deletedItems/$entity")}}, odata.Render(e, nil, true)...)
	return c.writeJSON(http.StatusOK, out)
}

// odata.Entity is the deleted object with its deletion time.
func (d *deletedObject) entity() odata.Entity {
	if d.User != nil {
		return deletedEntity{Entity: d.User, at: d.DeletedAt}
	}
	return deletedEntity{Entity: d.Group, at: d.DeletedAt}
}

// deletedAccess holds the permissions to read and to restore or purge a
// deleted object.
type deletedAccess struct{ read, write access }

func deletedRules(e odata.Entity) deletedAccess {
	if e.Kind() == groupKind {
		return deletedAccess{readGroups, deleteGroups}
	}
	return deletedAccess{readUsers, deleteUsers}
}

// restoreDeletedItem answers POST /directory/deletedItems/{id}/restore.
func (s *Server) restoreDeletedItem(c *graphCall) error {
	id := c.r.PathValue("id")
	d := s.dir.deleted[id]
	if d == nil {
		if err := c.allow(deleteUsers); err != nil {
			return err
		}
		return errNotFound(id)
	}
	if err := c.allow(deletedRules(d.entity()).write); err != nil {
		return err
	}
	if d.User != nil {
		if other := s.dir.userByUPN(d.User.UserPrincipalName); other != nil {
			return errDuplicateUPN
		}
		s.dir.users[id] = d.User
	} else {
		s.dir.groups[id] = d.Group
	}
	for _, gid := range d.MemberOf {
		if g := s.dir.groups[gid]; g != nil && !slices.Contains(g.Members, id) {
			g.Members = append(g.Members, id)
			s.dir.recordMembers(gid, []string{id}, nil)
		}
	}
	delete(s.dir.deleted, id)
	s.dir.objectsChanged()
	e := s.dir.object(id)
	s.dir.recordCreated(e)
	out := append(odata.Object{{"@odata.context", c.contextURL("directoryObjects/$entity")}}, odata.Render(e, nil, true)...)
	return c.writeJSON(http.StatusOK, out)
}

// purgeDeletedItem answers DELETE /directory/deletedItems/{id}: the object
// is gone for good.
func (s *Server) purgeDeletedItem(c *graphCall) error {
	id := c.r.PathValue("id")
	d := s.dir.deleted[id]
	if d == nil {
		if err := c.allow(deleteUsers); err != nil {
			return err
		}
		return errNotFound(id)
	}
	if err := c.allow(deletedRules(d.entity()).write); err != nil {
		return err
	}
	delete(s.dir.deleted, id)
	s.dir.recordRemoved(d.Group != nil, id)
	return c.noContent()
}

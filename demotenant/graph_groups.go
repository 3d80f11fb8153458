package demotenant

import (
	"net/http"
	"slices"
	"strings"

	"github.com/entra-wizard/entra-wizard/demotenant/odata"
)

func (s *Server) listGroups(c *graphCall) error {
	if err := c.allow(readGroups); err != nil {
		return err
	}
	q, err := odata.ParseList(c.r, groupKind)
	if err != nil {
		return err
	}
	return c.writeList(s.dir.groupsByID(), q, "groups", false)
}

func (s *Server) countGroups(c *graphCall) error {
	if err := c.allow(readGroups); err != nil {
		return err
	}
	q, err := odata.ParseCount(c.r, groupKind)
	if err != nil {
		return err
	}
	return c.writeCount(s.dir.groupsByID(), q)
}

func (s *Server) getGroup(c *graphCall) error {
	if err := c.allow(readGroups); err != nil {
		return err
	}
	g, err := c.pathGroup()
	if err != nil {
		return err
	}
	return c.writeEntity(g, groupKind, "groups")
}

// pathGroup finds the group the {id} path segment names.
func (c *graphCall) pathGroup() (*group, error) {
	id := c.r.PathValue("id")
	g := c.s.dir.groups[id]
	if g == nil {
		return nil, errNotFound(id)
	}
	return g, nil
}

func (s *Server) createGroup(c *graphCall) error {
	if err := c.allow(writeGroups); err != nil {
		return err
	}
	var body map[string]any
	if err := c.decodeBody(&body); err != nil {
		return err
	}
	for _, required := range []string{"displayName", "mailEnabled", "mailNickname", "securityEnabled"} {
		if body[required] == nil {
			return errInvalidProperty(required, "Group")
		}
	}
	g := &group{GroupTypes: []string{}, CreatedDateTime: s.graphNow()}
	members, err := s.dir.applyGroupChanges(g, body, true)
	if err != nil {
		return err
	}
	if err := s.dir.checkGroupKind(g); err != nil {
		return err
	}
	g.ID = s.dir.newObjectID()
	g.Members = members
	s.dir.groups[g.ID] = g
	s.dir.objectsChanged()
	s.dir.recordCreated(g)
	out := append(odata.Object{{"@odata.context", c.contextURL("groups/$entity")}}, odata.Render(g, nil, false)...)
	return c.writeJSON(http.StatusCreated, out)
}

// checkGroupKind applies Graph's rules on the kinds of group it can
// create: Microsoft 365 groups and security groups, not mail-enabled
// security groups or distribution lists; and mail nicknames unique among
// mail-enabled groups.
func (d *directory) checkGroupKind(g *group) error {
	unified := slices.Contains(g.GroupTypes, "Unified")
	switch {
	case unified && !g.MailEnabled:
		return errInvalidProperty("mailEnabled", "Group")
	case !unified && (g.MailEnabled || !g.SecurityEnabled):
		return odata.NewError(http.StatusBadRequest, "Request_BadRequest",
			"Mail-enabled security groups and distribution lists cannot be created through Microsoft Graph. Create a Microsoft 365 group (groupTypes [\"Unified\"]) or a security group (mailEnabled false, securityEnabled true).")
	}
	if unified {
		g.Mail = g.MailNickname + "@" + d.tenantDomain
		if g.Visibility == "" {
			g.Visibility = "Public"
		}
		for _, other := range d.groups {
			if other.ID != g.ID && strings.EqualFold(other.Mail, g.Mail) {
				return odata.NewError(http.StatusBadRequest, "Request_BadRequest",
					"Another object with the same value for property proxyAddresses already exists.")
			}
		}
	}
	return nil
}

func (s *Server) updateGroup(c *graphCall) error {
	g, err := c.pathGroup()
	if err != nil {
		return err
	}
	var body map[string]any
	if err := c.decodeBody(&body); err != nil {
		return err
	}
	rule := writeGroups
	if _, ok := body["members@odata.bind"]; ok && len(body) == 1 {
		rule = writeMembers
	}
	if err := c.allow(rule); err != nil {
		return err
	}
	changed := *g
	added, err := s.dir.applyGroupChanges(&changed, body, false)
	if err != nil {
		return err
	}
	for _, id := range added {
		if slices.Contains(g.Members, id) {
			return errMemberExists
		}
	}
	changed.Members = append(slices.Clone(g.Members), added...)
	s.dir.recordUpdate(g, &changed)
	s.dir.recordMembers(g.ID, added, nil)
	*g = changed
	return c.noContent()
}

func (s *Server) deleteGroup(c *graphCall) error {
	if err := c.allow(deleteGroups); err != nil {
		return err
	}
	g, err := c.pathGroup()
	if err != nil {
		return err
	}
	parents := s.dir.leaveGroups(g.ID)
	delete(s.dir.groups, g.ID)
	if slices.Contains(g.GroupTypes, "Unified") {
		s.dir.deleted[g.ID] = &deletedObject{DeletedAt: s.graphNow(), Group: g, MemberOf: parents}
	}
	s.dir.objectsChanged()
	s.dir.recordRemoved(true, g.ID)
	return c.noContent()
}

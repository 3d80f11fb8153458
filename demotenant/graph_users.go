package demotenant

import (
	"net/http"
	"strconv"
	"strings"

	"github.com/entra-wizard/entra-wizard/demotenant/odata"
)

func (s *Server) listUsers(c *graphCall) error {
	if err := c.allow(readUsers); err != nil {
		return err
	}
	q, err := odata.ParseList(c.r, userKind)
	if err != nil {
		return err
	}
	return c.writeList(s.dir.usersByID(), q, "users", false)
}

func (s *Server) countUsers(c *graphCall) error {
	if err := c.allow(readUsers); err != nil {
		return err
	}
	q, err := odata.ParseCount(c.r, userKind)
	if err != nil {
		return err
	}
	return c.writeCount(s.dir.usersByID(), q)
}

// writeCount answers a /$count request: the number as plain text.
func (c *graphCall) writeCount(items []odata.Entity, q *odata.ListQuery) error {
	n := 0
	for _, e := range items {
		if q.Matches(e) {
			n++
		}
	}
	c.w.Header().Set("Content-Type", "text/plain;charset=utf-8")
	_, _ = c.w.Write([]byte(strconv.Itoa(n)))
	return nil
}

func (s *Server) getUser(c *graphCall) error {
	if err := c.allow(readUsers); err != nil {
		return err
	}
	u, err := c.pathUser()
	if err != nil {
		return err
	}
	return c.writeEntity(u, userKind, "users")
}

// getMe answers GET /me: the signed-in user of a delegated token.
func (s *Server) getMe(c *graphCall) error {
	if !c.p.Delegated() {
		return odata.BadRequest("/me request is only valid with delegated authentication flow.")
	}
	if err := c.allow(readMe); err != nil {
		return err
	}
	u := s.dir.users[c.p.UserID]
	if u == nil {
		return errNotFound(c.p.UserID)
	}
	return c.writeEntity(u, userKind, "users")
}

// writeEntity answers with one object, honouring $select.
func (c *graphCall) writeEntity(e odata.Entity, kind *odata.Kind, set string) error {
	sel, err := odata.ParseSelect(c.r.URL.Query(), kind)
	if err != nil {
		return err
	}
	context := set + "/$entity"
	if len(sel) > 0 {
		context = set + "(" + strings.Join(sel, ",") + ")/$entity"
	}
	out := append(odata.Object{{"@odata.context", c.contextURL(context)}}, odata.Render(e, sel, false)...)
	return c.writeJSON(http.StatusOK, out)
}

// pathUser finds the user the {id} path segment names by id or UPN.
func (c *graphCall) pathUser() (*user, error) {
	id := c.r.PathValue("id")
	u := c.s.dir.findUser(id)
	if u == nil {
		return nil, errNotFound(id)
	}
	return u, nil
}

func (s *Server) createUser(c *graphCall) error {
	if err := c.allow(writeUsers); err != nil {
		return err
	}
	var body map[string]any
	if err := c.decodeBody(&body); err != nil {
		return err
	}
	for _, required := range []string{"accountEnabled", "displayName", "mailNickname", "userPrincipalName", "passwordProfile"} {
		if body[required] == nil {
			return errInvalidProperty(required, "User")
		}
	}
	u := &user{UserType: "Member", ForceChange: true, CreatedDateTime: s.graphNow()}
	if err := s.dir.applyUserChanges(u, body); err != nil {
		return err
	}
	u.ID = s.dir.newObjectID()
	s.dir.users[u.ID] = u
	s.dir.objectsChanged()
	s.dir.recordCreated(u)
	c.w.Header().Set("Location", s.baseURL+c.version+"/directoryObjects/"+u.ID+"/Microsoft.DirectoryServices.User")
	out := append(odata.Object{{"@odata.context", c.contextURL("users/$entity")}}, odata.Render(u, nil, false)...)
	return c.writeJSON(http.StatusCreated, out)
}

func (s *Server) updateUser(c *graphCall) error {
	u, err := c.pathUser()
	if err != nil {
		if aerr := c.allow(readUsers); aerr != nil {
			return aerr
		}
		return err
	}
	var body map[string]any
	if err := c.decodeBody(&body); err != nil {
		return err
	}
	rules := []access{writeUsers}
	if _, ok := body["accountEnabled"]; ok && len(body) == 1 {
		rules = []access{enableDisableUsers}
	}
	_, resetting := body["passwordProfile"]
	switch {
	case resetting && len(body) == 1:
		// A password alone takes the password permission alone.
		rules = []access{resetPasswords}
	case resetting:
		rules = append(rules, resetPasswords)
	}
	for _, rule := range rules {
		if err := c.allow(rule); err != nil {
			return err
		}
	}
	if resetting && !c.mayResetPasswordOf(u) {
		return errInsufficientPrivileges
	}
	changed := *u
	if err := s.dir.applyUserChanges(&changed, body); err != nil {
		return err
	}
	if resetting {
		// A new password ends the sign-ins made with the old one.
		changed.SessionsValidFrom = s.opts.Now()
	}
	s.dir.recordUpdate(u, &changed)
	*u = changed
	return c.noContent()
}

func (s *Server) deleteUser(c *graphCall) error {
	if err := c.allow(deleteUsers); err != nil {
		return err
	}
	u, err := c.pathUser()
	if err != nil {
		return err
	}
	s.dir.deleted[u.ID] = &deletedObject{DeletedAt: s.graphNow(), User: u, MemberOf: s.dir.leaveGroups(u.ID)}
	delete(s.dir.users, u.ID)
	s.dir.objectsChanged()
	s.dir.recordRemoved(false, u.ID)
	return c.noContent()
}

// revokeSignInSessions answers POST /users/{id}/revokeSignInSessions: the
// user's refresh tokens and sessions issued until now stop working. Graph
// answers with a Boolean true.
func (s *Server) revokeSignInSessions(c *graphCall) error {
	if err := c.allow(revokeSessions); err != nil {
		return err
	}
	u, err := c.pathUser()
	if err != nil {
		return err
	}
	u.SessionsValidFrom = s.opts.Now()
	return c.writeJSON(http.StatusOK, odata.Object{{"@odata.context", c.contextURL("Edm.Boolean")}, {"value", true}})
}

// mayResetPasswordOf applies Entra's rule for an administrator's password:
// only a Privileged Authentication Administrator or a Global Administrator
// may reset it, so an app-only caller (which holds no role here) and a
// User Administrator are refused; a member's password any caller with
// the permission may reset.
func (c *graphCall) mayResetPasswordOf(target *user) bool {
	if !target.Admin && target.Role == "" {
		return true
	}
	if !c.p.Delegated() {
		return false
	}
	caller := c.s.dir.users[c.p.UserID]
	return caller != nil && caller.Admin
}

package demotenant

import (
	"cmp"
	"slices"
	"strings"

	"github.com/entra-wizard/entra-wizard/demotenant/odata"
)

// setManagers sets and clears a user's manager: Microsoft Graph's "Assign
// manager" and "Delete manager" references list User.ReadWrite.All, then
// Directory.ReadWrite.All.
var setManagers = access{app: anyOf("User.ReadWrite.All", "Directory.ReadWrite.All"), role: (*user).managesUsers}

// managerRoutes are the manager and direct reports of a user.
func (s *Server) managerRoutes() []graphRoute {
	return []graphRoute{
		{Method: "GET", Path: "/users/{id}/manager", Handler: s.getManager},
		{Method: "PUT", Path: "/users/{id}/manager/$ref", Handler: s.setManager},
		{Method: "DELETE", Path: "/users/{id}/manager/$ref", Handler: s.clearManager},
		{Method: "GET", Path: "/users/{id}/directReports", Handler: s.listDirectReports},
	}
}

// errNoManager is Graph's answer for the manager of a user who has none.
var errNoManager = errNotFound("manager")

// managerOf is u's manager while the manager's account exists: a deleted
// manager manages no one until restored.
func (d *directory) managerOf(u *user) *user {
	if u.Manager == "" {
		return nil
	}
	return d.users[u.Manager]
}

// getManager answers GET /users/{id}/manager with the manager as a user,
// typed as Graph types directory objects.
func (s *Server) getManager(c *graphCall) error {
	if err := c.allow(readUsers); err != nil {
		return err
	}
	u, err := c.pathUser()
	if err != nil {
		return err
	}
	m := s.dir.managerOf(u)
	if m == nil {
		return errNoManager
	}
	sel, err := odata.ParseSelect(c.r.URL.Query(), userKind)
	if err != nil {
		return err
	}
	out := append(odata.Object{{"@odata.context", c.contextURL("directoryObjects/$entity")}}, odata.Render(m, sel, true)...)
	return c.writeJSON(200, out)
}

// setManager answers PUT /users/{id}/manager/$ref with an @odata.id that
// names a user. A user cannot be their own manager.
func (s *Server) setManager(c *graphCall) error {
	if err := c.allow(setManagers); err != nil {
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
	if s.dir.users[id] == nil || id == u.ID { // a group manages no one
		return errInvalidProperty("manager", "User")
	}
	u.Manager = id
	return c.noContent()
}

// clearManager answers DELETE /users/{id}/manager/$ref.
func (s *Server) clearManager(c *graphCall) error {
	if err := c.allow(setManagers); err != nil {
		return err
	}
	u, err := c.pathUser()
	if err != nil {
		return err
	}
	if s.dir.managerOf(u) == nil {
		return errNoManager
	}
	u.Manager = ""
	return c.noContent()
}

// listDirectReports answers GET /users/{id}/directReports: the users whose
// manager the user is, by name.
func (s *Server) listDirectReports(c *graphCall) error {
	if err := c.allow(readUsers); err != nil {
		return err
	}
	u, err := c.pathUser()
	if err != nil {
		return err
	}
	q, err := odata.ParseList(c.r, userKind)
	if err != nil {
		return err
	}
	var reports []*user
	for _, r := range s.dir.users {
		if r.Manager == u.ID {
			reports = append(reports, r)
		}
	}
	slices.SortFunc(reports, func(a, b *user) int {
		return cmp.Or(strings.Compare(strings.ToLower(a.DisplayName), strings.ToLower(b.DisplayName)), strings.Compare(a.ID, b.ID))
	})
	items := make([]odata.Entity, len(reports))
	for i, r := range reports {
		items[i] = r
	}
	return c.writeList(items, q, "directoryObjects", true)
}

// managers gives the seeded members managers, as an organization chart
// would: the first lead (a manager or director) of each department heads
// it and reports to the administrator, and everyone else in the
// department reports to that head. Guests have none.
func (s *seeder) managers() {
	admin := s.order[0]
	heads := map[string]*user{}
	for _, u := range s.order {
		lead := strings.Contains(u.JobTitle, "Manager") || strings.Contains(u.JobTitle, "Director")
		if u != admin && u.UserType == "Member" && lead && heads[u.Department] == nil {
			heads[u.Department] = u
		}
	}
	for _, u := range s.order {
		switch head := heads[u.Department]; {
		case u == admin || u.UserType != "Member":
		case head == u:
			u.Manager = admin.ID
		case head != nil:
			u.Manager = head.ID
		}
	}
}

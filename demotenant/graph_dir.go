package demotenant

import (
	"cmp"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/entra-wizard/entra-wizard/demotenant/odata"
)

// usersByID lists every user in id order, the order of Graph's list
// answers. The list is cached until a user is added or removed.
func (d *directory) usersByID() []odata.Entity {
	if d.userList == nil {
		d.userList = make([]odata.Entity, 0, len(d.users))
		for _, u := range d.users {
			d.userList = append(d.userList, u)
		}
		sortByID(d.userList)
	}
	return d.userList
}

// groupsByID lists every group in id order, cached like usersByID.
func (d *directory) groupsByID() []odata.Entity {
	if d.groupList == nil {
		d.groupList = make([]odata.Entity, 0, len(d.groups))
		for _, g := range d.groups {
			d.groupList = append(d.groupList, g)
		}
		sortByID(d.groupList)
	}
	return d.groupList
}

func sortByID(list []odata.Entity) {
	slices.SortFunc(list, func(a, b odata.Entity) int { return cmp.Compare(a.ObjectID(), b.ObjectID()) })
}

// objectsChanged drops the cached lists after users or groups were added
// or removed.
func (d *directory) objectsChanged() {
	d.userList, d.groupList = nil, nil
}

// graphNow is the current time as Graph stamps objects: UTC, whole seconds.
func (s *Server) graphNow() time.Time {
	return s.opts.Now().UTC().Truncate(time.Second)
}

// findUser finds a user by object id or by user principal name, ignoring
// the case of the name, as Graph's /users/{id | userPrincipalName} does.
func (d *directory) findUser(key string) *user {
	if u := d.users[key]; u != nil {
		return u
	}
	if strings.Contains(key, "@") {
		return d.userByUPN(key)
	}
	return nil
}

// object finds a user or group by id.
func (d *directory) object(id string) odata.Entity {
	if u := d.users[id]; u != nil {
		return u
	}
	if g := d.groups[id]; g != nil {
		return g
	}
	return nil
}

// newObjectID returns the id of a new object: a GUID that is new to the
// tenant and the same on every run that makes the same changes.
func (d *directory) newObjectID() string {
	for {
		d.seq++
		id := stableGUID("object: " + d.tenantID + " " + strconv.Itoa(d.seq))
		if d.object(id) == nil && d.deleted[id] == nil {
			return id
		}
	}
}

// groupsOf lists the groups that have id as a direct member.
func (d *directory) groupsOf(id string) []*group {
	var out []*group
	for _, g := range d.groups {
		if slices.Contains(g.Members, id) {
			out = append(out, g)
		}
	}
	return out
}

// leaveGroups removes id from every group it is a direct member of and
// returns those groups' ids.
func (d *directory) leaveGroups(id string) []string {
	var left []string
	for _, g := range d.groupsOf(id) {
		g.Members = slices.DeleteFunc(g.Members, func(m string) bool { return m == id })
		d.recordMembers(g.ID, nil, []string{id})
		left = append(left, g.ID)
	}
	return left
}

// transitiveGroupsOf lists the groups id belongs to directly or through
// nested groups.
func (d *directory) transitiveGroupsOf(id string) []*group {
	seen := map[string]bool{}
	var out []*group
	queue := []string{id}
	for len(queue) > 0 {
		next := queue[0]
		queue = queue[1:]
		for _, g := range d.groupsOf(next) {
			if !seen[g.ID] {
				seen[g.ID] = true
				out = append(out, g)
				queue = append(queue, g.ID)
			}
		}
	}
	return out
}

// transitiveMembers lists g's members and, for each nested group, its
// members in turn; each object once.
func (d *directory) transitiveMembers(g *group) []odata.Entity {
	seen := map[string]bool{g.ID: true}
	var out []odata.Entity
	queue := []*group{g}
	for len(queue) > 0 {
		next := queue[0]
		queue = queue[1:]
		for _, id := range next.Members {
			if seen[id] {
				continue
			}
			seen[id] = true
			if e := d.object(id); e != nil {
				out = append(out, e)
				if sub, ok := e.(*group); ok {
					queue = append(queue, sub)
				}
			}
		}
	}
	return out
}

package demotenant

import (
	"fmt"
	"slices"
	"sync"
	"time"
)

// otherAdmin is a second administrator working in the tenant in the
// background (Options.OtherAdminEvery), so that a change feed shows
// something happening: one change per tick, through the same bookkeeping
// as the Graph endpoints, so delta queries report it.
type otherAdmin struct {
	stop chan struct{}
	once sync.Once
	done sync.WaitGroup
	// round counts completed cycles; user is the account the current
	// cycle made.
	round int
	step  int
	user  *user
}

// otherAdminSteps is one cycle of the other administrator's work.
var otherAdminSteps = []func(s *Server, a *otherAdmin){
	(*Server).otherAdminCreatesUser,
	(*Server).otherAdminUpdatesUser,
	(*Server).otherAdminAddsMember,
	(*Server).otherAdminUpdatesGroup,
	(*Server).otherAdminRemovesMember,
	(*Server).otherAdminDeletesUser,
}

// startOtherAdmin starts the background administrator if the options ask
// for one; stopOtherAdmin (from Close and Shutdown) ends it.
func (s *Server) startOtherAdmin() {
	s.other.stop = make(chan struct{})
	every := s.opts.OtherAdminEvery
	if every <= 0 {
		return
	}
	s.other.done.Add(1)
	go func() {
		defer s.other.done.Done()
		t := time.NewTicker(every)
		defer t.Stop()
		for {
			select {
			case <-s.other.stop:
				return
			case <-t.C:
				s.otherAdminStep()
			}
		}
	}()
}

func (s *Server) stopOtherAdmin() {
	s.other.once.Do(func() {
		if s.other.stop != nil {
			close(s.other.stop)
		}
	})
	s.other.done.Wait()
}

// otherAdminStep makes the next change of the cycle.
func (s *Server) otherAdminStep() {
	s.mu.Lock()
	defer s.mu.Unlock()
	a := &s.other
	otherAdminSteps[a.step](s, a)
	a.step++
	if a.step == len(otherAdminSteps) {
		a.step, a.round = 0, a.round+1
	}
}

func (s *Server) otherAdminCreatesUser(a *otherAdmin) {
	n := a.round + 1
	nick := fmt.Sprintf("temp.worker%d", n)
	u := &user{DisplayName: fmt.Sprintf("Temporary Worker %d", n), GivenName: "Temporary", Surname: fmt.Sprintf("Worker %d", n),
		UserPrincipalName: nick + "@" + s.dir.tenantDomain, MailNickname: nick, AccountEnabled: true,
		UserType: "Member", UsageLocation: "US", CreatedDateTime: s.graphNow(), ForceChange: true}
	if s.dir.userByUPN(u.UserPrincipalName) != nil {
		return
	}
	u.ID = s.dir.newObjectID()
	s.dir.users[u.ID] = u
	s.dir.objectsChanged()
	s.dir.recordCreated(u)
	a.user = u
}

func (s *Server) otherAdminUpdatesUser(a *otherAdmin) {
	if u := s.otherAdminUser(a); u != nil {
		before := *u
		u.JobTitle, u.Department = "Seasonal Assistant", "Operations"
		s.dir.recordUpdate(&before, u)
	}
}

func (s *Server) otherAdminAddsMember(a *otherAdmin) {
	u, g := s.otherAdminUser(a), s.otherAdminGroup()
	if u != nil && g != nil && !slices.Contains(g.Members, u.ID) {
		g.Members = append(g.Members, u.ID)
		s.dir.recordMembers(g.ID, []string{u.ID}, nil)
	}
}

func (s *Server) otherAdminUpdatesGroup(a *otherAdmin) {
	if g := s.otherAdminGroup(); g != nil {
		before := *g
		g.Description = fmt.Sprintf("Reviewed by the operations team (round %d)", a.round+1)
		s.dir.recordUpdate(&before, g)
	}
}

func (s *Server) otherAdminRemovesMember(a *otherAdmin) {
	u, g := s.otherAdminUser(a), s.otherAdminGroup()
	if u != nil && g != nil && slices.Contains(g.Members, u.ID) {
		g.Members = slices.DeleteFunc(g.Members, func(m string) bool { return m == u.ID })
		s.dir.recordMembers(g.ID, nil, []string{u.ID})
	}
}

func (s *Server) otherAdminDeletesUser(a *otherAdmin) {
	u := s.otherAdminUser(a)
	if u == nil {
		return
	}
	s.dir.deleted[u.ID] = &deletedObject{DeletedAt: s.graphNow(), User: u, MemberOf: s.dir.leaveGroups(u.ID)}
	delete(s.dir.users, u.ID)
	s.dir.objectsChanged()
	s.dir.recordRemoved(false, u.ID)
	a.user = nil
}

// otherAdminUser is the account of the current cycle, if it still exists.
func (s *Server) otherAdminUser(a *otherAdmin) *user {
	if a.user == nil || s.dir.users[a.user.ID] != a.user {
		return nil
	}
	return a.user
}

// otherAdminGroup is the group the other administrator looks after: the
// first in id order.
func (s *Server) otherAdminGroup() *group {
	if list := s.dir.groupsByID(); len(list) > 0 {
		return list[0].(*group)
	}
	return nil
}

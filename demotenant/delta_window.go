package demotenant

import "slices"

// pendingChange is what a delta round reports about one object: the sum of
// the log entries about it inside the round's window.
type pendingChange struct {
	id      string
	created bool // new (or restored) inside the window: sent whole
	removed bool // gone at the window's end
	props   []string
	// members maps a member id to +1 (added) or -1 (removed); an add and a
	// remove of the same member inside the window cancel out.
	members     map[string]int
	memberOrder []string
}

// pendingChanges sums the entries in positions (from, to] about users, or
// groups when groups is set, in the order each object first changed.
func (l *changeLog) pendingChanges(groups bool, from, to int) []*pendingChange {
	byID := map[string]*pendingChange{}
	var order []*pendingChange
	for _, e := range l.entries[from:to] {
		if e.group != groups {
			continue
		}
		pc := byID[e.id]
		if pc == nil {
			pc = &pendingChange{id: e.id, members: map[string]int{}}
			byID[e.id] = pc
			order = append(order, pc)
		}
		pc.apply(e)
	}
	return order
}

func (pc *pendingChange) apply(e changeEntry) {
	switch e.op {
	case opCreated:
		pc.created, pc.removed = true, false
		pc.props = nil
	case opRemoved:
		pc.created, pc.removed = false, true
		pc.props = nil
		clear(pc.members)
		pc.memberOrder = nil
	case opUpdated:
		for _, p := range e.props {
			if !slices.Contains(pc.props, p) {
				pc.props = append(pc.props, p)
			}
		}
		pc.addMembers(e.added, 1)
		pc.addMembers(e.removed, -1)
	}
}

func (pc *pendingChange) addMembers(ids []string, sign int) {
	for _, id := range ids {
		if _, seen := pc.members[id]; !seen {
			pc.memberOrder = append(pc.memberOrder, id)
		}
		pc.members[id] += sign
	}
}

// memberChanges lists the net membership changes: ids added and removed.
func (pc *pendingChange) memberChanges() (added, removed []string) {
	for _, id := range pc.memberOrder {
		switch n := pc.members[id]; {
		case n > 0:
			added = append(added, id)
		case n < 0:
			removed = append(removed, id)
		}
	}
	return added, removed
}

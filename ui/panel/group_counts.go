package panel

import (
	"context"

	"github.com/entra-wizard/entra-wizard/graph"
)

// memberCounts are the groups' member counts the groups list shows, read
// as their rows are drawn: Graph's groups carry no count, and asking for
// every group up front would cost a request per group of the tenant.
type memberCounts struct {
	known   map[string]int
	pending map[string]bool
}

// rowWithCount is a group's line with its number of direct members once
// known; drawing a row whose count is unknown asks for it.
func (t *groupsTab) rowWithCount(g graph.Group) string {
	row := groupRow(g)
	if n, ok := t.counts.known[g.ID]; ok {
		return row + " · " + count(n, "member", "members")
	}
	t.countMembers(g.ID)
	return row
}

// countMembers reads a group's member count in the background and draws
// the rows again once it is known. A count that cannot be read is left
// out: the group's details say why when it is opened.
func (t *groupsTab) countMembers(id string) {
	s := t.s
	if s == nil || t.counts.pending[id] {
		return
	}
	t.counts.pending[id] = true
	var n int
	t.p.background(s, func(ctx context.Context) (err error) {
		n, err = s.client.MemberCount(ctx, id)
		return err
	}, func(err error) {
		if err != nil {
			return
		}
		t.counts.known[id] = n
		t.list.list.Refresh()
	})
}

// resetCounts forgets the counts: a new connection, or members changed.
func (t *groupsTab) resetCounts() {
	t.counts = memberCounts{known: map[string]int{}, pending: map[string]bool{}}
}

// forgetCount drops one group's count, whose members changed, so that
// its row asks again.
func (t *groupsTab) forgetCount(id string) {
	delete(t.counts.known, id)
	delete(t.counts.pending, id)
	t.list.list.Refresh()
}

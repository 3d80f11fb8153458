package panel

import (
	"context"
	"fmt"

	"github.com/entra-wizard/entra-wizard/graph"
)

// rowAt is the line of row id: the users come first, then the groups.
func (t *deletedTab) rowAt(id int) string {
	if id < len(t.users) {
		return t.row(t.users[id])
	}
	if id -= len(t.users); id < len(t.groups) {
		return t.groupRow(t.groups[id])
	}
	return ""
}

// groupRow says which group was deleted and how long it can still be
// restored.
func (t *deletedTab) groupRow(g graph.DeletedGroup) string {
	left := restoreDays - int(t.now().Sub(g.DeletedDateTime).Hours()/24)
	return fmt.Sprintf("%s (Microsoft 365 group) · %d days left to restore", g.DisplayName, max(left, 0))
}

// deletedCount says how many users and groups are in the recycle bin, and
// why the groups are missing when they could not be read.
func deletedCount(users, groups int, groupsErr error) string {
	text := "No deleted users or groups."
	if users+groups > 0 {
		text = count(users, "deleted user", "deleted users") + ", " + count(groups, "deleted group", "deleted groups")
	}
	if groupsErr != nil {
		text += " " + deniedLine("The deleted groups", "list the deleted groups", groupsErr)
	}
	return text
}

// onRestoreGroup brings the chosen Microsoft 365 group back, with its
// members, and shows it in the groups list.
func (t *deletedTab) onRestoreGroup() {
	i := t.selected - len(t.users)
	if t.selected < 0 || i < 0 || i >= len(t.groups) {
		return
	}
	g := t.groups[i]
	var restored graph.Group
	t.restoreOne(t.restoreGroup, g.DisplayName, func(ctx context.Context, c *graph.Client) (err error) {
		restored, err = c.RestoreGroup(ctx, g.ID)
		return err
	}, func() {
		t.status.SetText(g.DisplayName + " was restored, with its members.")
		t.p.groups.list.prepend(restored)
	})
}

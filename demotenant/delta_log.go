package demotenant

import (
	"crypto/rand"
	"encoding/hex"
	"reflect"
	"slices"

	"github.com/entra-wizard/entra-wizard/demotenant/odata"
)

// The change log is what delta queries read: every create, update, delete,
// restore and membership change made through the tenant's own endpoints is
// appended to it, numbered. A delta token is a position in the log, so a
// delta round answers exactly the changes after that position.

type changeOp int

const (
	opCreated changeOp = iota + 1 // a new object, or one restored from the deleted items
	opUpdated
	opRemoved // soft-deleted or deleted for good; delta tells which from the deleted items
)

// changeEntry is one change to one user or group.
type changeEntry struct {
	group bool // a group; otherwise a user
	id    string
	op    changeOp
	// props are the properties an update changed.
	props []string
	// added and removed are the member ids a membership change touched.
	added, removed []string
}

// changeLog holds the entries in order; entry i has position i+1.
type changeLog struct {
	// generation names this run of the tenant: tokens of another run are
	// unknown to it, as a token Graph no longer holds the state for.
	generation string
	entries    []changeEntry
	// bornAt is the position of each object's creation, for objects made
	// after the tenant started; a baseline leaves out objects born after
	// its own position.
	bornAt map[string]int
}

// changes returns the directory's change log, starting it on first use.
func (d *directory) changes() *changeLog {
	if d.changeLog == nil {
		b := make([]byte, 8)
		_, _ = rand.Read(b)
		d.changeLog = &changeLog{generation: hex.EncodeToString(b), bornAt: map[string]int{}}
	}
	return d.changeLog
}

// position is the number of changes recorded so far.
func (l *changeLog) position() int { return len(l.entries) }

func (l *changeLog) add(e changeEntry) {
	l.entries = append(l.entries, e)
	if e.op == opCreated {
		l.bornAt[e.id] = len(l.entries)
	}
}

// recordCreated notes a new or restored user or group.
func (d *directory) recordCreated(e odata.Entity) {
	d.changes().add(changeEntry{group: e.Kind() == groupKind, id: e.ObjectID(), op: opCreated})
}

// recordRemoved notes a user or group deleted, softly or for good.
func (d *directory) recordRemoved(group bool, id string) {
	d.changes().add(changeEntry{group: group, id: id, op: opRemoved})
}

// recordUpdate notes the properties in which after differs from before,
// two states of the same object; nothing if none differs.
func (d *directory) recordUpdate(before, after odata.Entity) {
	var props []string
	for _, p := range after.Kind().Properties {
		if !reflect.DeepEqual(before.Property(p), after.Property(p)) {
			props = append(props, p)
		}
	}
	if len(props) > 0 {
		d.changes().add(changeEntry{group: after.Kind() == groupKind, id: after.ObjectID(), op: opUpdated, props: props})
	}
}

// recordMembers notes members added to and removed from group id.
func (d *directory) recordMembers(id string, added, removed []string) {
	if len(added)+len(removed) > 0 {
		d.changes().add(changeEntry{group: true, id: id, op: opUpdated,
			added: slices.Clone(added), removed: slices.Clone(removed)})
	}
}

package graph

import (
	"slices"
	"time"
)

// Kinds of change, named as automation triggers name them.
const (
	UserCreated  = "user.created"
	UserUpdated  = "user.updated"
	UserDeleted  = "user.deleted"
	GroupCreated = "group.created"
	GroupUpdated = "group.updated"
	GroupDeleted = "group.deleted"
)

// MembersChanged is the name Change.Changed uses for a group's membership.
const MembersChanged = "members"

// Change is one event of the change feed. Its JSON form is the line
// `entra-wizard changes --json` prints.
type Change struct {
	// Type is one of UserCreated ... GroupDeleted.
	Type        string `json:"type"`
	ID          string `json:"id"`
	DisplayName string `json:"displayName"`
	// Changed names the properties an update changed, with "members" for
	// a group's membership; empty for creations and deletions.
	Changed    []string  `json:"changed"`
	ObservedAt time.Time `json:"observedAt"`
}

// Group reports whether the change is about a group rather than a user.
func (c Change) Group() bool {
	return c.Type == GroupCreated || c.Type == GroupUpdated || c.Type == GroupDeleted
}

// Deleted reports whether the change removed the object.
func (c Change) Deleted() bool { return c.Type == UserDeleted || c.Type == GroupDeleted }

// Known maps the id of every object the feed has seen to its display name:
// it tells a new object from an updated one, and names deleted ones (a
// deletion carries only the id).
type Known map[string]string

// Absorb records a baseline round's objects without reporting them.
func (k Known) Absorb(items []DeltaItem) {
	for _, it := range items {
		if it.Removed != "" {
			delete(k, it.ID)
			continue
		}
		k[it.ID] = it.DisplayName
	}
}

// Classify turns a delta round's objects into events and brings k up to
// date: an object k does not know was created, one it knows was updated
// (in the properties the round names), and a removed one was deleted.
func (k Known) Classify(coll Collection, items []DeltaItem, at time.Time) []Change {
	kinds := changeKinds[coll]
	at = at.UTC().Truncate(time.Second)
	var out []Change
	for _, it := range items {
		name, known := k[it.ID]
		ch := Change{ID: it.ID, DisplayName: name, Changed: []string{}, ObservedAt: at}
		switch {
		case it.Removed != "":
			ch.Type = kinds[2]
			delete(k, it.ID)
		case !known:
			ch.Type, ch.DisplayName = kinds[0], it.DisplayName
			k[it.ID] = it.DisplayName
		default:
			ch.Type = kinds[1]
			ch.Changed = slices.Clone(it.Properties)
			if len(it.Added)+len(it.Left) > 0 {
				ch.Changed = append(ch.Changed, MembersChanged)
			}
			if len(ch.Changed) == 0 {
				continue
			}
			if slices.Contains(it.Properties, "displayName") {
				ch.DisplayName = it.DisplayName
				k[it.ID] = it.DisplayName
			}
		}
		out = append(out, ch)
	}
	return out
}

// changeKinds are each collection's created, updated and deleted kinds.
var changeKinds = map[Collection][3]string{
	Users:  {UserCreated, UserUpdated, UserDeleted},
	Groups: {GroupCreated, GroupUpdated, GroupDeleted},
}

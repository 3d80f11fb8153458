package demotenant

import (
	"cmp"
	"slices"

	"github.com/entra-wizard/entra-wizard/demotenant/odata"
)

// deltaPage is one page of a delta round: the objects, and the state the
// next page starts from (nil on the round's last page).
type deltaPage struct {
	items  []odata.Object
	next   *deltaState
	lastID string // the last object a baseline page holds
}

// baselinePage lists the objects that existed at the round's position, in
// id order, from the one after st.After: whole, and groups with all their
// members when members were selected.
func (s *Server) baselinePage(st deltaState, size int) deltaPage {
	all := s.dir.usersByID()
	if st.Groups {
		all = s.dir.groupsByID()
	}
	start, _ := slices.BinarySearchFunc(all, st.After, func(e odata.Entity, id string) int {
		if c := cmp.Compare(e.ObjectID(), id); c != 0 || id == "" {
			return c
		}
		return -1 // the token's own object was sent already
	})
	born := s.dir.changes().bornAt
	var page deltaPage
	for _, e := range all[start:] {
		if at, ok := born[e.ObjectID()]; ok && at > st.To {
			continue // made after the baseline's position: the next round has it
		}
		if len(page.items) == size {
			next := st
			next.After = page.lastID
			page.next = &next
			break
		}
		obj := renderWithID(e, st.selection())
		if g, ok := e.(*group); ok && st.Members {
			obj = append(obj, odata.Field{"members@delta", s.dir.memberRefs(g.Members, false)})
		}
		page.items = append(page.items, obj)
		page.lastID = e.ObjectID()
	}
	return page
}

// changesPage reports the objects that changed in the log window (From, To],
// from the st.Offset-th on. Objects made or restored in the window come
// whole; updated ones with their changed properties when the client prefers
// return=minimal, else whole; deleted ones as @removed.
func (s *Server) changesPage(st deltaState, size int, minimal bool) deltaPage {
	pending := s.dir.changes().pendingChanges(st.Groups, st.From, st.To)
	end := min(st.Offset+size, len(pending))
	var page deltaPage
	for _, pc := range pending[st.Offset:end] {
		if obj := s.renderChange(st, pc, minimal); obj != nil {
			page.items = append(page.items, obj)
		}
	}
	if end < len(pending) {
		next := st
		next.Offset = end
		page.next = &next
	}
	return page
}

// renderChange writes one changed object as the round reports it, or nil
// when nothing the client selected changed.
func (s *Server) renderChange(st deltaState, pc *pendingChange, minimal bool) odata.Object {
	e := s.dir.object(pc.id)
	if pc.removed {
		reason := "deleted"
		if s.dir.deleted[pc.id] != nil {
			reason = "changed" // in the deleted items, can be restored
		}
		return odata.Object{{"id", pc.id}, {"@removed", odata.Object{{"reason", reason}}}}
	}
	if e == nil {
		return nil // deleted after the window closed: the next round says so
	}
	g, _ := e.(*group)
	if pc.created {
		obj := renderWithID(e, st.selection())
		if g != nil && st.Members {
			obj = append(obj, odata.Field{"members@delta", s.dir.memberRefs(g.Members, false)})
		}
		return obj
	}
	var obj odata.Object
	sel := st.selection()
	if minimal {
		obj = odata.Object{{"id", pc.id}}
		for _, p := range pc.props {
			if len(sel) == 0 && slices.Contains(e.Kind().Defaults, p) || slices.Contains(sel, p) {
				obj = append(obj, odata.Field{p, odata.Value(e.Property(p))})
			}
		}
	} else {
		obj = renderWithID(e, sel)
	}
	added, removed := pc.memberChanges()
	if g != nil && st.Members && len(added)+len(removed) > 0 {
		refs := append(s.dir.memberRefs(added, false), s.dir.memberRefs(removed, true)...)
		return append(obj, odata.Field{"members@delta", refs})
	}
	if minimal && len(obj) == 1 {
		return nil
	}
	if !minimal && !s.selectedChanged(sel, e.Kind(), pc.props) {
		return nil
	}
	return obj
}

// renderWithID renders e with the selected properties and always its id,
// as delta answers carry it whatever $select says.
func renderWithID(e odata.Entity, sel []string) odata.Object {
	obj := odata.Render(e, sel, false)
	if len(sel) > 0 && !slices.Contains(sel, "id") {
		obj = append(odata.Object{{"id", e.ObjectID()}}, obj...)
	}
	return obj
}

// selectedChanged reports whether one of props is among the selected
// properties (the kind's defaults when none were selected).
func (s *Server) selectedChanged(sel []string, kind *odata.Kind, props []string) bool {
	if len(sel) == 0 {
		sel = kind.Defaults
	}
	for _, p := range props {
		if slices.Contains(sel, p) {
			return true
		}
	}
	return false
}

// memberRefs writes members@delta entries: type and id, with @removed for
// members that left.
func (d *directory) memberRefs(ids []string, removed bool) []odata.Object {
	out := make([]odata.Object, 0, len(ids))
	for _, id := range ids {
		typ := userKind.ODataType
		if d.groups[id] != nil || (d.deleted[id] != nil && d.deleted[id].Group != nil) {
			typ = groupKind.ODataType
		}
		ref := odata.Object{{"@odata.type", typ}, {"id", id}}
		if removed {
			ref = append(ref, odata.Field{"@removed", odata.Object{{"reason", "deleted"}}})
		}
		out = append(out, ref)
	}
	return out
}

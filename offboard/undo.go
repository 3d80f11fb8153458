package offboard

import (
	"context"
	"errors"
	"fmt"

	"github.com/entra-wizard/entra-wizard/graph"
)

// ErrNoRecord: the user has no offboarding record, so there is nothing to
// undo.
var ErrNoRecord = errors.New("there is no offboarding of this user to undo")

// UndoResult says what Undo put back and what it could not.
type UndoResult struct {
	User graph.User
	// Restored names the licenses, groups and ownerships put back (or
	// found back already).
	Restored []string
	// NotRestored says, for each thing that could not be put back, why.
	NotRestored []string
	// SignIn says what became of sign-in: "allowed", or why not.
	SignIn string
	// Kept is true when the record stays, because something may still be
	// put back by trying again (a refusal that can pass, a network
	// failure). A group deleted meanwhile is not among those.
	Kept bool
}

// Undo puts back exactly what the user's offboarding record says was
// removed (licenses, memberships, ownerships), then allows sign-in again
// if it was allowed before, then removes the record. Things the user
// gained since are left as they are. A signed-out session or a reset
// password cannot be given back.
func (o *Offboarder) Undo(ctx context.Context, idOrUPN string) (*UndoResult, error) {
	u, err := o.Client.User(ctx, idOrUPN)
	if errors.Is(err, graph.ErrNotFound) {
		return nil, fmt.Errorf("%s: %w; if they were deleted, restore them from Deleted users first", idOrUPN, ErrUserGone)
	}
	if err != nil {
		return nil, err
	}
	rec, err := o.Store.Load(o.Connection, u.ID)
	if err != nil {
		return nil, err
	}
	if rec == nil {
		return nil, ErrNoRecord
	}
	res := &UndoResult{User: u}
	retry := false
	note := func(name string, err error) {
		switch {
		case err == nil || errors.Is(err, graph.ErrConflict):
			res.Restored = append(res.Restored, name)
			return
		case errors.Is(err, graph.ErrNotFound):
			res.NotRestored = append(res.NotRestored, name+": it no longer exists")
			return
		}
		retry = true
		res.NotRestored = append(res.NotRestored, name+": "+Reason(err))
	}
	for _, it := range rec.Licenses {
		if it.Removed {
			note("license "+it.Name, o.Client.AssignLicense(ctx, u.ID, it.ID))
		}
	}
	for _, it := range rec.Groups {
		if it.Removed {
			note("member of "+it.Name, o.Client.AddMember(ctx, it.ID, u.ID))
		}
	}
	for _, it := range rec.Owned {
		if it.Removed {
			note("owner of "+it.Name, o.Client.AddOwner(ctx, it.ID, u.ID))
		}
	}
	switch {
	case !rec.WasEnabled:
		res.SignIn = "sign-in stays blocked, as it was before the offboarding"
	case u.AccountEnabled:
		res.SignIn = "allowed"
	default:
		if err := o.Client.SetAccountEnabled(ctx, u.ID, true); err != nil {
			retry = true
			res.SignIn = "still blocked: " + Reason(err)
		} else {
			res.SignIn = "allowed"
		}
	}
	if ctx.Err() != nil {
		return res, ctx.Err()
	}
	if retry {
		res.Kept = true
		return res, nil
	}
	return res, o.Store.Remove(o.Connection, u.ID)
}

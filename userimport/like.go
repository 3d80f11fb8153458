package userimport

import (
	"context"
	"errors"

	"github.com/entra-wizard/entra-wizard/graph"
)

// Likeness is what a new user can take from an existing one besides the
// profile fields: the groups they are a direct member of, their licenses
// and their manager. The admin leaves out what the new user should not
// have before calling CreateLike.
type Likeness struct {
	From     graph.User
	Groups   []graph.Group
	Licenses []graph.License
	Manager  *graph.User // nil when From has none
}

// ReadLikeness reads from's direct groups, licenses and manager.
func ReadLikeness(ctx context.Context, c *graph.Client, from graph.User) (Likeness, error) {
	l := Likeness{From: from}
	var err error
	if l.Groups, err = c.UserGroups(ctx, from.ID); err != nil {
		return l, err
	}
	if l.Licenses, err = c.UserLicenses(ctx, from.ID); err != nil {
		return l, err
	}
	switch m, err := c.Manager(ctx, from.ID); {
	case err == nil:
		l.Manager = &m
	case !errors.Is(err, graph.ErrNoManager):
		return l, err
	}
	return l, nil
}

// LikeStep is one part of a likeness given to the new user, and how it
// went.
type LikeStep struct {
	What string // e.g. "membership of Sales"
	Err  error
}

// CreateLike creates nu and then gives it l's groups, licenses and
// manager, one after the other. A part Graph refuses is reported in its
// step and the others are still done; once the user exists it is kept.
func CreateLike(ctx context.Context, c *graph.Client, nu graph.NewUser, l Likeness) (graph.User, []LikeStep, error) {
	u, err := c.CreateUser(ctx, nu)
	if err != nil {
		return u, nil, err
	}
	var steps []LikeStep
	for _, g := range l.Groups {
		steps = append(steps, LikeStep{"membership of " + g.DisplayName, c.AddMember(ctx, g.ID, u.ID)})
	}
	for _, lic := range l.Licenses {
		steps = append(steps, LikeStep{"the license " + lic.ProductName, c.AssignLicense(ctx, u.ID, lic.SKUID)})
	}
	if l.Manager != nil {
		steps = append(steps, LikeStep{l.Manager.DisplayName + " as manager", c.SetManager(ctx, u.ID, l.Manager.ID)})
	}
	return u, steps, nil
}

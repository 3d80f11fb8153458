package graph

import (
	"context"
	"errors"

	"github.com/microsoftgraph/msgraph-sdk-go/models"
	"github.com/microsoftgraph/msgraph-sdk-go/users"
)

// Manager reads a user's manager (GET /users/{id}/manager); ok is false
// when the user has none, which Graph answers with 404. A manager that is
// an organizational contact rather than a user is returned with its ID
// and name only.
func (c *Client) Manager(ctx context.Context, userID string) (manager User, ok bool, err error) {
	if err := noID("read the manager", userID); err != nil {
		return User{}, false, err
	}
	o, err := c.sdk().Users().ByUserId(userID).Manager().Get(ctx, &users.ItemManagerRequestBuilderGetRequestConfiguration{})
	if err != nil {
		err = fail(err, "read the manager", needReadUsers...)
		if errors.Is(err, ErrNotFound) && !errors.Is(err, ErrDenied) {
			return User{}, false, nil
		}
		return User{}, false, err
	}
	if u, isUser := o.(models.Userable); isUser {
		return toUser(u), true, nil
	}
	if o == nil {
		return User{}, false, nil
	}
	return User{ID: deref(o.GetId())}, true, nil
}

// SetManager makes managerID the user's manager (PUT
// /users/{id}/manager/$ref).
func (c *Client) SetManager(ctx context.Context, userID, managerID string) error {
	if err := noID("set the manager", userID, managerID); err != nil {
		return err
	}
	ref := models.NewReferenceUpdate()
	ref.SetOdataId(ptr(c.objectURL(managerID)))
	err := c.sdk().Users().ByUserId(userID).Manager().Ref().Put(ctx, ref, nil)
	return fail(err, "set the manager", needManageUsers...)
}

package graph

import (
	"context"
	"errors"
	"fmt"

	abstractions "github.com/microsoft/kiota-abstractions-go"
	"github.com/microsoftgraph/msgraph-sdk-go/models"
	"github.com/microsoftgraph/msgraph-sdk-go/users"
)

// Permissions of the manager operations (Microsoft Graph's "List manager",
// "List directReports", "Assign manager" and "Delete manager" references,
// least privileged first).
var (
	needReadManager = []string{"User.Read.All", "User.ReadWrite.All", "Directory.Read.All"}
	needSetManager  = []string{"User.ReadWrite.All", "Directory.ReadWrite.All"}
)

// ErrNoManager says the user has no manager: Graph answers GET
// /users/{id}/manager with 404 Request_ResourceNotFound then.
var ErrNoManager = errors.New("the user has no manager")

// ErrOwnManager refuses making a user their own manager before anything is
// sent; Entra refuses it too.
var ErrOwnManager = errors.New("a user cannot be their own manager")

// Manager reads the user's manager. A user without one gives ErrNoManager
// (the user exists, the manager does not); a user that does not exist
// gives ErrNotFound.
func (c *Client) Manager(ctx context.Context, userID string) (User, error) {
	if err := noID("read the user's manager", userID); err != nil {
		return User{}, err
	}
	o, err := c.sdk().Users().ByUserId(userID).Manager().Get(ctx, &users.ItemManagerRequestBuilderGetRequestConfiguration{
		QueryParameters: &users.ItemManagerRequestBuilderGetQueryParameters{Select: userFields},
	})
	if err == nil && o == nil {
		err = errEmptyAnswer
	}
	if err != nil {
		err = fail(err, "read the user's manager", needReadManager...)
		if e, ok := AsError(err); ok && errors.Is(e, ErrNotFound) && e.has("'manager'") {
			return User{}, fmt.Errorf("graph: read the user's manager: %w", ErrNoManager)
		}
		return User{}, err
	}
	return directoryPerson(o), nil
}

// SetManager makes managerID the manager of userID, replacing any manager
// the user had.
func (c *Client) SetManager(ctx context.Context, userID, managerID string) error {
	if err := noID("set the user's manager", userID, managerID); err != nil {
		return err
	}
	if userID == managerID {
		return fmt.Errorf("graph: set the user's manager: %w", ErrOwnManager)
	}
	ref := models.NewReferenceUpdate()
	ref.SetOdataId(ptr(c.objectURL(managerID)))
	err := c.sdk().Users().ByUserId(userID).Manager().Ref().Put(ctx, ref, nil)
	return fail(err, "set the user's manager", needSetManager...)
}

// ClearManager removes the user's manager; the manager's account stays.
func (c *Client) ClearManager(ctx context.Context, userID string) error {
	if err := noID("clear the user's manager", userID); err != nil {
		return err
	}
	err := c.sdk().Users().ByUserId(userID).Manager().Ref().Delete(ctx, nil)
	return fail(err, "clear the user's manager", needSetManager...)
}

// DirectReports lists the people whose manager the user is, every page.
func (c *Client) DirectReports(ctx context.Context, userID string) ([]User, error) {
	const action = "list the user's direct reports"
	if err := noID(action, userID); err != nil {
		return nil, err
	}
	return listPages(c, func(ctx context.Context) (*abstractions.RequestInformation, error) {
		return c.sdk().Users().ByUserId(userID).DirectReports().ToGetRequestInformation(ctx,
			&users.ItemDirectReportsRequestBuilderGetRequestConfiguration{
				QueryParameters: &users.ItemDirectReportsRequestBuilderGetQueryParameters{Select: userFields},
			})
	}, wireUser.user, action, needReadManager).All(ctx)
}

// directoryPerson is a manager or direct report as a User: a user, or an
// organizational contact (a person outside the directory, who has a name
// and a mail address but no account).
func directoryPerson(o models.DirectoryObjectable) User {
	switch p := o.(type) {
	case models.Userable:
		return toUser(p)
	case models.OrgContactable:
		return User{ID: deref(p.GetId()), DisplayName: deref(p.GetDisplayName()), Mail: deref(p.GetMail()), UserType: "Contact"}
	}
	return User{ID: deref(o.GetId())}
}

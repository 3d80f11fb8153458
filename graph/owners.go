package graph

import (
	"context"
	"errors"
	"net/http"

	abstractions "github.com/microsoft/kiota-abstractions-go"
	"github.com/microsoftgraph/msgraph-sdk-go/groups"
	"github.com/microsoftgraph/msgraph-sdk-go/models"
	"github.com/microsoftgraph/msgraph-sdk-go/users"
)

// Permissions the owner operations need, after Microsoft Graph's API
// reference: "List owners" reads with the group-reading permissions, "Add
// owners" and "Remove group owner" need Group.ReadWrite.All (or
// Directory.ReadWrite.All), and "List ownedObjects" reads users.
var (
	needReadOwners   = needReadMembers
	needManageOwners = []string{"Group.ReadWrite.All", "Directory.ReadWrite.All"}
	needOwnedGroups  = []string{"User.Read.All", "User.ReadWrite.All", "Directory.Read.All"}
)

// ErrLastOwner: Graph refuses to remove the last owner of a group ("once
// owners are assigned to a group, the last owner of the group cannot be
// removed").
var ErrLastOwner = errors.New("the last owner of a group cannot be removed")

// isLastOwner reports whether e is Graph's refusal to remove a group's last
// owner.
func (e *Error) isLastOwner() bool {
	return e.Status == http.StatusBadRequest && (e.has("at least one owner") || e.has("last owner"))
}

// Owners lists a group's owners: the users (and service principals) who
// may change it.
func (c *Client) Owners(ctx context.Context, groupID string) ([]Member, error) {
	const action = "list the group's owners"
	return listPages(c, func(ctx context.Context) (*abstractions.RequestInformation, error) {
		if err := noID(action, groupID); err != nil {
			return nil, err
		}
		return c.sdk().Groups().ByGroupId(groupID).Owners().ToGetRequestInformation(ctx, &groups.ItemOwnersRequestBuilderGetRequestConfiguration{
			QueryParameters: &groups.ItemOwnersRequestBuilderGetQueryParameters{Select: memberFields},
		})
	}, wireMember.member, action, needReadOwners).All(ctx)
}

// OwnedGroups lists the groups a user owns.
func (c *Client) OwnedGroups(ctx context.Context, userID string) ([]Group, error) {
	const action = "list the groups the user owns"
	return listPages(c, func(ctx context.Context) (*abstractions.RequestInformation, error) {
		if err := noID(action, userID); err != nil {
			return nil, err
		}
		return c.sdk().Users().ByUserId(userID).OwnedObjects().GraphGroup().ToGetRequestInformation(ctx, &users.ItemOwnedObjectsGraphGroupRequestBuilderGetRequestConfiguration{
			QueryParameters: &users.ItemOwnedObjectsGraphGroupRequestBuilderGetQueryParameters{Select: groupFields},
		})
	}, wireGroup.group, action, needOwnedGroups).All(ctx)
}

// AddOwner makes a user an owner of a group. One who already is one is
// refused by Graph with 400 "already exist" (ErrConflict).
func (c *Client) AddOwner(ctx context.Context, groupID, userID string) error {
	if err := noID("add the owner", groupID, userID); err != nil {
		return err
	}
	ref := models.NewReferenceCreate()
	ref.SetOdataId(ptr(c.baseURL + "/users/" + userID))
	err := c.sdk().Groups().ByGroupId(groupID).Owners().Ref().Post(ctx, ref, nil)
	return fail(err, "add the owner", needManageOwners...)
}

// RemoveOwner takes a user's ownership of a group. Graph refuses to remove
// the last owner (ErrLastOwner).
func (c *Client) RemoveOwner(ctx context.Context, groupID, userID string) error {
	if err := noID("remove the owner", groupID, userID); err != nil {
		return err
	}
	err := c.sdk().Groups().ByGroupId(groupID).Owners().ByDirectoryObjectId(userID).Ref().Delete(ctx, nil)
	return fail(err, "remove the owner", needManageOwners...)
}

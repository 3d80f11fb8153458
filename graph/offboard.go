package graph

import (
	"context"
	"net/url"

	"github.com/google/uuid"
	"github.com/microsoftgraph/msgraph-sdk-go/models"
	"github.com/microsoftgraph/msgraph-sdk-go/users"
)

// The calls below take many things from one user at once, in as few
// requests as Graph allows, for offboarding.

// LeaveGroups removes a user from each of the groups, 20 per $batch
// request. A group the user was no longer in counts as done. Results are
// in the order of groupIDs, each with the group's ID.
func (c *Client) LeaveGroups(ctx context.Context, userID string, groupIDs []string, progress func(done, total int)) []ItemResult {
	if err := noID("remove the user from the groups", userID); err != nil {
		return failAll(groupIDs, err, progress)
	}
	return c.deleteInBatches(ctx, batchDeletes{action: "remove the member", needs: needManageMembers,
		path: func(groupID string) string { return memberRefPath(groupID, userID) }}, groupIDs, progress)
}

// GiveUpOwnerships removes a user as owner of each of the groups, 20 per
// $batch request. Results are in the order of groupIDs; a group whose last
// owner the user is keeps them, with ErrLastOwner.
func (c *Client) GiveUpOwnerships(ctx context.Context, userID string, groupIDs []string, progress func(done, total int)) []ItemResult {
	if err := noID("remove the user as owner", userID); err != nil {
		return failAll(groupIDs, err, progress)
	}
	return c.deleteInBatches(ctx, batchDeletes{action: "remove the owner", needs: needManageOwners,
		path: func(groupID string) string {
			return "/groups/" + url.PathEscape(groupID) + "/owners/" + url.PathEscape(userID) + "/$ref"
		}}, groupIDs, progress)
}

// RemoveLicenses takes the licenses of the products skuIDs from a user in
// one assignLicense request, which removes all of them or none.
func (c *Client) RemoveLicenses(ctx context.Context, userID string, skuIDs []string) error {
	if err := noID("remove the licenses", userID); err != nil {
		return err
	}
	ids := make([]uuid.UUID, len(skuIDs))
	for i, s := range skuIDs {
		id, err := parseSKU(s)
		if err != nil {
			return err
		}
		ids[i] = id
	}
	body := users.NewItemAssignLicensePostRequestBody()
	body.SetAddLicenses([]models.AssignedLicenseable{})
	body.SetRemoveLicenses(ids)
	_, err := c.sdk().Users().ByUserId(userID).AssignLicense().Post(ctx, body, nil)
	return fail(err, "remove the licenses", needManageLicense...)
}

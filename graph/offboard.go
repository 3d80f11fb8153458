package graph

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"strings"

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

// Holdings is a user and what offboarding takes from them.
type Holdings struct {
	User     User
	Licenses []License
	Groups   []Group // the groups they are a direct member of
	Owned    []Group // the groups they own
}

type wireLicense struct {
	SKUID      string `json:"skuId"`
	PartNumber string `json:"skuPartNumber"`
}

func (l wireLicense) license() License {
	return License{SKUID: l.SKUID, PartNumber: l.PartNumber, ProductName: ProductName(l.SKUID, l.PartNumber)}
}

// UserHoldings reads a user (by ID or user principal name), their
// licenses, their groups and the groups they own in one $batch request; a
// list longer than a page goes on through its next links. When a part of
// the batch fails, the reads are made one by one, each with its own
// retries and its own error (a user who does not exist is ErrNotFound).
func (c *Client) UserHoldings(ctx context.Context, idOrUPN string) (Holdings, error) {
	if err := noID("read the user", idOrUPN); err != nil {
		return Holdings{}, err
	}
	user := "/users/" + url.PathEscape(idOrUPN)
	groups := "?$select=" + strings.Join(groupFields, ",") + "&$top=999"
	// The parts of the batch, in the order of steps.
	const userPart, licensesPart, groupsPart, ownedPart = 0, 1, 2, 3
	steps := []batchStep{
		userPart:     {Method: http.MethodGet, URL: user + "?$select=" + strings.Join(userFields, ",")},
		licensesPart: {Method: http.MethodGet, URL: user + "/licenseDetails?$select=skuId,skuPartNumber"},
		groupsPart:   {Method: http.MethodGet, URL: user + "/memberOf/microsoft.graph.group" + groups},
		ownedPart:    {Method: http.MethodGet, URL: user + "/ownedObjects/microsoft.graph.group" + groups},
	}
	answers, err := c.postBatch(ctx, "read the user", steps, needReadUsers)
	if err != nil {
		return Holdings{}, err
	}
	parts := make([]json.RawMessage, len(answers))
	for i, a := range answers {
		if a.Status != http.StatusOK {
			return c.holdingsOneByOne(ctx, idOrUPN)
		}
		parts[i] = a.Body
	}
	var h Holdings
	var wu wireUser
	if err := json.Unmarshal(parts[userPart], &wu); err != nil || wu.ID == "" {
		return c.holdingsOneByOne(ctx, idOrUPN)
	}
	h.User = wu.user()
	if h.Licenses, err = batchedList(ctx, c, parts[licensesPart], wireLicense.license); err == nil {
		if h.Groups, err = batchedList(ctx, c, parts[groupsPart], wireGroup.group); err == nil {
			h.Owned, err = batchedList(ctx, c, parts[ownedPart], wireGroup.group)
		}
	}
	if err != nil {
		return Holdings{}, fail(err, "read what the user holds", needUserGroups...)
	}
	return h, nil
}

// batchedList reads the first page of a list from a $batch answer and the
// rest through its next links.
func batchedList[W, T any](ctx context.Context, c *Client, body json.RawMessage, conv func(W) T) ([]T, error) {
	var wp wirePage[W]
	if err := json.Unmarshal(body, &wp); err != nil {
		return nil, fmt.Errorf("read Microsoft Graph's answer: %w", err)
	}
	out := make([]T, 0, len(wp.Value))
	for _, w := range wp.Value {
		out = append(out, conv(w))
	}
	var trail linkTrail
	for next := wp.NextLink; next != ""; {
		if err := trail.follow(next); err != nil {
			return out, err
		}
		info, err := nextPageRequest(next)
		if err != nil {
			return out, err
		}
		pg, err := getPage(ctx, c, info, conv)
		if err != nil {
			return out, err
		}
		out, next = append(out, pg.items...), pg.next
	}
	return out, nil
}

// holdingsOneByOne reads what UserHoldings does, a request for each.
func (c *Client) holdingsOneByOne(ctx context.Context, idOrUPN string) (Holdings, error) {
	var h Holdings
	var err error
	if h.User, err = c.User(ctx, idOrUPN); err != nil {
		return h, err
	}
	if h.Licenses, err = c.UserLicenses(ctx, h.User.ID); err != nil {
		return h, err
	}
	if h.Groups, err = c.UserGroups(ctx, h.User.ID); err != nil {
		return h, err
	}
	h.Owned, err = c.OwnedGroups(ctx, h.User.ID)
	return h, err
}

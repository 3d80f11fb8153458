package graph

import (
	"context"

	"github.com/microsoftgraph/msgraph-sdk-go/directory"
	"github.com/microsoftgraph/msgraph-sdk-go/models"
)

// DeletedUsers lists the users in the recycle bin, which Entra keeps for 30
// days.
func (c *Client) DeletedUsers(ctx context.Context) ([]DeletedUser, error) {
	fields := append([]string{"deletedDateTime"}, userFields...)
	cfg := &directory.DeletedItemsGraphUserRequestBuilderGetRequestConfiguration{
		QueryParameters: &directory.DeletedItemsGraphUserRequestBuilderGetQueryParameters{Select: fields, Top: topOf(0)},
	}
	b := c.sdk().Directory().DeletedItems().GraphUser()
	var trail linkTrail
	var out []DeletedUser
	for {
		resp, err := b.Get(ctx, cfg)
		if err != nil {
			return out, fail(err, "list deleted users", needReadUsers...)
		}
		for _, u := range resp.GetValue() {
			out = append(out, DeletedUser{User: toUser(u), DeletedDateTime: derefTime(u.GetDeletedDateTime())})
		}
		next := deref(resp.GetOdataNextLink())
		if next == "" {
			return out, nil
		}
		if err := trail.follow(next); err != nil {
			return out, fail(err, "list deleted users")
		}
		b = b.WithUrl(next)
		cfg.QueryParameters = nil
	}
}

// RestoreUser brings a deleted user back from the recycle bin.
func (c *Client) RestoreUser(ctx context.Context, id string) (User, error) {
	if err := noID("restore the user", id); err != nil {
		return User{}, err
	}
	obj, err := c.sdk().Directory().DeletedItems().ByDirectoryObjectId(id).Restore().Post(ctx, nil)
	if err != nil {
		return User{}, fail(err, "restore the user", needDeleteUsers...)
	}
	answer := User{ID: id}
	if u, ok := obj.(models.Userable); ok {
		answer = toUser(u)
		answer.ID = id
	}
	return c.readBack(ctx, answer), nil
}

// DeletedName reads the display name of a user or group in the recycle
// bin. A deletion in a delta round carries only the object's id, so an
// object created and deleted between two looks is named this way.
func (c *Client) DeletedName(ctx context.Context, id string) (string, error) {
	if err := noID("read the deleted object", id); err != nil {
		return "", err
	}
	cfg := &directory.DeletedItemsDirectoryObjectItemRequestBuilderGetRequestConfiguration{
		QueryParameters: &directory.DeletedItemsDirectoryObjectItemRequestBuilderGetQueryParameters{Select: []string{"id", "displayName"}},
	}
	obj, err := c.sdk().Directory().DeletedItems().ByDirectoryObjectId(id).Get(ctx, cfg)
	if err != nil {
		return "", fail(err, "read the deleted object")
	}
	if named, ok := obj.(interface{ GetDisplayName() *string }); ok {
		return deref(named.GetDisplayName()), nil
	}
	return "", nil
}

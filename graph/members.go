package graph

import (
	"context"

	"github.com/microsoftgraph/msgraph-sdk-go/groups"
	"github.com/microsoftgraph/msgraph-sdk-go/models"
)

// Permissions the membership operations need.
var (
	needReadMembers   = []string{"GroupMember.Read.All", "Group.Read.All", "GroupMember.ReadWrite.All", "Group.ReadWrite.All", "Directory.Read.All"}
	needManageMembers = []string{"GroupMember.ReadWrite.All", "Group.ReadWrite.All"}
)

// Members lists a group's members a page at a time: direct members, or with
// transitive every member of nested groups too.
func (c *Client) Members(groupID string, transitive bool) *Pager[Member] {
	group := c.sdk.Groups().ByGroupId(groupID)
	top := topOf(0)
	return newPager(func(ctx context.Context, next string) (page[Member], error) {
		var resp models.DirectoryObjectCollectionResponseable
		var err error
		if transitive {
			b := group.TransitiveMembers()
			cfg := &groups.ItemTransitiveMembersRequestBuilderGetRequestConfiguration{Headers: advancedQuery()}
			if next != "" {
				b = b.WithUrl(next)
			} else {
				cfg.QueryParameters = &groups.ItemTransitiveMembersRequestBuilderGetQueryParameters{Select: memberFields, Top: top, Count: ptr(true)}
			}
			resp, err = b.Get(ctx, cfg)
		} else {
			b := group.Members()
			cfg := &groups.ItemMembersRequestBuilderGetRequestConfiguration{Headers: advancedQuery()}
			if next != "" {
				b = b.WithUrl(next)
			} else {
				cfg.QueryParameters = &groups.ItemMembersRequestBuilderGetQueryParameters{Select: memberFields, Top: top, Count: ptr(true)}
			}
			resp, err = b.Get(ctx, cfg)
		}
		if err != nil {
			return page[Member]{}, fail(err, "list the group's members", needReadMembers...)
		}
		items := make([]Member, 0, len(resp.GetValue()))
		for _, o := range resp.GetValue() {
			items = append(items, toMember(o))
		}
		return page[Member]{items: items, next: deref(resp.GetOdataNextLink()), count: resp.GetOdataCount()}, nil
	})
}

// AddMember adds a user or group to a group.
func (c *Client) AddMember(ctx context.Context, groupID, memberID string) error {
	ref := models.NewReferenceCreate()
	ref.SetOdataId(ptr(c.objectURL(memberID)))
	err := c.sdk.Groups().ByGroupId(groupID).Members().Ref().Post(ctx, ref, nil)
	return fail(err, "add the member", needManageMembers...)
}

// RemoveMember removes a user or group from a group.
func (c *Client) RemoveMember(ctx context.Context, groupID, memberID string) error {
	err := c.sdk.Groups().ByGroupId(groupID).Members().ByDirectoryObjectId(memberID).Ref().Delete(ctx, nil)
	return fail(err, "remove the member", needManageMembers...)
}

// objectURL is the @odata.id of a directory object.
func (c *Client) objectURL(id string) string {
	return c.baseURL + "/directoryObjects/" + id
}

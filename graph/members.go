package graph

import (
	"context"

	abstractions "github.com/microsoft/kiota-abstractions-go"

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
	return c.MembersMatching(MemberQuery{GroupID: groupID, Transitive: transitive})
}

// MemberQuery selects members of a group.
type MemberQuery struct {
	GroupID string
	// Transitive includes the members of nested groups.
	Transitive bool
	// Search matches the start of words in the display name or mail, as
	// Graph's $search does: a member of a group of thousands can be found.
	Search string
	// Top is the page size; 0 means 999, the most Graph allows.
	Top int
}

// MembersMatching lists the members q selects a page at a time, with the
// total count.
func (c *Client) MembersMatching(q MemberQuery) *Pager[Member] {
	const action = "list the group's members"
	var search *string
	if s := searchClause(q.Search, "displayName", "mail"); s != "" {
		search = &s
	}
	return listPages(c, func(ctx context.Context) (*abstractions.RequestInformation, error) {
		if err := noID(action, q.GroupID); err != nil {
			return nil, err
		}
		group := c.sdk().Groups().ByGroupId(q.GroupID)
		if q.Transitive {
			return group.TransitiveMembers().ToGetRequestInformation(ctx, &groups.ItemTransitiveMembersRequestBuilderGetRequestConfiguration{
				Headers:         advancedQuery(),
				QueryParameters: &groups.ItemTransitiveMembersRequestBuilderGetQueryParameters{Select: memberFields, Top: topOf(q.Top), Count: ptr(true), Search: search},
			})
		}
		return group.Members().ToGetRequestInformation(ctx, &groups.ItemMembersRequestBuilderGetRequestConfiguration{
			Headers:         advancedQuery(),
			QueryParameters: &groups.ItemMembersRequestBuilderGetQueryParameters{Select: memberFields, Top: topOf(q.Top), Count: ptr(true), Search: search},
		})
	}, wireMember.member, action, needReadMembers)
}

// AddMember adds a user or group to a group.
func (c *Client) AddMember(ctx context.Context, groupID, memberID string) error {
	return c.addMember(ctx, groupID, memberID, nil)
}

// addMember adds one member with the given request options (bulk runs
// retry throttled requests longer).
func (c *Client) addMember(ctx context.Context, groupID, memberID string, opts []abstractions.RequestOption) error {
	if err := noID("add the member", groupID, memberID); err != nil {
		return err
	}
	ref := models.NewReferenceCreate()
	ref.SetOdataId(ptr(c.objectURL(memberID)))
	err := c.sdk().Groups().ByGroupId(groupID).Members().Ref().Post(ctx, ref, &groups.ItemMembersRefRequestBuilderPostRequestConfiguration{Options: opts})
	return fail(err, "add the member", needManageMembers...)
}

// RemoveMember removes a user or group from a group.
func (c *Client) RemoveMember(ctx context.Context, groupID, memberID string) error {
	if err := noID("remove the member", groupID, memberID); err != nil {
		return err
	}
	err := c.sdk().Groups().ByGroupId(groupID).Members().ByDirectoryObjectId(memberID).Ref().Delete(ctx, nil)
	return fail(err, "remove the member", needManageMembers...)
}

// objectURL is the @odata.id of a directory object.
func (c *Client) objectURL(id string) string {
	return c.baseURL + "/directoryObjects/" + id
}

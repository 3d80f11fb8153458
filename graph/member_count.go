package graph

import (
	"context"

	"github.com/microsoftgraph/msgraph-sdk-go/groups"
)

// MemberCount is how many direct members a group has: GET
// /groups/{id}/members/$count, an advanced query that needs the
// ConsistencyLevel: eventual header. Graph's group has no member-count
// property.
func (c *Client) MemberCount(ctx context.Context, groupID string) (int, error) {
	const action = "count the group's members"
	if err := noID(action, groupID); err != nil {
		return 0, err
	}
	n, err := c.sdk().Groups().ByGroupId(groupID).Members().Count().Get(ctx, &groups.ItemMembersCountRequestBuilderGetRequestConfiguration{
		Headers: advancedQuery(),
	})
	if err != nil {
		return 0, fail(err, action, needReadMembers...)
	}
	return int(deref(n)), nil
}

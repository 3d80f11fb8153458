package graph

import (
	"context"
	"time"

	abstractions "github.com/microsoft/kiota-abstractions-go"
	"github.com/microsoftgraph/msgraph-sdk-go/directory"
	"github.com/microsoftgraph/msgraph-sdk-go/models"
)

// DeletedGroup is a group in the recycle bin. Only Microsoft 365 groups
// go there; a deleted security group is gone for good.
type DeletedGroup struct {
	Group
	DeletedDateTime time.Time
}

type wireDeletedGroup struct {
	wireGroup
	DeletedDateTime time.Time `json:"deletedDateTime"`
}

func (g wireDeletedGroup) deleted() DeletedGroup {
	return DeletedGroup{Group: g.group(), DeletedDateTime: g.DeletedDateTime.UTC()}
}

// DeletedGroups lists the groups in the recycle bin, which Entra keeps for
// 30 days (GET /directory/deletedItems/microsoft.graph.group).
func (c *Client) DeletedGroups() *Pager[DeletedGroup] {
	fields := append([]string{"deletedDateTime"}, groupFields...)
	return listPages(c, func(ctx context.Context) (*abstractions.RequestInformation, error) {
		return c.sdk().Directory().DeletedItems().GraphGroup().ToGetRequestInformation(ctx, &directory.DeletedItemsGraphGroupRequestBuilderGetRequestConfiguration{
			QueryParameters: &directory.DeletedItemsGraphGroupRequestBuilderGetQueryParameters{Select: fields, Top: topOf(0)},
		})
	}, wireDeletedGroup.deleted, "list deleted groups", needReadGroups)
}

// RestoreGroup brings a deleted Microsoft 365 group back from the recycle
// bin, with its members, owners and mailbox.
func (c *Client) RestoreGroup(ctx context.Context, id string) (Group, error) {
	if err := noID("restore the group", id); err != nil {
		return Group{}, err
	}
	obj, err := c.sdk().Directory().DeletedItems().ByDirectoryObjectId(id).Restore().Post(ctx, nil)
	if err != nil {
		return Group{}, fail(err, "restore the group", needDeleteGroups...)
	}
	if g, ok := obj.(models.Groupable); ok {
		restored := toGroup(g)
		restored.ID = id
		return restored, nil
	}
	return Group{ID: id}, nil
}

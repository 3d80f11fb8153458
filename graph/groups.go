package graph

import (
	"context"
	"errors"
	"strings"
	"unicode"

	abstractions "github.com/microsoft/kiota-abstractions-go"
	"github.com/microsoftgraph/msgraph-sdk-go/groups"
	"github.com/microsoftgraph/msgraph-sdk-go/models"
	"github.com/microsoftgraph/msgraph-sdk-go/users"
)

// Permissions the group operations need.
var (
	needReadGroups   = []string{"Group.Read.All", "Group.ReadWrite.All", "Directory.Read.All"}
	needManageGroups = []string{"Group.ReadWrite.All"}
	// needDeleteGroups deletes groups (Directory.ReadWrite.All does not).
	needDeleteGroups = []string{"Group.ReadWrite.All"}
	// needUserGroups lists another user's groups: reading users is not
	// enough, it takes reading groups or the directory.
	needUserGroups = []string{"GroupMember.Read.All", "Group.Read.All", "Directory.Read.All"}
)

// GroupQuery selects groups. The zero value lists every group.
type GroupQuery struct {
	// Search matches the start of words in the display name or mail.
	Search string
	// Filter is an OData $filter, e.g. "securityEnabled eq true".
	Filter string
	// Top is the page size; 0 means 999.
	Top int
}

// Groups lists groups a page at a time, with the total count.
func (c *Client) Groups(q GroupQuery) *Pager[Group] {
	params := &groups.GroupsRequestBuilderGetQueryParameters{
		Select: groupFields,
		Top:    topOf(q.Top),
		Count:  ptr(true),
		// A stable order: the same rows in the same places on every visit,
		// as the admin center lists them.
		Orderby: []string{"displayName"},
	}
	if s := searchClause(q.Search, "displayName", "mail"); s != "" {
		params.Search = &s
	}
	if f := strings.TrimSpace(q.Filter); f != "" {
		params.Filter = ptr(f)
	}
	return listPages(c, func(ctx context.Context) (*abstractions.RequestInformation, error) {
		return c.sdk().Groups().ToGetRequestInformation(ctx, &groups.GroupsRequestBuilderGetRequestConfiguration{
			Headers: advancedQuery(), QueryParameters: params})
	}, wireGroup.group, "list groups", needReadGroups)
}

// Group gets one group by object ID.
func (c *Client) Group(ctx context.Context, id string) (Group, error) {
	if err := noID("read the group", id); err != nil {
		return Group{}, err
	}
	g, err := c.sdk().Groups().ByGroupId(id).Get(ctx, &groups.GroupItemRequestBuilderGetRequestConfiguration{
		QueryParameters: &groups.GroupItemRequestBuilderGetQueryParameters{Select: groupFields},
	})
	if err == nil && g == nil {
		err = errEmptyAnswer
	}
	if err != nil {
		return Group{}, fail(err, "read the group", needReadGroups...)
	}
	return toGroup(g), nil
}

// CreateGroup creates a security group or a Microsoft 365 group with
// assigned membership.
func (c *Client) CreateGroup(ctx context.Context, ng NewGroup) (Group, error) {
	name := strings.TrimSpace(ng.DisplayName)
	if name == "" {
		return Group{}, errors.New("graph: a new group needs a name")
	}
	nick := strings.TrimSpace(ng.MailNickname)
	if nick == "" {
		nick = mailNickname(name)
	}
	body := newGroupBody()
	body.SetDisplayName(&name)
	body.SetMailNickname(&nick)
	setIf(body.SetDescription, ng.Description)
	if ng.Kind == Microsoft365Group {
		body.SetGroupTypes([]string{"Unified"})
		body.SetMailEnabled(ptr(true))
		body.SetSecurityEnabled(ptr(false))
	} else {
		body.SetGroupTypes([]string{})
		body.SetMailEnabled(ptr(false))
		body.SetSecurityEnabled(ptr(true))
	}
	g, err := c.sdk().Groups().Post(ctx, body, nil)
	if err == nil && g == nil {
		err = errEmptyAnswer
	}
	if err != nil {
		return Group{}, fail(err, "create the group", needManageGroups...)
	}
	return toGroup(g), nil
}

// UpdateGroup changes the fields set in ch.
func (c *Client) UpdateGroup(ctx context.Context, id string, ch GroupChanges) error {
	if err := noID("update the group", id); err != nil {
		return err
	}
	body := newGroupBody()
	setPtr(body.SetDisplayName, ch.DisplayName)
	setOrClear(body.SetDescription, ch.Description)
	_, err := c.sdk().Groups().ByGroupId(id).Patch(ctx, body, nil)
	return fail(err, "update the group", needManageGroups...)
}

// DeleteGroup deletes a group. Security groups are gone for good; Microsoft
// 365 groups can be restored for 30 days. Callers should warn first.
func (c *Client) DeleteGroup(ctx context.Context, id string) error {
	if err := noID("delete the group", id); err != nil {
		return err
	}
	err := c.sdk().Groups().ByGroupId(id).Delete(ctx, nil)
	return fail(err, "delete the group", needDeleteGroups...)
}

// UserGroups lists the groups a user is a direct member of.
func (c *Client) UserGroups(ctx context.Context, userID string) ([]Group, error) {
	if err := noID("list the user's groups", userID); err != nil {
		return nil, err
	}
	cfg := &users.ItemMemberOfRequestBuilderGetRequestConfiguration{
		QueryParameters: &users.ItemMemberOfRequestBuilderGetQueryParameters{Select: groupFields, Top: topOf(0)},
	}
	b := c.sdk().Users().ByUserId(userID).MemberOf()
	var trail linkTrail
	var out []Group
	for {
		resp, err := b.Get(ctx, cfg)
		if err != nil {
			return out, fail(err, "list the user's groups", needUserGroups...)
		}
		for _, o := range resp.GetValue() {
			if g, ok := o.(models.Groupable); ok {
				out = append(out, toGroup(g))
			}
		}
		next := deref(resp.GetOdataNextLink())
		if next == "" {
			return out, nil
		}
		if err := trail.follow(next); err != nil {
			return out, fail(err, "list the user's groups")
		}
		b = b.WithUrl(next)
		cfg.QueryParameters = nil
	}
}

// mailNickname makes a mail alias from a name: ASCII letters and digits,
// at most 64 characters.
func mailNickname(name string) string {
	var b strings.Builder
	for _, r := range name {
		if r < unicode.MaxASCII && (unicode.IsLetter(r) || unicode.IsDigit(r) || r == '-' || r == '_' || r == '.') {
			b.WriteRune(r)
		}
		if b.Len() == 64 {
			break
		}
	}
	nick := strings.Trim(b.String(), ".")
	if nick == "" {
		nick = "group"
	}
	return nick
}

package graph

import (
	"context"
	"encoding/json"
	"fmt"
	"net/url"
	"time"

	abstractions "github.com/microsoft/kiota-abstractions-go"
	"github.com/microsoftgraph/msgraph-sdk-go/models/odataerrors"
)

// List pages are sent through the SDK (its request builders, authentication
// and middleware) but decoded with encoding/json into the few fields the
// program shows. The SDK's generic parser builds a map of some 130 field
// decoders for every user: listing the 20,000 users of the large demo tenant
// took 1.6 s and allocated 580 MB that way, against 0.3 s and 120 MB now.

// wirePage is one page of a Graph collection.
type wirePage[T any] struct {
	Value    []T    `json:"value"`
	NextLink string `json:"@odata.nextLink"`
	Count    *int64 `json:"@odata.count"`
}

type wireUser struct {
	ID                string    `json:"id"`
	DisplayName       string    `json:"displayName"`
	GivenName         string    `json:"givenName"`
	Surname           string    `json:"surname"`
	UserPrincipalName string    `json:"userPrincipalName"`
	Mail              string    `json:"mail"`
	JobTitle          string    `json:"jobTitle"`
	Department        string    `json:"department"`
	OfficeLocation    string    `json:"officeLocation"`
	UsageLocation     string    `json:"usageLocation"`
	AccountEnabled    bool      `json:"accountEnabled"`
	CreatedDateTime   time.Time `json:"createdDateTime"`
	UserType          string    `json:"userType"`
	OnPremisesSync    *bool     `json:"onPremisesSyncEnabled"` // null for cloud-only users
}

type wireGroup struct {
	ID              string    `json:"id"`
	DisplayName     string    `json:"displayName"`
	Description     string    `json:"description"`
	MailNickname    string    `json:"mailNickname"`
	Mail            string    `json:"mail"`
	GroupTypes      []string  `json:"groupTypes"`
	SecurityEnabled bool      `json:"securityEnabled"`
	MailEnabled     bool      `json:"mailEnabled"`
	CreatedDateTime time.Time `json:"createdDateTime"`
}

type wireMember struct {
	Type              string `json:"@odata.type"`
	ID                string `json:"id"`
	DisplayName       string `json:"displayName"`
	UserPrincipalName string `json:"userPrincipalName"`
}

func (u wireUser) user() User {
	return User{ID: u.ID, DisplayName: u.DisplayName, GivenName: u.GivenName, Surname: u.Surname,
		UserPrincipalName: u.UserPrincipalName, Mail: u.Mail, JobTitle: u.JobTitle, Department: u.Department,
		OfficeLocation: u.OfficeLocation, UsageLocation: u.UsageLocation, AccountEnabled: u.AccountEnabled,
		CreatedDateTime: u.CreatedDateTime.UTC(), UserType: u.UserType, OnPremisesSync: deref(u.OnPremisesSync)}
}

func (g wireGroup) group() Group {
	return Group{ID: g.ID, DisplayName: g.DisplayName, Description: g.Description, MailNickname: g.MailNickname,
		Mail: g.Mail, Kind: groupKind(g.GroupTypes), SecurityEnabled: g.SecurityEnabled, MailEnabled: g.MailEnabled,
		CreatedDateTime: g.CreatedDateTime.UTC()}
}

func (m wireMember) member() Member {
	return Member{ID: m.ID, DisplayName: m.DisplayName, Type: memberType(m.Type), UserPrincipalName: m.UserPrincipalName}
}

// listPages pages through a collection. first builds the request for the
// first page; later pages follow @odata.nextLink, with the ConsistencyLevel
// header on every page (the SDK's own page iterator drops it). A failure
// names the action and the permissions it needs. A next link sent twice,
// or more pages than any tenant holds, ends the walk with ErrEndlessPaging.
func listPages[W, T any](c *Client, first func(context.Context) (*abstractions.RequestInformation, error), conv func(W) T, action string, needs []string) *Pager[T] {
	var trail linkTrail
	return newPager(func(ctx context.Context, next string) (page[T], error) {
		var info *abstractions.RequestInformation
		var err error
		if next == "" {
			info, err = first(ctx)
		} else {
			info, err = nextPageRequest(next)
		}
		if err == nil {
			var pg page[T]
			if pg, err = getPage(ctx, c, info, conv); err == nil {
				if err = trail.follow(pg.next); err == nil {
					return pg, nil
				}
			}
		}
		return page[T]{}, fail(err, action, needs...)
	})
}

// nextPageRequest is the request for the page an @odata.nextLink names.
func nextPageRequest(next string) (*abstractions.RequestInformation, error) {
	u, err := url.Parse(next)
	if err != nil {
		return nil, fmt.Errorf("read Microsoft Graph's next-page link: %w", err)
	}
	info := abstractions.NewRequestInformation()
	info.Method = abstractions.GET
	info.SetUri(*u)
	info.Headers.AddAll(advancedQuery())
	info.Headers.TryAdd("Accept", "application/json")
	return info, nil
}

// getPage sends a list request and decodes its page, converting each item
// with conv.
func getPage[W, T any](ctx context.Context, c *Client, info *abstractions.RequestInformation, conv func(W) T) (page[T], error) {
	raw, err := c.adapter.SendPrimitive(ctx, info, "[]byte", abstractions.ErrorMappings{
		"XXX": odataerrors.CreateODataErrorFromDiscriminatorValue,
	})
	if err != nil {
		return page[T]{}, err
	}
	body, _ := raw.([]byte)
	var wp wirePage[W]
	if err := json.Unmarshal(body, &wp); err != nil {
		return page[T]{}, fmt.Errorf("read Microsoft Graph's answer: %w", err)
	}
	items := make([]T, len(wp.Value))
	for i, w := range wp.Value {
		items[i] = conv(w)
	}
	return page[T]{items: items, next: wp.NextLink, count: wp.Count}, nil
}

package graph

import (
	"cmp"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/url"
	"slices"
	"strconv"
	"strings"

	abstractions "github.com/microsoft/kiota-abstractions-go"
	"github.com/microsoftgraph/msgraph-sdk-go/models/odataerrors"
)

// Collection names a set of directory objects whose changes can be tracked.
type Collection string

// The collections delta queries track.
const (
	Users  Collection = "users"
	Groups Collection = "groups"
)

// deltaSelect is what a delta round asks for: the properties the program
// shows, and for groups their members (which come back as members@delta).
var deltaSelect = map[Collection]string{
	Users: "displayName,userPrincipalName,givenName,surname,mail,jobTitle,department,officeLocation," +
		"usageLocation,accountEnabled,userType,assignedLicenses",
	Groups: "displayName,description,mailNickname,mail,groupTypes,securityEnabled,mailEnabled,visibility,members",
}

// deltaPageSize is the most objects Graph puts on a user or group delta
// page.
const deltaPageSize = 200

// deltaNeeds are the permissions a delta round needs, any one of them.
var deltaNeeds = map[Collection][]string{
	Users:  {"User.Read.All", "Directory.Read.All"},
	Groups: {"Group.Read.All", "Directory.Read.All"},
}

// ErrResync means Graph no longer holds the state a delta link names (the
// link expired, or came from elsewhere): tracking must start again from a
// new baseline.
var ErrResync = errors.New("the change-tracking link is unknown to Microsoft Graph or expired; a new baseline is needed")

// DeltaItem is one object of a delta answer.
type DeltaItem struct {
	ID string
	// DisplayName is the object's name when the answer carries it.
	DisplayName string
	// Properties names the properties the answer carries (with Prefer:
	// return=minimal, the ones that changed), sorted, without id.
	Properties []string
	// Removed is "changed" (deleted, can be restored) or "deleted" (gone
	// for good) for a removed object, "" otherwise.
	Removed string
	// Added and Left are the ids of members that joined or left a group.
	Added, Left []string
}

// DeltaPage is one page of a delta round: its objects, and either the link
// to the next page or, on the round's last page, the delta link that the
// next round starts from.
type DeltaPage struct {
	Items     []DeltaItem
	NextLink  string
	DeltaLink string
}

// DeltaPage gets one page of changes to coll: link is a next link or delta
// link of an earlier page, or "" to start a baseline (every object as it is
// now). An expired or unknown link fails with ErrResync.
func (c *Client) DeltaPage(ctx context.Context, coll Collection, link string) (DeltaPage, error) {
	action := "track changes to " + string(coll)
	sel, ok := deltaSelect[coll]
	if !ok {
		return DeltaPage{}, fmt.Errorf("graph: %s: unknown collection", action)
	}
	if link == "" {
		link = c.baseURL + "/" + string(coll) + "/delta?" + url.Values{"$select": {sel}}.Encode()
	}
	u, err := url.Parse(link)
	if err != nil {
		return DeltaPage{}, fmt.Errorf("graph: %s: read the change-tracking link: %w", action, err)
	}
	info := abstractions.NewRequestInformation()
	info.Method = abstractions.GET
	info.SetUri(*u)
	info.Headers.TryAdd("Accept", "application/json")
	// Only the properties that changed, and as many objects a page as Graph
	// allows. Graph holds at most deltaPageSize users or groups to a page
	// whatever is asked, so a round follows next links until the delta link.
	info.Headers.TryAdd("Prefer", "return=minimal, odata.maxpagesize="+strconv.Itoa(deltaPageSize))
	raw, err := c.adapter.SendPrimitive(ctx, info, "[]byte", abstractions.ErrorMappings{
		"XXX": odataerrors.CreateODataErrorFromDiscriminatorValue,
	})
	if err != nil {
		err = fail(err, action, deltaNeeds[coll]...)
		if isResync(err) {
			return DeltaPage{}, fmt.Errorf("%w (%v)", ErrResync, err)
		}
		return DeltaPage{}, err
	}
	body, _ := raw.([]byte)
	return decodeDeltaPage(body)
}

// isResync recognises Graph's answers to a delta token it no longer holds:
// 410 Gone, or the resync error codes (sent with 400 as well).
func isResync(err error) bool {
	e, ok := AsError(err)
	if !ok {
		return false
	}
	switch strings.ToLower(e.Code) {
	case "syncstatenotfound", "syncstateinvalid", "resyncrequired", "resyncapplicationrequired":
		return true
	}
	return e.Status == 410
}

// wireDeltaPage is a delta answer; its objects are decoded by hand to see
// which properties each carries.
type wireDeltaPage struct {
	Value     []map[string]json.RawMessage `json:"value"`
	NextLink  string                       `json:"@odata.nextLink"`
	DeltaLink string                       `json:"@odata.deltaLink"`
}

type wireRemoved struct {
	Reason string `json:"reason"`
}

type wireMemberDelta struct {
	ID      string       `json:"id"`
	Removed *wireRemoved `json:"@removed"`
}

func decodeDeltaPage(body []byte) (DeltaPage, error) {
	var wp wireDeltaPage
	if err := json.Unmarshal(body, &wp); err != nil {
		return DeltaPage{}, fmt.Errorf("graph: read Microsoft Graph's change-tracking answer: %w", err)
	}
	if (wp.NextLink == "") == (wp.DeltaLink == "") {
		return DeltaPage{}, errors.New("graph: Microsoft Graph's change-tracking answer has neither a next link nor a delta link")
	}
	page := DeltaPage{NextLink: wp.NextLink, DeltaLink: wp.DeltaLink, Items: make([]DeltaItem, 0, len(wp.Value))}
	for _, obj := range wp.Value {
		item, err := decodeDeltaItem(obj)
		if err != nil {
			return DeltaPage{}, err
		}
		page.Items = append(page.Items, item)
	}
	return page, nil
}

func decodeDeltaItem(obj map[string]json.RawMessage) (DeltaItem, error) {
	var item DeltaItem
	if err := json.Unmarshal(obj["id"], &item.ID); err != nil || item.ID == "" {
		return item, errors.New("graph: Microsoft Graph's change-tracking answer holds an object without an id")
	}
	for key, raw := range obj {
		var err error
		switch {
		case key == "id":
		case key == "@removed":
			var r wireRemoved
			err = json.Unmarshal(raw, &r)
			item.Removed = cmp.Or(r.Reason, "deleted")
		case key == "members@delta":
			var refs []wireMemberDelta
			err = json.Unmarshal(raw, &refs)
			for _, m := range refs {
				if m.Removed != nil {
					item.Left = append(item.Left, m.ID)
				} else {
					item.Added = append(item.Added, m.ID)
				}
			}
		case strings.Contains(key, "@"):
			// Annotations (@odata.type, ...) are not properties.
		default:
			item.Properties = append(item.Properties, key)
			if key == "displayName" {
				_ = json.Unmarshal(raw, &item.DisplayName) // null clears it
			}
		}
		if err != nil {
			return item, fmt.Errorf("graph: read %s of %s in Microsoft Graph's change-tracking answer: %w", key, item.ID, err)
		}
	}
	slices.Sort(item.Properties)
	return item, nil
}

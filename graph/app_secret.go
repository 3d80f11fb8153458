package graph

import (
	"context"
	"time"

	"github.com/microsoftgraph/msgraph-sdk-go/applicationswithappid"
)

// hintLength is how many first characters of a client secret Graph
// lists as its passwordCredential's hint.
const hintLength = 3

// needReadOwnApp are the application permissions that read an app's own
// registration; Application.ReadWrite.OwnedBy only when the app owns it.
var needReadOwnApp = []string{"Application.Read.All", "Application.ReadWrite.All", "Application.ReadWrite.OwnedBy"}

// OwnSecret is what Microsoft Graph lists of the client secret a
// connection signs in with, found on its own app registration by the
// secret's first characters.
type OwnSecret struct {
	// AppObjectID is the registration's object id, which renewing uses.
	AppObjectID string
	// KeyID is the secret's key id; "" unless exactly one secret matches,
	// as then which one is in use is not known.
	KeyID string
	// Expires is its endDateTime; when several match, the soonest.
	Expires time.Time
	// Matches is how many of the app's secrets begin as this one does.
	Matches int
}

// FindOwnSecret reads the registration of the app with client id appID
// and finds the client secret whose hint secret begins with. Graph
// refuses it (ErrDenied) unless the token holds Application.Read.All or
// Application.ReadWrite.All, or Application.ReadWrite.OwnedBy with the app
// among its own owners. The secret itself is never sent.
func (c *Client) FindOwnSecret(ctx context.Context, appID, secret string) (OwnSecret, error) {
	const action = "read the app's client secrets"
	if err := noID(action, appID); err != nil {
		return OwnSecret{}, err
	}
	a, err := c.sdk().ApplicationsWithAppId(&appID).Get(ctx, &applicationswithappid.ApplicationsWithAppIdRequestBuilderGetRequestConfiguration{
		QueryParameters: &applicationswithappid.ApplicationsWithAppIdRequestBuilderGetQueryParameters{
			Select: []string{"id", "passwordCredentials"}},
	})
	if err == nil && a == nil {
		err = errEmptyAnswer
	}
	if err != nil {
		return OwnSecret{}, fail(err, action, needReadOwnApp...)
	}
	out := OwnSecret{AppObjectID: deref(a.GetId())}
	if len(secret) < hintLength {
		return out, nil
	}
	for _, p := range a.GetPasswordCredentials() {
		end := p.GetEndDateTime()
		if end == nil || deref(p.GetHint()) != secret[:hintLength] {
			continue
		}
		out.Matches++
		if out.Matches == 1 || end.Before(out.Expires) {
			out.Expires = *end
		}
		if id := p.GetKeyId(); id != nil && out.Matches == 1 {
			out.KeyID = id.String()
		}
	}
	if out.Matches != 1 {
		out.KeyID = ""
	}
	return out, nil
}

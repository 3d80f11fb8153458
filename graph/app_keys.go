package graph

import (
	"context"
	"errors"
	"fmt"

	"github.com/google/uuid"
	"github.com/microsoftgraph/msgraph-sdk-go/applications"
)

// errProofRefused is Graph refusing addKey or removeKey of an app's own
// certificate: the proof signed with its current key was not accepted.
var errProofRefused = errors.New("the proof signed with the connection's current certificate was not accepted by Microsoft Graph: that certificate may have expired or been removed in the portal, or this computer's clock may be off")

// AddKey adds cert to the app registration with object ID objectID, as
// the app itself may with no permission: proof is a proof of possession
// signed by one of its current certificates ("application: addKey"). It
// returns the certificate as Graph registered it.
func (c *Client) AddKey(ctx context.Context, objectID string, cert Certificate, proof string) (Certificate, error) {
	const action = "add the new certificate"
	if err := noID(action, objectID); err != nil {
		return Certificate{}, err
	}
	keys, err := keyCredentials([]Certificate{cert})
	if err != nil {
		return Certificate{}, fail(err, action)
	}
	body := applications.NewItemAddKeyPostRequestBody()
	body.SetKeyCredential(keys[0])
	body.SetProof(&proof)
	got, err := c.sdk().Applications().ByApplicationId(objectID).AddKey().Post(ctx, body, nil)
	if err != nil {
		return Certificate{}, rollKeyFail(err, action)
	}
	out := cert
	if got != nil && got.GetKeyId() != nil {
		out.KeyID = got.GetKeyId().String()
	}
	if got != nil && got.GetEndDateTime() != nil {
		out.End = got.GetEndDateTime().UTC()
	}
	return out, nil
}

// RemoveKey removes the certificate with key id keyID from the app
// registration, proved as AddKey is ("application: removeKey").
func (c *Client) RemoveKey(ctx context.Context, objectID, keyID, proof string) error {
	const action = "remove the certificate"
	if err := noID(action, objectID, keyID); err != nil {
		return err
	}
	u, err := uuid.Parse(keyID)
	if err != nil {
		return fail(err, action)
	}
	body := applications.NewItemRemoveKeyPostRequestBody()
	body.SetKeyId(&u)
	body.SetProof(&proof)
	return rollKeyFail(c.sdk().Applications().ByApplicationId(objectID).RemoveKey().Post(ctx, body, nil), action)
}

// rollKeyFail is fail for addKey and removeKey, which need no permission:
// a refusal means the proof was not accepted, and says so.
func rollKeyFail(err error, action string) error {
	err = fail(err, action)
	if errors.Is(err, ErrDenied) {
		return fmt.Errorf("%w: %w", errProofRefused, err)
	}
	return err
}

package graph

import (
	"context"
	"errors"

	abstractions "github.com/microsoft/kiota-abstractions-go"
	"github.com/microsoftgraph/msgraph-sdk-go/groups"
)

// batchSize is how many changes Graph accepts in one members@odata.bind
// PATCH or one $batch request.
const batchSize = 20

// ItemResult is the outcome for one object of a bulk change: Err is nil
// when it worked.
type ItemResult struct {
	ID  string
	Err error
	// Already is true when the object was already as asked (already a
	// member, or no longer one): that is success, and Err is nil.
	Already bool
}

// bulkRetries lets a bulk request be retried longer than usual when Graph
// throttles it, honouring Retry-After each time, so a long run completes.
func bulkRetries() []abstractions.RequestOption {
	return []abstractions.RequestOption{&retryLimit{resends: 10}}
}

// AddMembers adds users or groups to a group, 20 per request through
// members@odata.bind. When a request of 20 fails as a whole (say one of them
// is already a member, or the connection dropped), its items are added one
// by one so each result is right; one already a member is a success, with
// Already set. Results are in the order of ids.
func (c *Client) AddMembers(ctx context.Context, groupID string, ids []string, progress func(done, total int)) []ItemResult {
	if err := noID("add the members", groupID); err != nil {
		return failAll(ids, err, progress)
	}
	return c.inChunks(ctx, ids, progress, func(chunk []ItemResult) {
		urls := make([]string, len(chunk))
		for i, r := range chunk {
			urls[i] = c.objectURL(r.ID)
		}
		body := newGroupBody()
		body.SetAdditionalData(map[string]any{"members@odata.bind": urls})
		// Sent again after a dropped connection, a PATCH that did arrive
		// answers "already exist"; the items then go one by one below.
		safe, _ := resendSafe(ctx)
		_, err := c.sdk().Groups().ByGroupId(groupID).Patch(safe, body, &groups.GroupItemRequestBuilderPatchRequestConfiguration{Options: bulkRetries()})
		if err == nil {
			return
		}
		err = fail(err, "add the members", needManageMembers...)
		if !perItemHelps(ctx, err) {
			setAll(chunk, err)
			return
		}
		for i := range chunk {
			safe, _ := resendSafe(ctx)
			chunk[i].Err = c.addMember(safe, groupID, chunk[i].ID, bulkRetries())
			if errors.Is(chunk[i].Err, ErrConflict) {
				chunk[i].Err, chunk[i].Already = nil, true
			}
		}
	})
}

// inChunks runs do on the items 20 at a time, reporting progress after each
// chunk. Once an error shows that no further request can work (permission
// denied, Graph unreachable, cancelled), the remaining items get that error
// without being sent.
func (c *Client) inChunks(ctx context.Context, ids []string, progress func(done, total int), do func(chunk []ItemResult)) []ItemResult {
	results := make([]ItemResult, len(ids))
	for i, id := range ids {
		results[i].ID = id
	}
	for start := 0; start < len(results); start += batchSize {
		chunk := results[start:min(start+batchSize, len(results))]
		do(chunk)
		if progress != nil {
			progress(start+len(chunk), len(results))
		}
		if err := fatal(ctx, chunk); err != nil {
			setAll(results[start+len(chunk):], err)
			if progress != nil && start+len(chunk) < len(results) {
				progress(len(results), len(results))
			}
			break
		}
	}
	return results
}

// fatal returns the error of a chunk that means every later request would
// fail the same way: cancelled, permission denied, throttled beyond the
// retries, or Graph unreachable for every item of the chunk.
func fatal(ctx context.Context, chunk []ItemResult) error {
	if ctx.Err() != nil {
		return ctx.Err()
	}
	unreachable := 0
	for _, r := range chunk {
		if r.Err == nil {
			continue
		}
		if errors.Is(r.Err, ErrUnreachable) {
			unreachable++
			continue
		}
		if !perItemHelps(ctx, r.Err) {
			return r.Err
		}
	}
	if unreachable == len(chunk) {
		return chunk[0].Err
	}
	return nil
}

// perItemHelps reports whether sending the items one by one could give a
// different result per item: yes when Graph refused the request for one
// item's sake (already a member, not found) or the connection dropped.
func perItemHelps(ctx context.Context, err error) bool {
	if ctx.Err() != nil {
		return false
	}
	e, ok := AsError(err)
	if !ok {
		return false
	}
	return !errors.Is(e, ErrDenied) && !errors.Is(e, ErrThrottled)
}

// failAll gives every item the same error, without sending anything.
func failAll(ids []string, err error, progress func(done, total int)) []ItemResult {
	results := make([]ItemResult, len(ids))
	for i, id := range ids {
		results[i] = ItemResult{ID: id, Err: err}
	}
	if progress != nil {
		progress(len(ids), len(ids))
	}
	return results
}

func setAll(items []ItemResult, err error) {
	for i := range items {
		items[i].Err = err
	}
}

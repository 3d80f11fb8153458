package graph

import (
	"context"
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"time"

	core "github.com/microsoftgraph/msgraph-sdk-go-core"
	"github.com/microsoftgraph/msgraph-sdk-go/groups"
)

// maxBatchRounds bounds how often throttled items of one $batch are sent
// again.
const maxBatchRounds = 10

// RemoveMembers removes users or groups from a group, 20 per $batch request.
// Items Graph throttles inside a batch are sent again after the Retry-After
// it asked for. Results are in the order of ids.
func (c *Client) RemoveMembers(ctx context.Context, groupID string, ids []string, progress func(done, total int)) []ItemResult {
	members := c.sdk.Groups().ByGroupId(groupID).Members()
	return c.inChunks(ctx, ids, progress, func(chunk []ItemResult) {
		pending := make([]*ItemResult, len(chunk))
		for i := range chunk {
			pending[i] = &chunk[i]
		}
		for round := 0; len(pending) > 0; round++ {
			wait, err := c.removeBatch(ctx, members.ByDirectoryObjectId, pending)
			if err != nil {
				for _, r := range pending {
					r.Err = err
				}
				return
			}
			pending = throttled(pending)
			if len(pending) == 0 {
				return
			}
			if round+1 == maxBatchRounds || sleep(ctx, wait) != nil {
				return // the items keep their throttled error
			}
		}
	})
}

// removeBatch sends one $batch of member removals and records each item's
// result. It returns the longest Retry-After among throttled items.
func (c *Client) removeBatch(ctx context.Context, member func(string) *groups.ItemMembersDirectoryObjectItemRequestBuilder, items []*ItemResult) (time.Duration, error) {
	batch := core.NewBatchRequest(c.adapter)
	stepFor := make(map[string]*ItemResult, len(items))
	for _, r := range items {
		info, err := member(r.ID).Ref().ToDeleteRequestInformation(ctx, nil)
		if err != nil {
			return 0, fmt.Errorf("graph: remove the members: %w", err)
		}
		step, err := batch.AddBatchRequestStep(*info)
		if err != nil {
			return 0, fmt.Errorf("graph: remove the members: %w", err)
		}
		stepFor[deref(step.GetId())] = r
	}
	resp, err := batch.Send(ctx, c.adapter)
	if err != nil {
		return 0, fail(err, "remove the members", needManageMembers...)
	}
	var wait time.Duration
	for id, r := range stepFor {
		item := resp.GetResponseById(id)
		if item == nil || item.GetStatus() == nil {
			r.Err = &Error{Status: http.StatusBadGateway, Message: "no answer for this item in the batch", Action: "remove the member"}
			continue
		}
		status := int(*item.GetStatus())
		if status < 300 {
			r.Err = nil
			continue
		}
		r.Err = batchItemError(status, item.GetHeaders(), item.GetBody())
		if status == http.StatusTooManyRequests {
			wait = max(wait, retryAfter(item.GetHeaders()))
		}
	}
	return wait, nil
}

// batchItemError decodes the error of one $batch answer.
func batchItemError(status int, headers core.RequestHeader, body core.RequestBody) *Error {
	e := &Error{Status: status, Action: "remove the member", Needs: needManageMembers}
	if body, ok := body["error"].(map[string]any); ok {
		e.Code, _ = body["code"].(string)
		e.Message, _ = body["message"].(string)
		if inner, ok := body["innerError"].(map[string]any); ok {
			e.RequestID, _ = inner["request-id"].(string)
		}
	}
	if e.RequestID == "" {
		e.RequestID = header(headers, "request-id")
	}
	return e
}

// throttled keeps the items Graph answered with 429.
func throttled(items []*ItemResult) []*ItemResult {
	var out []*ItemResult
	for _, r := range items {
		if e, ok := AsError(r.Err); ok && e.Status == http.StatusTooManyRequests {
			out = append(out, r)
		}
	}
	return out
}

// retryAfter reads a Retry-After in seconds; without one, wait a second.
func retryAfter(h core.RequestHeader) time.Duration {
	if s, err := strconv.Atoi(strings.TrimSpace(header(h, "Retry-After"))); err == nil && s >= 0 {
		return time.Duration(s) * time.Second
	}
	return time.Second
}

func header(h core.RequestHeader, name string) string {
	for k, v := range h {
		if strings.EqualFold(k, name) {
			return v
		}
	}
	return ""
}

func sleep(ctx context.Context, d time.Duration) error {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-t.C:
		return nil
	}
}

package graph

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	abstractions "github.com/microsoft/kiota-abstractions-go"
	"github.com/microsoftgraph/msgraph-sdk-go/models/odataerrors"
)

// maxBatchRounds bounds how often throttled items of one $batch are sent
// again.
const maxBatchRounds = 10

// RemoveMembers removes users or groups from a group, 20 per $batch request.
// Items Graph throttles inside a batch are sent again after the Retry-After
// it asked for. Results are in the order of ids.
func (c *Client) RemoveMembers(ctx context.Context, groupID string, ids []string, progress func(done, total int)) []ItemResult {
	if err := noID("remove the members", groupID); err != nil {
		return failAll(ids, err, progress)
	}
	return c.deleteInBatches(ctx, batchDeletes{action: "remove the member", needs: needManageMembers,
		path: func(id string) string { return memberRefPath(groupID, id) }}, ids, progress)
}

// batchDeletes describes DELETE requests sent by $batch: the action and
// permissions their failures name, and the path of the request for one
// item.
type batchDeletes struct {
	action string
	needs  []string
	path   func(id string) string
}

// memberRefPath is the path that removes member from group.
func memberRefPath(groupID, memberID string) string {
	return "/groups/" + url.PathEscape(groupID) + "/members/" + url.PathEscape(memberID) + "/$ref"
}

// deleteInBatches sends the DELETE of each item 20 per $batch request,
// sending throttled items again after the Retry-After Graph asked for.
func (c *Client) deleteInBatches(ctx context.Context, d batchDeletes, ids []string, progress func(done, total int)) []ItemResult {
	return c.inChunks(ctx, ids, progress, func(chunk []ItemResult) {
		c.inRounds(ctx, chunk, func(items []*ItemResult) (time.Duration, error) {
			return c.deleteBatch(ctx, d, items)
		})
	})
}

// inRounds sends chunk through send, then sends again the items Graph
// throttled, after the longest Retry-After they asked for, up to
// maxBatchRounds times. When send fails as a whole, every item still
// pending gets its error.
func (c *Client) inRounds(ctx context.Context, chunk []ItemResult, send func([]*ItemResult) (time.Duration, error)) {
	pending := make([]*ItemResult, len(chunk))
	for i := range chunk {
		pending[i] = &chunk[i]
	}
	for round := 0; len(pending) > 0; round++ {
		wait, err := send(pending)
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
		if round+1 == maxBatchRounds || c.clock.Sleep(ctx, wait) != nil {
			return // the items keep their throttled error
		}
	}
}

// batchRequest and batchAnswer are the JSON of Graph's $batch.
type batchRequest struct {
	Requests []batchStep `json:"requests"`
}

type batchStep struct {
	ID      string            `json:"id"`
	Method  string            `json:"method"`
	URL     string            `json:"url"`
	Headers map[string]string `json:"headers,omitempty"`
	Body    json.RawMessage   `json:"body,omitempty"`
}

type batchAnswer struct {
	Responses []batchItem `json:"responses"`
}

// deleteBatch sends one $batch of deletes and records each item's result.
// It returns the longest Retry-After among throttled items.
func (c *Client) deleteBatch(ctx context.Context, d batchDeletes, items []*ItemResult) (time.Duration, error) {
	steps := make([]batchStep, len(items))
	for i, r := range items {
		steps[i] = batchStep{Method: http.MethodDelete, URL: d.path(r.ID)}
	}
	// Deletes may be sent again after a dropped connection; one that had
	// arrived answers 404 the second time, which means it is done.
	safe, resent := resendSafe(ctx)
	answers, err := c.postBatch(safe, d.action, steps, d.needs)
	if err != nil {
		return 0, err
	}
	var wait time.Duration
	for i, r := range items {
		a := answers[i]
		r.Err = a.err(d.action, d.needs)
		if a.Status == http.StatusNotFound && resent.happened() && !errors.Is(r.Err, ErrDenied) {
			r.Err, r.Already = nil, true
		}
		wait = max(wait, a.retryAfter())
	}
	return wait, nil
}

// batchItem is Graph's answer to one request of a $batch.
type batchItem struct {
	ID      string            `json:"id"`
	Status  int               `json:"status"`
	Headers map[string]string `json:"headers"`
	Body    json.RawMessage   `json:"body"`
}

// err is the item's error, nil when it succeeded; an item Graph did not
// answer is an error of its own.
func (a batchItem) err(action string, needs []string) error {
	switch {
	case a.Status == 0:
		return &Error{Status: http.StatusBadGateway, Message: "no answer for this item in the batch", Action: action}
	case a.Status >= 200 && a.Status < 300:
		return nil
	}
	return batchItemError(a.Status, a.Headers, a.Body, action, needs)
}

// retryAfter is how long a throttled item asks to wait; 0 for the others.
func (a batchItem) retryAfter() time.Duration {
	if a.Status != http.StatusTooManyRequests {
		return 0
	}
	return retryAfter(a.Headers)
}

// postBatch sends steps as one $batch through the SDK's adapter
// (authentication, retries) and returns the answers in the order of steps,
// numbering the steps itself.
func (c *Client) postBatch(ctx context.Context, action string, steps []batchStep, needs []string) ([]batchItem, error) {
	for i := range steps {
		steps[i].ID = strconv.Itoa(i)
	}
	body, err := json.Marshal(batchRequest{Requests: steps})
	if err != nil {
		return nil, fmt.Errorf("graph: %s: %w", action, err)
	}
	info := abstractions.NewRequestInformation()
	info.Method = abstractions.POST
	info.UrlTemplate = "{+baseurl}/$batch"
	info.PathParameters["baseurl"] = c.baseURL
	info.Headers.TryAdd("Accept", "application/json")
	info.SetStreamContentAndContentType(body, "application/json")
	info.AddRequestOptions(bulkRetries())
	raw, err := c.adapter.SendPrimitive(ctx, info, "[]byte", abstractions.ErrorMappings{"XXX": odataerrors.CreateODataErrorFromDiscriminatorValue})
	if err != nil {
		return nil, fail(err, action, needs...)
	}
	var ans batchAnswer
	if b, _ := raw.([]byte); len(b) == 0 || json.Unmarshal(b, &ans) != nil {
		return nil, &Error{Status: http.StatusBadGateway, Message: "the $batch answer could not be read", Action: action}
	}
	items := make([]batchItem, len(steps))
	for _, a := range ans.Responses {
		if i, err := strconv.Atoi(a.ID); err == nil && i >= 0 && i < len(items) {
			items[i] = a
		}
	}
	return items, nil
}

// batchItemError decodes the error of one $batch answer.
func batchItemError(status int, headers map[string]string, body json.RawMessage, action string, needs []string) *Error {
	e := &Error{Status: status, Action: action, Needs: needs}
	var odata struct {
		Error struct {
			Code       string `json:"code"`
			Message    string `json:"message"`
			InnerError struct {
				RequestID string `json:"request-id"`
			} `json:"innerError"`
		} `json:"error"`
	}
	if json.Unmarshal(body, &odata) == nil {
		e.Code = odata.Error.Code
		e.Message = odata.Error.Message
		e.RequestID = odata.Error.InnerError.RequestID
	}
	if e.RequestID == "" {
		e.RequestID = header(headers, "request-id")
	}
	e.printable()
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
func retryAfter(h map[string]string) time.Duration {
	if s, err := strconv.Atoi(strings.TrimSpace(header(h, "Retry-After"))); err == nil && s >= 0 {
		return time.Duration(s) * time.Second
	}
	return time.Second
}

func header(h map[string]string, name string) string {
	for k, v := range h {
		if strings.EqualFold(k, name) {
			return v
		}
	}
	return ""
}

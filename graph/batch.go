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
		pending := make([]*ItemResult, len(chunk))
		for i := range chunk {
			pending[i] = &chunk[i]
		}
		for round := 0; len(pending) > 0; round++ {
			wait, err := c.deleteBatch(ctx, d, pending)
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
	})
}

// batchRequest and batchAnswer are the JSON of Graph's $batch.
type batchRequest struct {
	Requests []batchStep `json:"requests"`
}

type batchStep struct {
	ID     string `json:"id"`
	Method string `json:"method"`
	URL    string `json:"url"`
}

type batchAnswer struct {
	Responses []struct {
		ID      string            `json:"id"`
		Status  int               `json:"status"`
		Headers map[string]string `json:"headers"`
		Body    json.RawMessage   `json:"body"`
	} `json:"responses"`
}

// deleteBatch sends one $batch of deletes through the SDK's adapter
// (authentication, retries) and records each item's result. It returns the
// longest Retry-After among throttled items.
func (c *Client) deleteBatch(ctx context.Context, d batchDeletes, items []*ItemResult) (time.Duration, error) {
	var req batchRequest
	for i, r := range items {
		req.Requests = append(req.Requests, batchStep{
			ID:     strconv.Itoa(i),
			Method: http.MethodDelete,
			URL:    d.path(r.ID),
		})
	}
	// Deletes may be sent again after a dropped connection; one that had
	// arrived answers 404 the second time, which means it is done.
	safe, resent := resendSafe(ctx)
	ans, err := c.sendBatch(safe, d.action, d.needs, req)
	if err != nil {
		return 0, err
	}
	for _, r := range items {
		r.Err = &Error{Status: http.StatusBadGateway, Message: "no answer for this item in the batch", Action: d.action}
	}
	var wait time.Duration
	for _, a := range ans.Responses {
		i, err := strconv.Atoi(a.ID)
		if err != nil || i < 0 || i >= len(items) {
			continue
		}
		if a.Status >= 200 && a.Status < 300 {
			items[i].Err = nil
			continue
		}
		items[i].Err = batchItemError(d, a.Status, a.Headers, a.Body)
		if a.Status == http.StatusNotFound && resent.happened() && !errors.Is(items[i].Err, ErrDenied) {
			items[i].Err, items[i].Already = nil, true
			continue
		}
		if a.Status == http.StatusTooManyRequests {
			wait = max(wait, retryAfter(a.Headers))
		}
	}
	return wait, nil
}

// sendBatch sends one $batch through the SDK's adapter (authentication,
// retries that honour Retry-After) and reads its answers; a failure names
// action and the permissions it needs.
func (c *Client) sendBatch(ctx context.Context, action string, needs []string, req batchRequest) (batchAnswer, error) {
	body, err := json.Marshal(req)
	if err != nil {
		return batchAnswer{}, fmt.Errorf("graph: %s: %w", action, err)
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
		return batchAnswer{}, fail(err, action, needs...)
	}
	var ans batchAnswer
	if b, _ := raw.([]byte); len(b) == 0 || json.Unmarshal(b, &ans) != nil {
		return batchAnswer{}, &Error{Status: http.StatusBadGateway, Message: "the $batch answer could not be read", Action: action}
	}
	return ans, nil
}

// batchItemError decodes the error of one $batch answer.
func batchItemError(d batchDeletes, status int, headers map[string]string, body json.RawMessage) *Error {
	e := &Error{Status: status, Action: d.action, Needs: d.needs}
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

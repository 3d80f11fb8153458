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

	jsonserialization "github.com/microsoft/kiota-serialization-json-go"
)

// CreateUsers creates users 20 per $batch request, with one result per
// user in their order; each result's ID is the user principal name. A
// user whose name is already taken is Already (a file run twice creates
// nobody twice), one Graph refuses never stops the others, and those Graph
// throttles are sent again after the Retry-After it asked for.
func (c *Client) CreateUsers(ctx context.Context, users []NewUser, progress func(done, total int)) []ItemResult {
	upns := make([]string, len(users))
	byUPN := make(map[string]NewUser, len(users))
	for i, nu := range users {
		upns[i] = strings.TrimSpace(nu.UserPrincipalName)
		byUPN[upns[i]] = nu
	}
	return c.inChunks(ctx, upns, progress, func(chunk []ItemResult) {
		c.inRounds(ctx, chunk, func(items []*ItemResult) (time.Duration, error) {
			return c.createBatch(ctx, items, byUPN)
		})
	})
}

// createBatch sends one $batch of user creations and records each item's
// result. It returns the longest Retry-After among throttled items.
func (c *Client) createBatch(ctx context.Context, items []*ItemResult, byUPN map[string]NewUser) (time.Duration, error) {
	steps := make([]batchStep, 0, len(items))
	sent := make([]*ItemResult, 0, len(items))
	for _, r := range items {
		nu := byUPN[r.ID]
		if r.Err = nu.validate(); r.Err != nil {
			continue
		}
		body, err := userJSON(nu)
		if err != nil {
			r.Err = err
			continue
		}
		steps = append(steps, batchStep{Method: http.MethodPost, URL: "/users",
			Headers: map[string]string{"Content-Type": "application/json"}, Body: body})
		sent = append(sent, r)
	}
	if len(steps) == 0 {
		return 0, nil
	}
	// A batch sent again after a dropped connection may have arrived the
	// first time: its creations then answer that the name is taken. Those
	// users were made by this batch, with its passwords, so they count as
	// created; otherwise a taken name was there before.
	safe, resent := resendSafe(ctx)
	answers, err := c.postBatch(safe, "create the users", steps, needManageUsers)
	if err != nil {
		return 0, err
	}
	var wait time.Duration
	for i, r := range sent {
		r.Err = answers[i].err("create the user", needManageUsers)
		if errors.Is(r.Err, ErrConflict) {
			r.Err, r.Already = nil, !resent.happened()
		}
		wait = max(wait, answers[i].retryAfter())
	}
	return wait, nil
}

// userJSON is the body that creates nu, as the SDK writes it.
func userJSON(nu NewUser) (json.RawMessage, error) {
	w := jsonserialization.NewJsonSerializationWriter()
	defer w.Close()
	if err := w.WriteObjectValue("", nu.body()); err != nil {
		return nil, fmt.Errorf("graph: create the user: %w", err)
	}
	b, err := w.GetSerializedContent()
	if err != nil {
		return nil, fmt.Errorf("graph: create the user: %w", err)
	}
	return b, nil
}

// upnsPerQuery is how many names one $filter with in looks up: Graph
// takes up to 15 values in one in.
const upnsPerQuery = 15

// ExistingUserPrincipalNames tells which of upns already name a user. Each
// request of a $batch looks up 15 names with $filter=userPrincipalName in
// (...), so one round trip checks 300. The keys are the names in lower
// case, as the directory compares them; progress counts names.
func (c *Client) ExistingUserPrincipalNames(ctx context.Context, upns []string, progress func(done, total int)) (map[string]bool, error) {
	var groups [][]string
	for i := 0; i < len(upns); i += upnsPerQuery {
		groups = append(groups, upns[i:min(i+upnsPerQuery, len(upns))])
	}
	keys := make([]string, len(groups))
	for i := range groups {
		keys[i] = strconv.Itoa(i)
	}
	counted := func(done, total int) {
		if progress != nil {
			progress(min(done*upnsPerQuery, len(upns)), len(upns))
		}
	}
	found := map[string]bool{}
	results := c.inChunks(ctx, keys, counted, func(chunk []ItemResult) {
		c.inRounds(ctx, chunk, func(items []*ItemResult) (time.Duration, error) {
			return c.lookupBatch(ctx, items, groups, found)
		})
	})
	for _, r := range results {
		if r.Err != nil {
			return found, r.Err
		}
	}
	return found, nil
}

// lookupBatch sends one $batch of name lookups; each item's ID is the
// index of its group of names.
func (c *Client) lookupBatch(ctx context.Context, items []*ItemResult, groups [][]string, found map[string]bool) (time.Duration, error) {
	steps := make([]batchStep, len(items))
	for i, r := range items {
		n, _ := strconv.Atoi(r.ID)
		steps[i] = batchStep{Method: http.MethodGet, URL: "/users?" + upnFilter(groups[n])}
	}
	answers, err := c.postBatch(ctx, "look up the users", steps, needReadUsers)
	if err != nil {
		return 0, err
	}
	var wait time.Duration
	for i, r := range items {
		a := answers[i]
		if r.Err = a.err("look up the users", needReadUsers); r.Err == nil {
			var page struct {
				Value []struct {
					UserPrincipalName string `json:"userPrincipalName"`
				} `json:"value"`
			}
			if json.Unmarshal(a.Body, &page) != nil {
				r.Err = &Error{Status: http.StatusBadGateway, Message: "the list of users could not be read", Action: "look up the users"}
			}
			for _, u := range page.Value {
				found[strings.ToLower(u.UserPrincipalName)] = true
			}
		}
		wait = max(wait, a.retryAfter())
	}
	return wait, nil
}

// upnFilter is the query that reads the users named upns.
func upnFilter(upns []string) string {
	quoted := make([]string, len(upns))
	for i, u := range upns {
		quoted[i] = "'" + strings.ReplaceAll(u, "'", "''") + "'"
	}
	return url.Values{
		"$filter": {"userPrincipalName in (" + strings.Join(quoted, ",") + ")"},
		"$select": {"id,userPrincipalName"},
	}.Encode()
}

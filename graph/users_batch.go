package graph

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/url"
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
	// A creation sent again after a dropped connection answers that the
	// name is taken, which is reported as already there.
	safe, _ := resendSafe(ctx)
	answers, err := c.postBatch(safe, "create the users", steps, needManageUsers)
	if err != nil {
		return 0, err
	}
	var wait time.Duration
	for i, r := range sent {
		r.Err = answers[i].err("create the user", needManageUsers)
		if errors.Is(r.Err, ErrConflict) {
			r.Err, r.Already = nil, true
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

// ExistingUserPrincipalNames tells which of upns already name a user,
// reading 20 per $batch request (GET /users/{userPrincipalName}). The keys
// are the names in lower case, as the directory compares them.
func (c *Client) ExistingUserPrincipalNames(ctx context.Context, upns []string, progress func(done, total int)) (map[string]bool, error) {
	found := map[string]bool{}
	var firstErr error
	results := c.inChunks(ctx, upns, progress, func(chunk []ItemResult) {
		c.inRounds(ctx, chunk, func(items []*ItemResult) (time.Duration, error) {
			return c.lookupBatch(ctx, items, found)
		})
	})
	for _, r := range results {
		if r.Err != nil {
			firstErr = r.Err
			break
		}
	}
	return found, firstErr
}

// lookupBatch reads one $batch of users by name; a name nobody has is not
// an error.
func (c *Client) lookupBatch(ctx context.Context, items []*ItemResult, found map[string]bool) (time.Duration, error) {
	steps := make([]batchStep, len(items))
	for i, r := range items {
		steps[i] = batchStep{Method: http.MethodGet, URL: "/users/" + url.PathEscape(r.ID) + "?$select=id,userPrincipalName"}
	}
	answers, err := c.postBatch(ctx, "read the users", steps, needReadUsers)
	if err != nil {
		return 0, err
	}
	var wait time.Duration
	for i, r := range items {
		r.Err = answers[i].err("read the user", needReadUsers)
		switch {
		case r.Err == nil:
			found[strings.ToLower(r.ID)] = true
		case errors.Is(r.Err, ErrNotFound) && !errors.Is(r.Err, ErrDenied):
			r.Err = nil
		}
		wait = max(wait, answers[i].retryAfter())
	}
	return wait, nil
}

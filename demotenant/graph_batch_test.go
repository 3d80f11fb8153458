package demotenant

import (
	"encoding/json"
	"fmt"
	"net/http"
	"testing"
)

type batchReply struct {
	Responses []struct {
		ID      string            `json:"id"`
		Status  int               `json:"status"`
		Headers map[string]string `json:"headers"`
		Body    json.RawMessage   `json:"body"`
	} `json:"responses"`
}

func (g *graphClient) batch(t *testing.T, parts []map[string]any) batchReply {
	t.Helper()
	a := g.do(http.MethodPost, "/$batch", map[string]any{"requests": parts})
	if a.Status != http.StatusOK {
		t.Fatalf("batch: %d %s", a.Status, a.Body)
	}
	var reply batchReply
	if err := json.Unmarshal(a.Body, &reply); err != nil {
		t.Fatalf("batch answer: %v", err)
	}
	return reply
}

func TestGraphBatch(t *testing.T) {
	s := startTenant(t, Options{})
	g := appGraph(t, s)
	domain := s.Info().TenantDomain
	group := groupID(t, g, "Sales")
	reply := g.batch(t, []map[string]any{
		{"id": "1", "method": "GET", "url": "/users/megan@" + domain + "?$select=id,displayName"},
		{"id": "2", "method": "POST", "url": "users", "headers": map[string]string{"Content-Type": "application/json"},
			"body": newUserBody("batch.user@"+domain, "Str0ng-Passw0rd")},
		{"id": "3", "method": "GET", "url": "/users/nobody@" + domain},
		{"id": "4", "method": "GET", "url": "/groups/" + group, "dependsOn": []string{"3"}},
		{"id": "5", "method": "GET", "url": "/users/$count", "headers": map[string]string{"ConsistencyLevel": "eventual"}},
		{"id": "6", "method": "GET", "url": "https://graph.microsoft.com/v1.0/groups/" + group + "?$select=displayName"},
	})
	status := map[string]int{}
	for _, r := range reply.Responses {
		status[r.ID] = r.Status
	}
	want := map[string]int{"1": 200, "2": 201, "3": 404, "4": 424, "5": 200, "6": 200}
	for id, st := range want {
		if status[id] != st {
			t.Errorf("part %s: status %d, want %d", id, status[id], st)
		}
	}
	var megan map[string]any
	if err := json.Unmarshal(reply.Responses[0].Body, &megan); err != nil || megan["displayName"] != "Megan Bowen" {
		t.Errorf("part 1 body: %s", reply.Responses[0].Body)
	}
	var notFound struct{ Error struct{ Code string } }
	if err := json.Unmarshal(reply.Responses[2].Body, &notFound); err != nil || notFound.Error.Code != "Request_ResourceNotFound" {
		t.Errorf("part 3 body: %s", reply.Responses[2].Body)
	}
	g.get("/users/batch.user@"+domain).object(t, http.StatusOK)
	if s.GraphRequests() == 0 {
		t.Error("Graph requests not counted")
	}
}

func TestGraphBatchLimits(t *testing.T) {
	s := startTenant(t, Options{})
	g := appGraph(t, s)
	var parts []map[string]any
	for i := range 21 {
		parts = append(parts, map[string]any{"id": fmt.Sprint(i), "method": "GET", "url": "/organization"})
	}
	g.do(http.MethodPost, "/$batch", map[string]any{"requests": parts}).wantError(t, http.StatusBadRequest, "BadRequest")
	if reply := g.batch(t, parts[:20]); len(reply.Responses) != 20 {
		t.Errorf("%d answers to 20 requests", len(reply.Responses))
	}
	for name, body := range map[string]any{
		"empty":               map[string]any{"requests": []any{}},
		"duplicate ids":       map[string]any{"requests": []any{parts[0], parts[0]}},
		"unknown depends":     map[string]any{"requests": []any{map[string]any{"id": "a", "method": "GET", "url": "/users", "dependsOn": []string{"z"}}}},
		"missing url":         map[string]any{"requests": []any{map[string]any{"id": "a", "method": "GET"}}},
		"not json":            "{requests",
		"requests not a list": map[string]any{"requests": "GET /users"},
	} {
		t.Run(name, func(t *testing.T) {
			g.do(http.MethodPost, "/$batch", body).wantError(t, http.StatusBadRequest, "BadRequest")
		})
	}
	nested := g.batch(t, []map[string]any{{"id": "1", "method": "POST", "url": "/$batch"}})
	if nested.Responses[0].Status != http.StatusBadRequest {
		t.Errorf("nested batch: %d", nested.Responses[0].Status)
	}
}

func TestGraphBatchRunsWithTheBatchCallersPermissions(t *testing.T) {
	s := startTenant(t, Options{Scenario: ScenarioReadOnly})
	g := appGraph(t, s)
	reply := g.batch(t, []map[string]any{
		{"id": "1", "method": "GET", "url": "/users?$top=1"},
		{"id": "2", "method": "DELETE", "url": "/users/admin@" + s.Info().TenantDomain},
	})
	if reply.Responses[0].Status != 200 || reply.Responses[1].Status != 403 {
		t.Errorf("read-only batch: %d, %d", reply.Responses[0].Status, reply.Responses[1].Status)
	}
}

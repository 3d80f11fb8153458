package graph_test

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/entra-wizard/entra-wizard/demotenant"
	"github.com/entra-wizard/entra-wizard/graph"
	"github.com/entra-wizard/entra-wizard/oauth"
)

func TestUnreachableGraphIsExplained(t *testing.T) {
	tn := startTenant(t, demotenant.Options{})
	// Get a token first, then stop the tenant: only Graph is missing.
	if _, err := tn.client.User(context.Background(), tn.info.Users[0].UPN); err != nil {
		t.Fatal(err)
	}
	_ = tn.srv.Close()
	_, err := tn.client.User(context.Background(), tn.info.Users[0].UPN)
	if !errors.Is(err, graph.ErrUnreachable) {
		t.Fatalf("err = %v, want ErrUnreachable", err)
	}
	e, _ := graph.AsError(err)
	if e.Action != "read the user" || !strings.HasPrefix(e.Plain(), "Could not reach Microsoft Graph") {
		t.Errorf("Plain() = %q", e.Plain())
	}
}

func TestDroppedConnectionsAreReportedNotHidden(t *testing.T) {
	tn := startTenant(t, demotenant.Options{DropEvery: 2})
	ctx := context.Background()
	var dropped, answered int
	for range 6 {
		_, err := tn.client.CreateGroup(ctx, graph.NewGroup{DisplayName: "Drop test"})
		switch {
		case err == nil:
			answered++
		case errors.Is(err, graph.ErrUnreachable):
			dropped++
		default:
			t.Fatalf("unexpected error %v", err)
		}
	}
	if dropped == 0 || answered == 0 {
		t.Errorf("%d dropped, %d answered; want some of each", dropped, answered)
	}
}

func TestNotFoundAndDeniedNameWhatIsNeeded(t *testing.T) {
	tn := startTenant(t, demotenant.Options{Scenario: demotenant.ScenarioReadOnly})
	ctx := context.Background()
	_, err := tn.client.Group(ctx, "00000000-0000-4000-8000-000000000000")
	e, ok := graph.AsError(err)
	if !ok || !errors.Is(err, graph.ErrNotFound) || !strings.Contains(e.Plain(), "not found") || !strings.Contains(e.Plain(), "Request_ResourceNotFound") {
		t.Errorf("not found: %v", err)
	}
	err = tn.client.DeleteUser(ctx, tn.info.Users[1].UPN)
	e, ok = graph.AsError(err)
	if !ok || !errors.Is(err, graph.ErrDenied) {
		t.Fatalf("delete with a read-only app: %v", err)
	}
	plain := e.Plain()
	if e.Action != "delete the user" {
		t.Errorf("action %q", e.Action)
	}
	for _, words := range []string{"not allowed", "User.ReadWrite.All", "admin consent", "Authorization_RequestDenied"} {
		if !strings.Contains(plain, words) {
			t.Errorf("Plain() = %q; want it to mention %q", plain, words)
		}
	}
	if e.RequestID == "" {
		t.Error("no request id kept for support")
	}
}

func TestPlainExplainsGraphCodes(t *testing.T) {
	cases := []struct {
		err   graph.Error
		words string
	}{
		{graph.Error{Status: 429, Code: "TooManyRequests"}, "throttling"},
		{graph.Error{Status: 503, Code: "serviceNotAvailable"}, "temporary problem"},
		{graph.Error{Status: 400, Code: "Request_BadRequest", Message: "One or more added object references already exist for the following modified properties: 'members'."}, "already a member"},
		{graph.Error{Status: 400, Code: "Request_BadRequest", Message: "Subscription with SKU x does not have any available licenses."}, "no free licenses"},
		{graph.Error{Status: 400, Code: "Request_BadRequest", Message: "Something else."}, "Microsoft Graph said: Something else."},
		{graph.Error{Status: 401, Code: "InvalidAuthenticationToken"}, "did not accept"},
		{graph.Error{Status: 403, Code: "Authorization_RequestDenied", Needs: []string{"Group.ReadWrite.All"}}, "Group.ReadWrite.All"},
	}
	for _, tc := range cases {
		plain := tc.err.Plain()
		if !strings.Contains(plain, tc.words) || !strings.Contains(plain, tc.err.Code) {
			t.Errorf("%d %s: Plain() = %q; want %q and the code", tc.err.Status, tc.err.Code, plain, tc.words)
		}
	}
}

func TestEmptyIDsAreRefusedBeforeSending(t *testing.T) {
	tn := startTenant(t, demotenant.Options{})
	ctx := context.Background()
	c := tn.client
	before := tn.srv.GraphRequests()
	_, errUser := c.User(ctx, " ")
	_, errMembers := c.Members("", false).Next(ctx)
	errs := []error{
		errUser, errMembers,
		c.UpdateUser(ctx, "", graph.UserChanges{}),
		c.DeleteGroup(ctx, ""),
		c.AddMember(ctx, "g", ""),
		c.RemoveMember(ctx, "", "m"),
		c.AddMembers(ctx, "", []string{"a"}, nil)[0].Err,
		c.RemoveMembers(ctx, "", []string{"a"}, nil)[0].Err,
	}
	for i, err := range errs {
		if err == nil || !strings.Contains(err.Error(), "no object ID given") {
			t.Errorf("call %d: %v", i, err)
		}
	}
	if n := tn.srv.GraphRequests() - before; n != 0 {
		t.Errorf("%d requests sent", n)
	}
}

func TestTokenErrorsPassThroughOperations(t *testing.T) {
	tn := startTenant(t, demotenant.Options{})
	const wrong = "not-the-secret-value"
	c := tn.connect(t, tn.info.ClientID, wrong)
	_, err := c.Users(graph.UserQuery{}).Next(context.Background())
	e, ok := oauth.AsError(err)
	if !ok || e.Code != "AADSTS7000215" {
		t.Fatalf("err = %v; want Entra's AADSTS7000215 through the operation", err)
	}
	if _, isGraph := graph.AsError(err); isGraph {
		t.Error("a sign-in failure was reported as a Graph error")
	}
	if strings.Contains(err.Error(), wrong) || strings.Contains(err.Error(), tn.info.ClientSecret) {
		t.Error("the error text holds a secret")
	}
}

func TestThrottledReadsAreRetried(t *testing.T) {
	tn := startTenant(t, demotenant.Options{ThrottleEvery: 3, RetryAfter: 1})
	ctx := context.Background()
	before := tn.srv.GraphRequests()
	for i := range 4 {
		if _, err := tn.client.User(ctx, tn.info.Users[0].UPN); err != nil {
			t.Fatalf("read %d: %v", i, err)
		}
	}
	n := tn.srv.GraphRequests() - before
	if n <= 4 {
		t.Errorf("%d requests for 4 reads: no 429 was met and retried", n)
	}
	// Each 429 is waited out for its Retry-After of one second, on the
	// client's clock.
	waits := tn.clock.asked()
	if int64(len(waits)) != n-4 {
		t.Errorf("%d waits for %d throttled answers", len(waits), n-4)
	}
	for _, d := range waits {
		if d != time.Second {
			t.Errorf("waited %s, want the Retry-After of 1s", d)
		}
	}
}

package cli

import (
	"bytes"
	"context"
	"encoding/json"
	"net/http"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/entra-wizard/entra-wizard/demotenant"
	"github.com/entra-wizard/entra-wizard/graph"
	"github.com/entra-wizard/entra-wizard/oauth"
)

// adminClient changes the demo tenant through Graph, as another
// administrator would while the feed is being followed.
func (f *connectFixture) adminClient(t *testing.T) *graph.Client {
	t.Helper()
	ep, err := oauth.CustomEndpoints(f.info.Authority, f.info.Graph)
	if err != nil {
		t.Fatal(err)
	}
	ts := oauth.ClientCredentials{Endpoints: ep, Tenant: f.info.TenantID, ClientID: f.info.ClientID,
		Secret: f.info.ClientSecret, HTTPClient: &http.Client{}}.TokenSource(context.Background())
	c, err := graph.New(graph.Config{BaseURL: ep.GraphBaseURL(), TokenSource: ts, HTTPClient: &http.Client{}})
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// jsonEvents reads the lines of changes --json.
func jsonEvents(t *testing.T, out string) []map[string]any {
	t.Helper()
	var events []map[string]any
	for _, line := range strings.Split(strings.TrimSpace(out), "\n") {
		if line == "" {
			continue
		}
		var e map[string]any
		if err := json.Unmarshal([]byte(line), &e); err != nil {
			t.Fatalf("not a JSON line: %q: %v", line, err)
		}
		events = append(events, e)
	}
	return events
}

func TestChangesBaselineThenTheChangesOnce(t *testing.T) {
	f := exportFixture(t)
	res := f.run(t, runChanges, "", "all", "--name", "northwind", "--json")
	if res.code != 0 || res.stdout != "" || !strings.Contains(res.stderr, "Recorded a baseline of 25") {
		t.Fatalf("first run: exit %d, stdout %q, stderr %q", res.code, res.stdout, res.stderr)
	}
	ctx := context.Background()
	admin := f.adminClient(t)
	u, err := admin.CreateUser(ctx, graph.NewUser{DisplayName: "Feed Tester", UserPrincipalName: "feed.tester@" + f.info.TenantDomain,
		UsageLocation: "GB", Password: "Str0ng-Passw0rd-1"})
	if err != nil {
		t.Fatal(err)
	}
	g, err := admin.CreateGroup(ctx, graph.NewGroup{DisplayName: "Feed Watchers"})
	if err != nil {
		t.Fatal(err)
	}
	res = f.run(t, runChanges, "", "all", "--name", "northwind", "--json")
	events := jsonEvents(t, res.stdout)
	if res.code != 0 || len(events) != 2 {
		t.Fatalf("exit %d, events %v, stderr %q", res.code, events, res.stderr)
	}
	keys := slices.Sorted(func(yield func(string) bool) {
		for k := range events[0] {
			if !yield(k) {
				return
			}
		}
	})
	if strings.Join(keys, ",") != "changed,displayName,id,observedAt,type" {
		t.Errorf("JSON keys %v, want DESIGN.md's", keys)
	}
	if events[0]["type"] != "user.created" || events[0]["id"] != u.ID || events[1]["type"] != "group.created" || events[1]["id"] != g.ID {
		t.Errorf("events %v", events)
	}
	if _, err := time.Parse(time.RFC3339, events[0]["observedAt"].(string)); err != nil {
		t.Errorf("observedAt: %v", err)
	}
	if res = f.run(t, runChanges, "", "users", "--name", "northwind"); res.code != 0 || res.stdout != "" {
		t.Errorf("a second run printed again: exit %d, %q", res.code, res.stdout)
	}

	title := "Feed Reader"
	if err := admin.UpdateUser(ctx, u.ID, graph.UserChanges{JobTitle: &title}); err != nil {
		t.Fatal(err)
	}
	res = f.run(t, runChanges, "", "users", "--name", "northwind")
	if !strings.Contains(res.stdout, "user.updated") || !strings.Contains(res.stdout, "Feed Tester ("+u.ID+"): jobTitle") {
		t.Errorf("text output %q", res.stdout)
	}
}

func TestChangesRefusesBadUsage(t *testing.T) {
	f := exportFixture(t)
	for _, args := range [][]string{
		{"--name", "northwind"},
		{"everything", "--name", "northwind"},
		{"users"},
	} {
		if res := f.run(t, runChanges, "", args...); res.code != 2 || !strings.Contains(res.stderr, "Usage: entra-wizard changes") {
			t.Errorf("%v: exit %d, stderr %q", args, res.code, res.stderr)
		}
	}
	if res := f.run(t, runWatch, "", "all", "--name", "northwind", "--interval", "10ms"); res.code != 2 {
		t.Errorf("--interval 10ms accepted: exit %d", res.code)
	}
	if res := f.run(t, runChanges, "", "users", "--name", "nowhere"); res.code != 1 || !strings.Contains(res.stderr, "nowhere") {
		t.Errorf("unknown connection: exit %d, stderr %q", res.code, res.stderr)
	}
}

// lockedBuffer is written by the command and read by the test at once.
type lockedBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *lockedBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

func TestWatchPrintsChangesAsTheyComeUntilInterrupted(t *testing.T) {
	f := newConnectFixture(t, demotenant.Options{OtherAdminEvery: 20 * time.Millisecond})
	if res := f.connectSecret(t, "northwind", f.info.ClientID, f.info.ClientSecret); res.code != 0 {
		t.Fatalf("connect: %s", res.stderr)
	}
	var out, errOut lockedBuffer
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	done := make(chan int)
	go func() {
		done <- runWatch(ctx, []string{"users", "--name", "northwind", "--json", "--interval", "1s"},
			Env{Stdout: &out, Stderr: &errOut}, f.deps)
	}()
	deadline := time.After(90 * time.Second)
	for len(jsonEvents(t, out.String())) < 2 {
		select {
		case <-deadline:
			t.Fatalf("no changes printed; stderr %q", errOut.String())
		case <-time.After(50 * time.Millisecond):
		}
	}
	cancel()
	if code := <-done; code != 0 {
		t.Errorf("interrupted watch exited %d", code)
	}
	if !strings.Contains(errOut.String(), "Recorded a baseline") {
		t.Errorf("stderr %q", errOut.String())
	}
	// Each of the other administrator's accounts is created, updated and
	// deleted once: any (type, id) twice is an event printed twice.
	seen := map[string]bool{}
	for _, e := range jsonEvents(t, out.String()) {
		key := e["type"].(string) + " " + e["id"].(string)
		if seen[key] {
			t.Errorf("event printed twice: %s", key)
		}
		seen[key] = true
	}
}

package changefeed_test

import (
	"context"
	"errors"
	"net/http"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/entra-wizard/entra-wizard/changefeed"
	"github.com/entra-wizard/entra-wizard/demotenant"
	"github.com/entra-wizard/entra-wizard/demotenant/demotest"
	"github.com/entra-wizard/entra-wizard/graph"
	"github.com/entra-wizard/entra-wizard/oauth"
)

var both = []graph.Collection{graph.Users, graph.Groups}

type tenant struct {
	srv    *demotenant.Server
	info   demotenant.Info
	client *graph.Client
}

func startTenant(tb testing.TB, opts demotenant.Options) *tenant {
	tb.Helper()
	return startTenantWith(tb, opts, &http.Client{})
}

// startTenantWith is startTenant with the Graph client's HTTP client given.
func startTenantWith(tb testing.TB, opts demotenant.Options, hc *http.Client) *tenant {
	tb.Helper()
	srv := demotest.Start(tb, opts)
	info := srv.Info()
	ep, err := oauth.CustomEndpoints(info.Authority, info.Graph)
	if err != nil {
		tb.Fatal(err)
	}
	ts := oauth.ClientCredentials{Endpoints: ep, Tenant: info.TenantID, ClientID: info.ClientID,
		Secret: info.ClientSecret, HTTPClient: &http.Client{}}.TokenSource(context.Background())
	c, err := graph.New(graph.Config{BaseURL: ep.GraphBaseURL(), TokenSource: ts, HTTPClient: hc, Clock: noWaitClock{}})
	if err != nil {
		tb.Fatal(err)
	}
	return &tenant{srv: srv, info: info, client: c}
}

// feed opens the feed of connection "demo" kept in dir, as a program
// starting afresh would.
func (tn *tenant) feed(dir string) *changefeed.Feed {
	return &changefeed.Feed{Source: tn.client, Store: changefeed.OpenStore(dir), Connection: "demo",
		Reader: changefeed.ReaderCLI, Round: graph.RoundOptions{Wait: noWait}}
}

func noWait(ctx context.Context, _ time.Duration) error { return ctx.Err() }

// noWaitClock lets the Graph client wait out Retry-After at once.
type noWaitClock struct{}

func (noWaitClock) Now() time.Time { return time.Now() }

func (noWaitClock) Sleep(ctx context.Context, d time.Duration) error { return noWait(ctx, d) }

// poll polls users and groups and returns the events delivered.
func poll(t *testing.T, f *changefeed.Feed, baseline bool) ([]graph.Change, []changefeed.Report) {
	t.Helper()
	var got []graph.Change
	reports, err := f.Poll(context.Background(), both, baseline, func(ch []graph.Change) error {
		got = append(got, ch...)
		return nil
	})
	if err != nil {
		t.Fatalf("Poll: %v", err)
	}
	return got, reports
}

// summary writes events as "type id changed,..." lines, sorted.
func summary(changes []graph.Change) string {
	var lines []string
	for _, c := range changes {
		lines = append(lines, c.Type+" "+c.DisplayName+" "+strings.Join(c.Changed, ","))
	}
	slices.Sort(lines)
	return strings.Join(lines, "\n")
}

// must retries an operation the fault knobs may drop or throttle: a
// dropped request never reached the directory, so sending it again is safe.
func must(t *testing.T, what string, op func() error) {
	t.Helper()
	var err error
	for range 10 {
		if err = op(); err == nil || !errors.Is(err, graph.ErrUnreachable) {
			break
		}
	}
	if err != nil {
		t.Fatalf("%s: %v", what, err)
	}
}

// makeChanges creates, updates and deletes users and groups and changes
// members, and returns the events they should produce.
func makeChanges(t *testing.T, tn *tenant, tag string) string {
	ctx := context.Background()
	var err error
	var newUser graph.User
	must(t, "create user", func() error {
		newUser, err = tn.client.CreateUser(ctx, graph.NewUser{DisplayName: "New Hire " + tag,
			UserPrincipalName: "new.hire." + tag + "@" + tn.info.TenantDomain, UsageLocation: "GB", Password: "Str0ng-Passw0rd-" + tag})
		return err
	})
	var users []graph.User
	must(t, "list users", func() error {
		users, err = tn.client.Users(graph.UserQuery{Top: 999}).All(ctx)
		return err
	})
	slices.SortFunc(users, func(a, b graph.User) int { return strings.Compare(a.UserPrincipalName, b.UserPrincipalName) })
	users = slices.DeleteFunc(users, func(u graph.User) bool { return strings.HasPrefix(u.UserPrincipalName, "new.hire.") })
	edited, removed := users[len(users)-1], users[len(users)-2]
	title := "Head of Change " + tag
	must(t, "update user", func() error { return tn.client.UpdateUser(ctx, edited.ID, graph.UserChanges{JobTitle: &title}) })
	var group graph.Group
	must(t, "create group", func() error {
		group, err = tn.client.CreateGroup(ctx, graph.NewGroup{DisplayName: "Change Team " + tag})
		return err
	})
	must(t, "add member", func() error { return tn.client.AddMember(ctx, group.ID, newUser.ID) })
	desc := "Renamed in round " + tag
	must(t, "update group", func() error { return tn.client.UpdateGroup(ctx, group.ID, graph.GroupChanges{Description: &desc}) })
	must(t, "delete user", func() error { return tn.client.DeleteUser(ctx, removed.ID) })
	want := []graph.Change{
		{Type: graph.UserCreated, DisplayName: newUser.DisplayName},
		{Type: graph.UserUpdated, DisplayName: edited.DisplayName, Changed: []string{"jobTitle"}},
		{Type: graph.UserDeleted, DisplayName: removed.DisplayName},
		{Type: graph.GroupCreated, DisplayName: group.DisplayName},
	}
	// The group was created and changed within one round: it shows once, as
	// created.
	return summary(want)
}

func TestBaselineThenEachChangeOnceAcrossRestarts(t *testing.T) {
	tn := startTenant(t, demotenant.Options{})
	dir := t.TempDir()
	changes, reports := poll(t, tn.feed(dir), false)
	if len(changes) != 0 || !reports[0].Baseline || !reports[1].Baseline || reports[0].Objects < 250 {
		t.Fatalf("first poll: %d events, reports %+v; want a quiet baseline", len(changes), reports)
	}
	want := makeChanges(t, tn, "a")

	before := tn.srv.GraphRequests()
	changes, reports = poll(t, tn.feed(dir), false) // a new Feed: as after a restart
	if got := summary(onlyTouched(changes)); got != want {
		t.Errorf("events after the changes:\n%s\nwant:\n%s", got, want)
	}
	if n := tn.srv.GraphRequests() - before; n != 2 || reports[0].Baseline || reports[1].Baseline {
		t.Errorf("%d requests and reports %+v; want one delta request per collection, no baseline", n, reports)
	}
	if again, _ := poll(t, tn.feed(dir), false); len(again) != 0 {
		t.Errorf("a second poll repeated %d events: %s", len(again), summary(again))
	}
}

// onlyTouched drops the updates of groups that lost the deleted user, which
// depend on the seed's memberships.
func onlyTouched(changes []graph.Change) []graph.Change {
	return slices.DeleteFunc(slices.Clone(changes), func(c graph.Change) bool {
		return c.Type == graph.GroupUpdated && slices.Equal(c.Changed, []string{graph.MembersChanged})
	})
}

func TestEventsAreNotLostWhenDeliveryFails(t *testing.T) {
	tn := startTenant(t, demotenant.Options{})
	dir := t.TempDir()
	poll(t, tn.feed(dir), false)
	want := makeChanges(t, tn, "b")
	_, err := tn.feed(dir).Poll(context.Background(), both, false, func([]graph.Change) error {
		return errors.New("stdout closed")
	})
	if err == nil {
		t.Fatal("a failed delivery was not reported")
	}
	changes, _ := poll(t, tn.feed(dir), false)
	if got := summary(onlyTouched(changes)); got != want {
		t.Errorf("after a failed delivery:\n%s\nwant:\n%s", got, want)
	}
}

func TestExpiredLinkStartsANewBaselineAndSaysSo(t *testing.T) {
	tn := startTenant(t, demotenant.Options{})
	dir := t.TempDir()
	poll(t, tn.feed(dir), false)
	// Spoil the stored tokens, as an expired or foreign link would be.
	files, _ := filepath.Glob(filepath.Join(dir, changefeed.DirName, "*.json"))
	for _, f := range files {
		raw, _ := os.ReadFile(f)
		spoiled := strings.ReplaceAll(string(raw), "deltatoken=", "deltatoken=spoiled")
		if err := os.WriteFile(f, []byte(spoiled), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	if len(files) != 1 {
		t.Fatalf("feed files %v, want one", files)
	}
	changes, reports := poll(t, tn.feed(dir), false)
	if len(changes) != 0 || !reports[0].Expired || !reports[0].Baseline || !reports[1].Expired {
		t.Fatalf("after the link expired: %d events, reports %+v", len(changes), reports)
	}
	want := makeChanges(t, tn, "c")
	changes, _ = poll(t, tn.feed(dir), false)
	if got := summary(onlyTouched(changes)); got != want {
		t.Errorf("after the new baseline:\n%s\nwant:\n%s", got, want)
	}
}

func TestThrottlingAndDroppedConnectionsLoseAndRepeatNothing(t *testing.T) {
	faults := &deltaFaults{base: http.DefaultTransport}
	tn := startTenantWith(t, demotenant.Options{ThrottleEvery: 5, DropEvery: 3}, &http.Client{Transport: faults})
	dir := t.TempDir()
	poll(t, tn.feed(dir), false)
	for round, tag := range []string{"d", "e"} {
		want := makeChanges(t, tn, tag)
		changes, _ := poll(t, tn.feed(dir), false)
		if got := summary(onlyTouched(changes)); got != want {
			t.Errorf("round %d:\n%s\nwant:\n%s", round, got, want)
		}
	}
	if faults.n.Load() == 0 {
		t.Error("no delta request met a fault; the test proves nothing")
	}
}

// deltaFaults counts the delta requests that were throttled or whose
// connection dropped, whichever layer then retried them.
type deltaFaults struct {
	base http.RoundTripper
	n    atomic.Int64
}

func (f *deltaFaults) RoundTrip(r *http.Request) (*http.Response, error) {
	resp, err := f.base.RoundTrip(r)
	if strings.Contains(r.URL.Path, "delta") && (err != nil || resp.StatusCode == http.StatusTooManyRequests) {
		f.n.Add(1)
	}
	return resp, err
}

func TestReadersKeepTheirOwnPlace(t *testing.T) {
	tn := startTenant(t, demotenant.Options{})
	dir := t.TempDir()
	cli, app := tn.feed(dir), tn.feed(dir)
	app.Reader = changefeed.ReaderApp
	poll(t, cli, false)
	poll(t, app, false)
	want := makeChanges(t, tn, "f")
	for _, f := range []*changefeed.Feed{cli, app} {
		changes, _ := poll(t, f, false)
		if got := summary(onlyTouched(changes)); got != want {
			t.Errorf("reader %s:\n%s\nwant:\n%s", f.Reader, got, want)
		}
	}
}

// Graph holds at most 200 users to a delta page: a round with more changes
// than that comes in several pages, and every change of every page is
// delivered once.
func TestMoreChangesThanAPageHoldsAllArrive(t *testing.T) {
	tn := startTenant(t, demotenant.Options{})
	dir := t.TempDir()
	poll(t, tn.feed(dir), false)
	ctx := context.Background()
	users, err := tn.client.Users(graph.UserQuery{}).All(ctx)
	if err != nil {
		t.Fatal(err)
	}
	edited := users[:230]
	title := "Reorganised"
	for _, u := range edited {
		must(t, "update user", func() error { return tn.client.UpdateUser(ctx, u.ID, graph.UserChanges{JobTitle: &title}) })
	}
	_, reports := poll(t, tn.feed(dir), false)
	got := map[string]int{}
	for _, c := range reports[0].Changes {
		if c.Type == graph.UserUpdated && slices.Equal(c.Changed, []string{"jobTitle"}) {
			got[c.ID]++
		}
	}
	for _, u := range edited {
		if got[u.ID] != 1 {
			t.Errorf("user %s reported %d times, want once", u.DisplayName, got[u.ID])
		}
	}
	if len(reports[0].Changes) != len(edited) {
		t.Errorf("%d user events, want %d", len(reports[0].Changes), len(edited))
	}
	if reports[0].Collection != graph.Users || reports[0].Requests < 2 {
		t.Errorf("report %s: %d requests, want the round to span pages", reports[0].Collection, reports[0].Requests)
	}
}

// A user created and deleted between two looks was never seen by the
// feed; the deletion carries only the id, so the feed reads the name from
// the recycle bin, which keeps deleted users (security groups are deleted
// for good, and stay unnamed).
func TestUsersCreatedAndDeletedBetweenLooksKeepTheirNames(t *testing.T) {
	tn := startTenant(t, demotenant.Options{})
	f := tn.feed(t.TempDir())
	poll(t, f, false)
	ctx := context.Background()
	u, err := tn.client.CreateUser(ctx, graph.NewUser{DisplayName: "Short Stay",
		UserPrincipalName: "short.stay@" + tn.info.TenantDomain, UsageLocation: "GB", Password: "Str0ng-Passw0rd-short"})
	if err != nil {
		t.Fatal(err)
	}
	if err := tn.client.DeleteUser(ctx, u.ID); err != nil {
		t.Fatal(err)
	}
	got, _ := poll(t, f, false)
	if len(got) != 1 || got[0].Type != graph.UserDeleted || got[0].DisplayName != "Short Stay" {
		t.Fatalf("changes %+v, want the deletion of Short Stay by name", got)
	}
}

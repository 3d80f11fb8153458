package offboard_test

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/entra-wizard/entra-wizard/demotenant"
	"github.com/entra-wizard/entra-wizard/demotenant/demotest"
	"github.com/entra-wizard/entra-wizard/graph"
	"github.com/entra-wizard/entra-wizard/oauth"
	"github.com/entra-wizard/entra-wizard/offboard"
)

// tenant is a demo tenant and an offboarder of its app, over real HTTP.
type tenant struct {
	srv    *demotenant.Server
	info   demotenant.Info
	client *graph.Client
	off    *offboard.Offboarder
	dir    string
}

func startTenant(tb testing.TB) *tenant {
	tb.Helper()
	srv := demotest.Start(tb, demotenant.Options{})
	info := srv.Info()
	ep, err := oauth.CustomEndpoints(info.Authority, info.Graph)
	if err != nil {
		tb.Fatal(err)
	}
	tokens := oauth.ClientCredentials{Endpoints: ep, Tenant: info.TenantID, ClientID: info.ClientID,
		Secret: info.ClientSecret, HTTPClient: &http.Client{}}.TokenSource(context.Background())
	c, err := graph.New(graph.Config{BaseURL: ep.GraphBaseURL(), TokenSource: tokens, HTTPClient: &http.Client{}})
	if err != nil {
		tb.Fatal(err)
	}
	dir := tb.TempDir()
	return &tenant{srv: srv, info: info, client: c, dir: dir,
		off: &offboard.Offboarder{Client: c, Store: offboard.OpenStore(dir), Connection: "Northwind"}}
}

// leaver is a user set up to be offboarded: licensed, a member of groups,
// an owner of one group with another owner and the last owner of another.
type leaver struct {
	user                graph.User
	licenses            []string // SKU IDs
	groups              []string // group IDs
	shared, lastOwnerOf string   // group IDs
	otherOwner          string
}

func (tn *tenant) newLeaver(tb testing.TB, name string, groups, licenses int) leaver {
	tb.Helper()
	ctx := context.Background()
	c := tn.client
	pw, err := graph.GeneratePassword()
	if err != nil {
		tb.Fatal(err)
	}
	u, err := c.CreateUser(ctx, graph.NewUser{DisplayName: "Leaving " + name, UserPrincipalName: name + "@" + tn.info.TenantDomain,
		UsageLocation: "GB", Password: pw})
	if err != nil {
		tb.Fatal(err)
	}
	l := leaver{user: u}
	skus, err := c.SKUs(ctx)
	if err != nil {
		tb.Fatal(err)
	}
	for _, s := range skus {
		if len(l.licenses) < licenses && s.Free() > 0 {
			if err := c.AssignLicense(ctx, u.ID, s.ID); err != nil {
				tb.Fatal(err)
			}
			l.licenses = append(l.licenses, s.ID)
		}
	}
	if len(l.licenses) != licenses {
		tb.Fatalf("the demo tenant has %d products with free licenses, want %d", len(l.licenses), licenses)
	}
	for i := range groups {
		g, err := c.CreateGroup(ctx, graph.NewGroup{DisplayName: fmt.Sprintf("%s team %02d", name, i), Kind: graph.SecurityGroup})
		if err != nil {
			tb.Fatal(err)
		}
		if err := c.AddMember(ctx, g.ID, u.ID); err != nil {
			tb.Fatal(err)
		}
		l.groups = append(l.groups, g.ID)
	}
	admin, err := c.User(ctx, "admin@"+tn.info.TenantDomain)
	if err != nil {
		tb.Fatal(err)
	}
	l.otherOwner = admin.ID
	for _, spec := range []struct {
		name   string
		id     *string
		owners []string
	}{{name + " shared", &l.shared, []string{admin.ID, u.ID}}, {name + " alone", &l.lastOwnerOf, []string{u.ID}}} {
		g, err := c.CreateGroup(ctx, graph.NewGroup{DisplayName: spec.name, Kind: graph.Microsoft365Group})
		if err != nil {
			tb.Fatal(err)
		}
		for _, o := range spec.owners {
			if err := c.AddOwner(ctx, g.ID, o); err != nil {
				tb.Fatal(err)
			}
		}
		*spec.id = g.ID
	}
	return l
}

// holds is what the user holds now, as sorted IDs.
type holds struct {
	enabled                 bool
	licenses, groups, owned []string
}

func (tn *tenant) holdings(t *testing.T, userID string) holds {
	t.Helper()
	ctx := context.Background()
	u, err := tn.client.User(ctx, userID)
	if err != nil {
		t.Fatal(err)
	}
	h := holds{enabled: u.AccountEnabled}
	ls, err := tn.client.UserLicenses(ctx, userID)
	if err != nil {
		t.Fatal(err)
	}
	for _, l := range ls {
		h.licenses = append(h.licenses, l.SKUID)
	}
	gs, err := tn.client.UserGroups(ctx, userID)
	if err != nil {
		t.Fatal(err)
	}
	for _, g := range gs {
		h.groups = append(h.groups, g.ID)
	}
	os, err := tn.client.OwnedGroups(ctx, userID)
	if err != nil {
		t.Fatal(err)
	}
	for _, g := range os {
		h.owned = append(h.owned, g.ID)
	}
	for _, s := range [][]string{h.licenses, h.groups, h.owned} {
		slices.Sort(s)
	}
	return h
}

func sorted(ids ...string) []string {
	out := slices.Clone(ids)
	slices.Sort(out)
	return out
}

func outcome(t *testing.T, res *offboard.Result, s offboard.Step) offboard.Outcome {
	t.Helper()
	for _, o := range res.Outcomes {
		if o.Step == s {
			return o
		}
	}
	t.Fatalf("no outcome for %s in %+v", s, res.Outcomes)
	return offboard.Outcome{}
}

func TestOffboardThenUndoRestoresExactlyWhatWasRemoved(t *testing.T) {
	tn := startTenant(t)
	ctx := context.Background()
	l := tn.newLeaver(t, "pat", 3, 2)
	before := tn.holdings(t, l.user.ID)

	plan, err := tn.off.Preview(ctx, l.user.UserPrincipalName)
	if err != nil {
		t.Fatal(err)
	}
	if plan.Resuming || len(plan.Pending(offboard.RemoveGroups)) != 3 || len(plan.Pending(offboard.RemoveLicenses)) != 2 ||
		!slices.Contains(plan.Pending(offboard.RemoveOwnerships), "pat alone") {
		t.Fatalf("preview: groups %v, licenses %v, owned %v", plan.Pending(offboard.RemoveGroups),
			plan.Pending(offboard.RemoveLicenses), plan.Pending(offboard.RemoveOwnerships))
	}
	var steps []offboard.Step
	res, err := tn.off.Run(ctx, plan, offboard.Steps, func(p offboard.Progress) { steps = append(steps, p.Step) })
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(steps, offboard.Steps) {
		t.Errorf("progress went through %v", steps)
	}
	if res.Password == "" {
		t.Error("no temporary password to show")
	}
	owned := outcome(t, res, offboard.RemoveOwnerships)
	if owned.Status != offboard.StatusFailed || len(owned.Failed) != 1 || !strings.Contains(owned.Failed[0], "pat alone") ||
		!strings.Contains(owned.Failed[0], "at least one owner") {
		t.Errorf("ownerships: %+v, want the last ownership refused in plain words", owned)
	}
	for _, s := range offboard.Steps[:5] {
		if o := outcome(t, res, s); o.Status != offboard.StatusDone {
			t.Errorf("%s: %+v %v", s, o, o.Err)
		}
	}
	after := tn.holdings(t, l.user.ID)
	if after.enabled || len(after.licenses) != 0 || len(after.groups) != 0 || !slices.Equal(after.owned, []string{l.lastOwnerOf}) {
		t.Errorf("after offboarding the user holds %+v", after)
	}

	file := filepath.Join(tn.dir, "offboarding", "Northwind", l.user.ID+".json")
	info, err := os.Stat(file)
	if err != nil {
		t.Fatalf("no record: %v", err)
	}
	if info.Mode().Perm() != 0o600 {
		t.Errorf("record mode %v, want 0600", info.Mode().Perm())
	}
	if data, _ := os.ReadFile(file); strings.Contains(string(data), res.Password) {
		t.Error("the record holds the temporary password")
	}

	// Another admin adds the user to a group after the offboarding; undo
	// leaves it, and a group deleted meanwhile cannot come back.
	late, err := tn.client.CreateGroup(ctx, graph.NewGroup{DisplayName: "Joined later", Kind: graph.SecurityGroup})
	if err != nil {
		t.Fatal(err)
	}
	if err := tn.client.AddMember(ctx, late.ID, l.user.ID); err != nil {
		t.Fatal(err)
	}
	if err := tn.client.DeleteGroup(ctx, l.groups[0]); err != nil {
		t.Fatal(err)
	}
	undo, err := tn.off.Undo(ctx, l.user.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(undo.NotRestored) != 1 || !strings.Contains(undo.NotRestored[0], "pat team 00") || undo.SignIn != "allowed" || undo.Kept {
		t.Errorf("undo: %+v", undo)
	}
	restored := tn.holdings(t, l.user.ID)
	want := holds{enabled: true, licenses: before.licenses, owned: before.owned,
		groups: sorted(append(slices.DeleteFunc(slices.Clone(before.groups), func(id string) bool { return id == l.groups[0] }), late.ID)...)}
	if fmt.Sprint(restored) != fmt.Sprint(want) {
		t.Errorf("after undo the user holds\n%+v, want\n%+v", restored, want)
	}
	if tn.off.Store.Has("Northwind", l.user.ID) {
		t.Error("the record is still there after undo")
	}
	if _, err := tn.off.Undo(ctx, l.user.ID); !errors.Is(err, offboard.ErrNoRecord) {
		t.Errorf("a second undo: %v, want ErrNoRecord", err)
	}
}

func TestInterruptedOffboardingResumesFromItsRecord(t *testing.T) {
	tn := startTenant(t)
	l := tn.newLeaver(t, "sam", 4, 1)
	ctx, cancel := context.WithCancel(context.Background())
	plan, err := tn.off.Preview(ctx, l.user.ID)
	if err != nil {
		t.Fatal(err)
	}
	// The window closes as the groups are about to go.
	_, err = tn.off.Run(ctx, plan, offboard.Steps, func(p offboard.Progress) {
		if p.Step == offboard.RemoveGroups {
			cancel()
		}
	})
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("interrupted run: %v", err)
	}
	mid := tn.holdings(t, l.user.ID)
	if mid.enabled || len(mid.licenses) != 0 || len(mid.groups) != 4 {
		t.Fatalf("when interrupted the user holds %+v", mid)
	}

	again, err := tn.off.Preview(context.Background(), l.user.UserPrincipalName)
	if err != nil {
		t.Fatal(err)
	}
	if !again.Resuming || !again.Done(offboard.ResetPassword) || again.Done(offboard.RemoveGroups) {
		t.Fatalf("resumed plan: resuming %v, done %v", again.Resuming, again.Record.Done)
	}
	res, err := tn.off.Run(context.Background(), again, offboard.Steps, nil)
	if err != nil {
		t.Fatal(err)
	}
	if res.Password != "" || !outcome(t, res, offboard.ResetPassword).Already {
		t.Error("the resumed run reset the password a second time")
	}
	if o := outcome(t, res, offboard.RemoveLicenses); o.Status != offboard.StatusDone || !o.Already {
		t.Errorf("licenses removed before the interruption: %+v", o)
	}
	if o := outcome(t, res, offboard.RemoveGroups); o.Status != offboard.StatusDone || len(o.Removed) != 4 {
		t.Errorf("groups: %+v", o)
	}
	if h := tn.holdings(t, l.user.ID); len(h.groups) != 0 || !slices.Equal(h.owned, []string{l.lastOwnerOf}) {
		t.Errorf("after resuming the user holds %+v", h)
	}

	undo, err := tn.off.Undo(context.Background(), l.user.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(undo.NotRestored) != 0 {
		t.Errorf("undo could not restore %v", undo.NotRestored)
	}
	if h := tn.holdings(t, l.user.ID); !h.enabled || len(h.licenses) != 1 || len(h.groups) != 4 || len(h.owned) != 2 {
		t.Errorf("after undo the user holds %+v", h)
	}
}

func TestOffboardingAUserWhoNoLongerExists(t *testing.T) {
	tn := startTenant(t)
	ctx := context.Background()
	l := tn.newLeaver(t, "kim", 1, 0)
	plan, err := tn.off.Preview(ctx, l.user.ID)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := tn.off.Run(ctx, plan, []offboard.Step{offboard.RemoveGroups}, nil); err != nil {
		t.Fatal(err)
	}
	if err := tn.client.DeleteUser(ctx, l.user.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := tn.off.Preview(ctx, l.user.ID); !errors.Is(err, offboard.ErrUserGone) {
		t.Errorf("preview of a deleted user: %v, want ErrUserGone", err)
	}
	if _, err := tn.off.Undo(ctx, l.user.ID); !errors.Is(err, offboard.ErrUserGone) || !strings.Contains(err.Error(), "Deleted users") {
		t.Errorf("undo for a deleted user: %v", err)
	}
}

func TestParseSteps(t *testing.T) {
	got, err := offboard.ParseSteps("sign-out, remove-groups")
	if err != nil || !slices.Equal(got, []offboard.Step{offboard.SignOut, offboard.RemoveGroups}) {
		t.Errorf("ParseSteps = %v, %v", got, err)
	}
	if _, err := offboard.ParseSteps("remove-mailbox"); err == nil || !strings.Contains(err.Error(), "block-sign-in") {
		t.Errorf("an unknown step: %v", err)
	}
}

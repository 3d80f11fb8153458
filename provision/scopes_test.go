package provision

import (
	"context"
	"net/url"
	"path"
	"slices"
	"strings"
	"testing"

	"github.com/entra-wizard/entra-wizard/demotenant"
	"github.com/entra-wizard/entra-wizard/graph"
)

// opened is how many sign-ins have been opened so far.
func (f *fixture) opened() int {
	f.mu.Lock()
	defer f.mu.Unlock()
	return len(f.visited)
}

// signedInFor is the Microsoft Graph permissions sign-in i asked for,
// without the OpenID scopes and the resource prefix.
func (f *fixture) signedInFor(t *testing.T, i int) []string {
	t.Helper()
	f.mu.Lock()
	defer f.mu.Unlock()
	if len(f.visited) <= i {
		t.Fatalf("sign-in %d was never opened", i)
	}
	u, err := url.Parse(f.visited[i])
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, s := range strings.Fields(u.Query().Get("scope")) {
		if strings.Contains(s, "/") {
			names = append(names, path.Base(s))
		}
	}
	slices.Sort(names)
	return names
}

// TestSetupSignsInForWhatItUses checks each path asks the admin for the
// least privileged permissions of the calls it makes, and that the demo
// tenant, which enforces each call's permissions, lets the run finish
// with them: every setup reads the app management policy, a secret's
// setup grants app roles, a browser connection's a delegated grant, and a
// renewal only replaces a secret.
func TestSetupSignsInForWhatItUses(t *testing.T) {
	f := newFixture(t, demotenant.Options{})
	secret := f.request("Secret")
	secret.Features = []graph.Feature{graph.ReadUsers}
	first := f.opened()
	res, err := f.setup().Start(context.Background(), secret)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := f.signedInFor(t, first), []string{"AppRoleAssignment.ReadWrite.All", "Application.ReadWrite.All", "Policy.Read.All"}; !slices.Equal(got, want) {
		t.Errorf("a secret connection's setup asked for %v, want %v", got, want)
	}
	if slices.ContainsFunc(res.Notes, func(n string) bool { return strings.Contains(n, "could not be read") }) {
		t.Errorf("setup could not read the app management policy: %q", res.Notes)
	}

	browser := f.request("Browser")
	browser.Method, browser.Features = MethodBrowser, []graph.Feature{graph.ReadUsers}
	first = f.opened()
	if _, err := f.setup().Start(context.Background(), browser); err != nil {
		t.Fatal(err)
	}
	if got, want := f.signedInFor(t, first), []string{"Application.ReadWrite.All", "DelegatedPermissionGrant.ReadWrite.All", "Policy.Read.All"}; !slices.Equal(got, want) {
		t.Errorf("a browser connection's setup asked for %v, want %v", got, want)
	}
	if apps := f.srv.AppsNamed(browser.AppName); len(apps) != 1 || apps[0].PublicClientFlows {
		t.Errorf("browser setup switched on public client flows: %+v", apps)
	}

	old, err := f.store.Get("Secret")
	if err != nil {
		t.Fatal(err)
	}
	first = f.opened()
	if _, err := f.setup().renew(context.Background(), renewRequest{Profile: old, Endpoints: f.e}); err != nil {
		t.Fatal(err)
	}
	if got, want := f.signedInFor(t, first), []string{"Application.ReadWrite.All"}; !slices.Equal(got, want) {
		t.Errorf("renewing a secret asked for %v, want %v", got, want)
	}
}

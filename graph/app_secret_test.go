package graph_test

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"testing"
	"time"

	"github.com/entra-wizard/entra-wizard/demotenant"
	"github.com/entra-wizard/entra-wizard/graph"
)

// TestFindOwnSecretReadsTheExpiryWhenTheAppMay reads the demo app's own
// client secret by its hint: refused with only Directory.Read.All, as the
// Get application permissions say; read with Application.Read.All; with
// Application.ReadWrite.OwnedBy only once the app owns itself.
func TestFindOwnSecretReadsTheExpiryWhenTheAppMay(t *testing.T) {
	ctx := context.Background()
	tn := startTenant(t, demotenant.Options{})
	find := func() (graph.OwnSecret, error) {
		return tn.connect(t, tn.info.ClientID, tn.info.ClientSecret).FindOwnSecret(ctx, tn.info.ClientID, tn.info.ClientSecret)
	}
	if _, err := find(); !errors.Is(err, graph.ErrDenied) {
		t.Fatalf("without an Application permission: %v, want a refusal", err)
	}

	if err := tn.srv.GrantAppPermission(tn.info.ClientID, "Application.ReadWrite.OwnedBy"); err != nil {
		t.Fatal(err)
	}
	if _, err := find(); !errors.Is(err, graph.ErrDenied) {
		t.Fatalf("Application.ReadWrite.OwnedBy on an app it does not own: %v, want a refusal", err)
	}
	if err := tn.srv.MakeAppOwnItself(tn.info.ClientID); err != nil {
		t.Fatal(err)
	}
	got, err := find()
	if err != nil {
		t.Fatalf("an app owning itself: %v", err)
	}
	want := time.Date(2099, 12, 31, 0, 0, 0, 0, time.UTC)
	if got.Matches != 1 || !got.Expires.Equal(want) || got.KeyID == "" || got.AppObjectID == "" {
		t.Fatalf("found %+v, want the one secret expiring %v with its key and app object ids", got, want)
	}

	other := startTenant(t, demotenant.Options{})
	if err := other.srv.GrantAppPermission(other.info.ClientID, "Application.Read.All"); err != nil {
		t.Fatal(err)
	}
	c := other.connect(t, other.info.ClientID, other.info.ClientSecret)
	got, err = c.FindOwnSecret(ctx, other.info.ClientID, other.info.ClientSecret)
	if err != nil || got.Matches != 1 || !got.Expires.Equal(want) {
		t.Fatalf("with Application.Read.All: %+v, %v", got, err)
	}
	app, err := c.ApplicationByAppID(ctx, other.info.ClientID)
	if err != nil || app.ObjectID != got.AppObjectID || len(app.SecretKeyIDs) == 0 {
		t.Fatalf("the registration is %+v (%v); the secret's app object id is %s", app, err, got.AppObjectID)
	}
	got, err = c.FindOwnSecret(ctx, other.info.ClientID, "zz")
	if err != nil || got.Matches != 0 || !got.Expires.IsZero() {
		t.Fatalf("a secret too short for a hint matched: %+v, %v", got, err)
	}
}

// TestFindOwnSecretTakesTheSoonestOfSecretsSharingTheHint answers, as
// Graph may when two secrets happen to begin alike, with three secrets of
// which two share the hint: the soonest of those two is taken, with no key
// id, since which one is in use cannot be told; the request selects only
// the id and the secrets.
func TestFindOwnSecretTakesTheSoonestOfSecretsSharingTheHint(t *testing.T) {
	var asked string
	c := fakeGraph(t, func(w http.ResponseWriter, r *http.Request) {
		asked = r.URL.Path + "?" + r.URL.Query().Get("$select")
		w.Header().Set("Content-Type", "application/json")
		fmt.Fprint(w, `{"id":"obj-1","passwordCredentials":[
			{"hint":"abc","keyId":"11111111-1111-1111-1111-111111111111","endDateTime":"2028-03-01T00:00:00Z"},
			{"hint":"xyz","keyId":"22222222-2222-2222-2222-222222222222","endDateTime":"2026-01-01T00:00:00Z"},
			{"hint":"abc","keyId":"33333333-3333-3333-3333-333333333333","endDateTime":"2027-05-01T00:00:00Z"}]}`)
	})
	got, err := c.FindOwnSecret(context.Background(), "app-1", "abc8Q~rest-of-the-secret")
	if err != nil {
		t.Fatal(err)
	}
	want := time.Date(2027, 5, 1, 0, 0, 0, 0, time.UTC)
	if got.Matches != 2 || !got.Expires.Equal(want) || got.KeyID != "" || got.AppObjectID != "obj-1" {
		t.Errorf("found %+v, want two matches, the soonest %v and no key id", got, want)
	}
	if asked != "/v1.0/applications(appId='app-1')?id,passwordCredentials" {
		t.Errorf("asked %s", asked)
	}
}

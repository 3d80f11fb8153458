package provision

import (
	"context"
	"errors"
	"os"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/entra-wizard/entra-wizard/connection"
	"github.com/entra-wizard/entra-wizard/demotenant"
	"github.com/entra-wizard/entra-wizard/demotenant/demotest"
	"github.com/entra-wizard/entra-wizard/graph"
	"github.com/entra-wizard/entra-wizard/keystore"
)

func TestRenewReplacesTheSecretWithoutAGap(t *testing.T) {
	f := newFixture(t, demotenant.Options{ReplicationDelay: 30 * time.Second})
	req := f.request("Renew me")
	req.Features = []graph.Feature{graph.ReadUsers}
	s := f.setup()
	if _, err := s.Start(context.Background(), req); err != nil {
		t.Fatal(err)
	}
	old, _ := f.store.Get("Renew me")
	oldSecret, _ := f.store.Secrets("Renew me")
	// Whenever the saved connection changes, the saved secret must be one
	// Entra knows: saving happens before the old secret goes.
	var keysAtSave [][]string
	s.deps.Save = func(p keystore.Profile, sec keystore.Secrets) error {
		keysAtSave = append(keysAtSave, f.srv.AppsNamed(req.AppName)[0].Secrets)
		_, err := f.store.Save(p, sec)
		return err
	}
	f.clock.now = f.clock.now.AddDate(0, 0, 100)
	got, err := s.renew(context.Background(), renewRequest{Profile: old, Endpoints: f.e, SecretDays: 90})
	if err != nil || got.OldLeft != nil {
		t.Fatalf("renew: %v, old secret: %v", err, got.OldLeft)
	}
	saved, _ := f.store.Get("Renew me")
	newSecret, _ := f.store.Secrets("Renew me")
	apps := f.srv.AppsNamed(req.AppName)
	if len(apps) != 1 || !slices.Equal(apps[0].Secrets, []string{saved.SecretKeyID}) || saved.SecretKeyID == old.SecretKeyID {
		t.Errorf("secrets in Entra %v, saved key %s, old key %s", apps[0].Secrets, saved.SecretKeyID, old.SecretKeyID)
	}
	if newSecret.ClientSecret == oldSecret.ClientSecret || !saved.SecretExpires.After(*old.SecretExpires) {
		t.Error("the saved secret or its expiry did not change")
	}
	if len(keysAtSave) != 1 || !slices.Contains(keysAtSave[0], old.SecretKeyID) || len(keysAtSave[0]) != 2 {
		t.Errorf("secrets in Entra when saving: %v; want the old and the new", keysAtSave)
	}
}

func TestFailedRenewLeavesTheConnectionAsItWas(t *testing.T) {
	f := newFixture(t, demotenant.Options{})
	req := f.request("Keep me")
	req.Features = []graph.Feature{graph.ReadUsers}
	s := f.setup()
	if _, err := s.Start(context.Background(), req); err != nil {
		t.Fatal(err)
	}
	old, _ := f.store.Get("Keep me")
	s.deps.Save = func(keystore.Profile, keystore.Secrets) error { return errors.New("the keychain is locked") }
	_, err := s.renew(context.Background(), renewRequest{Profile: old, Endpoints: f.e})
	var fail *Failure
	if !errors.As(err, &fail) || fail.Step != StepSave {
		t.Fatalf("got %v, want a failure saving", err)
	}
	if keys := f.srv.AppsNamed(req.AppName)[0].Secrets; !slices.Equal(keys, []string{old.SecretKeyID}) {
		t.Errorf("secrets in Entra %v, want only the old one %s", keys, old.SecretKeyID)
	}
	if now, _ := f.store.Get("Keep me"); now.SecretKeyID != old.SecretKeyID {
		t.Error("the saved connection changed")
	}
}

// TestRenewSavedRefusesAnEditedSettingsFile: the settings of a saved
// connection are edited to name another tenant on this computer, one that
// would sign the admin in and take a new secret. The window's Renew secret
// must refuse before any sign-in: the other tenant hears nothing, and the
// keychain keeps the secret bound where it was saved.
func TestRenewSavedRefusesAnEditedSettingsFile(t *testing.T) {
	f := newFixture(t, demotenant.Options{})
	req := f.request("Mine")
	req.Features = []graph.Feature{graph.ReadUsers}
	s := f.setup()
	if _, err := s.Start(context.Background(), req); err != nil {
		t.Fatal(err)
	}
	other := demotest.Start(t, demotenant.Options{AutoSignIn: true})
	settings := f.store.SettingsFile()
	data, err := os.ReadFile(settings)
	if err != nil || !strings.Contains(string(data), f.srv.URL()) {
		t.Fatalf("the settings file does not name the tenant (%v)", err)
	}
	if err := os.WriteFile(settings, []byte(strings.ReplaceAll(string(data), f.srv.URL(), other.URL())), 0o600); err != nil {
		t.Fatal(err)
	}
	before := f.srv.Requests()
	_, err = s.RenewSaved(context.Background(), f.store, "Mine", nil, 0)
	var changed *connection.EndpointsChangedError
	if !errors.As(err, &changed) || !strings.Contains(err.Error(), strings.TrimPrefix(other.URL(), "http://")) {
		t.Fatalf("got %v, want the edited address refused", err)
	}
	if n := other.Requests(); n != 0 {
		t.Errorf("the tenant named in the edited settings got %d requests", n)
	}
	if n := f.srv.Requests() - before; n != 0 {
		t.Errorf("the connection's own tenant got %d requests", n)
	}
	if _, err := f.store.Secrets("Mine"); !errors.Is(err, keystore.ErrEndpointsChanged) {
		t.Errorf("after the refusal the keychain entry follows the edited settings (error %v)", err)
	}
}

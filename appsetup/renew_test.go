package appsetup

import (
	"context"
	"errors"
	"slices"
	"testing"
	"time"

	"github.com/entra-wizard/entra-wizard/demotenant"
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
	got, err := s.Renew(context.Background(), RenewRequest{Profile: old, Endpoints: f.e, SecretDays: 90})
	if err != nil || got.OldSecretLeft != nil {
		t.Fatalf("renew: %v, old secret: %v", err, got.OldSecretLeft)
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
	_, err := s.Renew(context.Background(), RenewRequest{Profile: old, Endpoints: f.e})
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

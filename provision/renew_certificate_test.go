package provision

import (
	"context"
	"errors"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/entra-wizard/entra-wizard/connection"
	"github.com/entra-wizard/entra-wizard/demotenant"
	"github.com/entra-wizard/entra-wizard/graph"
	"github.com/entra-wizard/entra-wizard/keystore"
)

// certificateConnection sets up a certificate connection called name.
func certificateConnection(t testing.TB, f *fixture, name string) Request {
	t.Helper()
	req := f.request(name)
	req.Method, req.Features = MethodCertificate, []graph.Feature{graph.ReadUsers}
	if _, err := f.setup().Start(context.Background(), req); err != nil {
		t.Fatal(err)
	}
	return req
}

// TestRenewCertificateNeedsNoSignInAndLeavesNoGap: a certificate
// connection renews itself with no admin sign-in: the new certificate is
// added with a proof, waited for while Entra does not know it yet, tested,
// saved with its key while the old one still works, and only then is the
// old one removed.
func TestRenewCertificateNeedsNoSignInAndLeavesNoGap(t *testing.T) {
	f := newFixture(t, demotenant.Options{ReplicationDelay: 30 * time.Second})
	req := certificateConnection(t, f, "Cert")
	old, _ := f.store.Get("Cert")
	oldKey, _ := f.store.Secrets("Cert")
	signIns := len(f.visited)
	s := f.setup()
	var keysAtSave [][]string
	s.deps.Save = func(p keystore.Profile, sec keystore.Secrets) error {
		keysAtSave = append(keysAtSave, f.srv.AppsNamed(req.AppName)[0].Keys)
		_, err := f.store.Save(p, sec)
		return err
	}
	f.clock.now = f.clock.now.AddDate(0, 0, 300)
	f.progress = nil
	got, err := s.RenewSaved(context.Background(), f.store, "Cert", nil, 0)
	if err != nil || got.OldLeft != nil {
		t.Fatalf("renew: %v, old certificate: %v", err, got.OldLeft)
	}
	if len(f.visited) != signIns {
		t.Errorf("the renewal opened %d sign-in pages", len(f.visited)-signIns)
	}
	saved, _ := f.store.Get("Cert")
	newKey, _ := f.store.Secrets("Cert")
	keys := f.srv.AppsNamed(req.AppName)[0].Keys
	if saved.Certificate.KeyID == old.Certificate.KeyID || !slices.Equal(keys, []string{saved.Certificate.KeyID}) {
		t.Errorf("certificates in Entra %v, saved %s, old %s", keys, saved.Certificate.KeyID, old.Certificate.KeyID)
	}
	if newKey.CertificateKey == oldKey.CertificateKey || saved.Certificate.Thumbprint == old.Certificate.Thumbprint ||
		!saved.Certificate.Expires.After(old.Certificate.Expires) {
		t.Error("the saved certificate, its key or its expiry did not change")
	}
	if len(keysAtSave) != 1 || len(keysAtSave[0]) != 2 || !slices.Contains(keysAtSave[0], old.Certificate.KeyID) {
		t.Errorf("certificates in Entra when saving: %v; want the old and the new", keysAtSave)
	}
	if !slices.ContainsFunc(f.progress, func(p Progress) bool { return p.Step == StepWait && p.Code == codeUnknownKey }) {
		t.Errorf("the renewal did not wait for Entra to know the new certificate: %+v", f.progress)
	}
	c, err := (&connection.Engine{Store: f.store, Clock: f.clock}).Open(context.Background(), "Cert")
	if err != nil {
		t.Fatal(err)
	}
	if rep := c.Check(context.Background()); !rep.OK() {
		t.Errorf("the renewed connection's test: %v", rep.Err)
	}
}

// TestRenewCertificateKeepsToTheAppPolicy: the app may not read the
// tenant's app management policy, so a lifetime over its cap is refused
// and a shorter one tried, and the admin is told.
func TestRenewCertificateKeepsToTheAppPolicy(t *testing.T) {
	f := newFixture(t, demotenant.Options{AppPolicy: demotenant.AppPolicy{MaxCertificateLifetime: 90 * 24 * time.Hour}})
	certificateConnection(t, f, "Capped")
	f.clock.now = f.clock.now.AddDate(0, 0, 80)
	got, err := f.setup().RenewSaved(context.Background(), f.store, "Capped", nil, 0)
	if err != nil {
		t.Fatal(err)
	}
	if exp := got.Profile.Certificate.Expires; exp.After(f.clock.Now().AddDate(0, 0, 90)) {
		t.Errorf("the new certificate expires %v, over the policy's 90 days", exp)
	}
	if !slices.ContainsFunc(got.Notes, func(n string) bool { return strings.Contains(n, "90 days") }) {
		t.Errorf("notes %q do not say the lifetime was shortened", got.Notes)
	}
}

// TestFailedCertificateRenewalRemovesTheNewCertificate: when the save
// fails, the new certificate is removed again and the connection keeps
// working with the old one.
func TestFailedCertificateRenewalRemovesTheNewCertificate(t *testing.T) {
	f := newFixture(t, demotenant.Options{})
	req := certificateConnection(t, f, "Keep")
	old, _ := f.store.Get("Keep")
	s := f.setup()
	s.deps.Save = func(keystore.Profile, keystore.Secrets) error { return errors.New("the keychain is locked") }
	_, err := s.RenewSaved(context.Background(), f.store, "Keep", nil, 0)
	var fail *Failure
	if !errors.As(err, &fail) || fail.Step != StepSave || fail.MissingRole != "" {
		t.Fatalf("got %v, want a failure saving", err)
	}
	if keys := f.srv.AppsNamed(req.AppName)[0].Keys; !slices.Equal(keys, []string{old.Certificate.KeyID}) {
		t.Errorf("certificates in Entra %v, want only the old one %s", keys, old.Certificate.KeyID)
	}
	c, err := (&connection.Engine{Store: f.store, Clock: f.clock}).Open(context.Background(), "Keep")
	if err != nil {
		t.Fatal(err)
	}
	if rep := c.Check(context.Background()); !rep.OK() {
		t.Errorf("the connection no longer works: %v", rep.Err)
	}
}

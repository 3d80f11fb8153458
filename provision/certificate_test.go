package provision

import (
	"context"
	"errors"
	"slices"
	"testing"
	"time"

	"github.com/entra-wizard/entra-wizard/connection"
	"github.com/entra-wizard/entra-wizard/demotenant"
	"github.com/entra-wizard/entra-wizard/graph"
	"github.com/entra-wizard/entra-wizard/keystore"
)

// TestCertificateSetupRegistersOneKeyAndNoSecret sets up with the default
// credential: one app with exactly one certificate and no secret, its
// permissions granted, the key saved in the keychain with the connection,
// and the saved connection opens and tests OK through the engine. The new
// certificate is refused for a while, as Entra's replication makes it.
func TestCertificateSetupRegistersOneKeyAndNoSecret(t *testing.T) {
	f := newFixture(t, demotenant.Options{ReplicationDelay: 30 * time.Second})
	req := f.request("Cert")
	req.Method = ""
	start := f.clock.Now()
	res, err := f.setup().Start(context.Background(), req)
	if err != nil {
		t.Fatal(err)
	}
	apps := f.srv.AppsNamed(req.AppName)
	if len(apps) != 1 {
		t.Fatalf("%d apps named %q, want 1", len(apps), req.AppName)
	}
	a := apps[0]
	if len(a.Keys) != 1 || len(a.Secrets) != 0 || !slices.Equal(a.Roles, Permissions(graph.Features())) {
		t.Fatalf("registered %+v", a)
	}
	if !a.KeysExpire[0].Equal(res.Created.CertificateExpires) || res.Created.CertificateExpires.After(start.AddDate(0, 0, DefaultCertificateDays)) {
		t.Errorf("certificate expires %v (setup says %v), want a year at most", a.KeysExpire[0], res.Created.CertificateExpires)
	}
	p, err := f.store.Get("Cert")
	if err != nil {
		t.Fatal(err)
	}
	if p.Method != keystore.MethodCertificate || p.Certificate == nil || p.Certificate.KeyID != a.Keys[0] ||
		p.Certificate.Thumbprint != res.Created.CertificateThumbprint || p.SecretExpires != nil || p.SecretKeyID != "" {
		t.Errorf("saved %+v (certificate %+v)", p, p.Certificate)
	}
	sec, err := f.store.Secrets("Cert")
	if err != nil || sec.CertificateKey == "" || sec.ClientSecret != "" {
		t.Fatalf("saved secrets: %v (key set %v, secret set %v)", err, sec.CertificateKey != "", sec.ClientSecret != "")
	}
	if !slices.ContainsFunc(f.progress, func(p Progress) bool { return p.Step == StepWait && p.Code == codeUnknownKey }) {
		t.Errorf("setup did not wait for the new certificate: %+v", f.progress)
	}
	e := &connection.Engine{Store: f.store, Clock: f.clock}
	c, err := e.Open(context.Background(), "Cert")
	if err != nil {
		t.Fatal(err)
	}
	if rep := c.Check(context.Background()); !rep.OK() || len(rep.Missing) != 0 {
		t.Errorf("the saved connection's test: err %v, missing %v", rep.Err, rep.Missing)
	}
}

// TestCertificateSetupSavesNothingWhenTheKeychainRefuses makes the save
// fail: the connection is not saved, and removing what was created leaves
// no app behind (no key without its connection).
func TestCertificateSetupSavesNothingWhenTheKeychainRefuses(t *testing.T) {
	f := newFixture(t, demotenant.Options{})
	req := f.request("Refused")
	req.Method = MethodCertificate
	s := f.setup()
	s.deps.Save = func(keystore.Profile, keystore.Secrets) error { return errors.New("the keychain is locked") }
	_, err := s.Start(context.Background(), req)
	fail, ok := err.(*Failure)
	if !ok || fail.Step != StepSave {
		t.Fatalf("Start error = %v, want a failure saving", err)
	}
	if err := s.Remove(context.Background(), fail.State); err != nil {
		t.Fatal(err)
	}
	if apps := f.srv.AppsNamed(req.AppName); len(apps) != 0 {
		t.Errorf("left behind %+v", apps)
	}
	if _, err := f.store.Get("Refused"); err == nil {
		t.Error("the connection was saved")
	}
}

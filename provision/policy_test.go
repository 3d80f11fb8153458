package provision

import (
	"context"
	"errors"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/entra-wizard/entra-wizard/demotenant"
	"github.com/entra-wizard/entra-wizard/graph"
)

// blockSecrets is a tenant whose default app management policy blocks
// new client secrets (passwordAddition), as secure-by-default tenants do.
var blockSecrets = demotenant.Options{AppPolicy: demotenant.AppPolicy{BlockSecrets: true}}

func TestSetupInATenantThatBlocksSecretsUsesACertificate(t *testing.T) {
	f := newFixture(t, blockSecrets)
	req := f.request("Blocked")
	req.Method = ""
	res, err := f.setup().Start(context.Background(), req)
	if err != nil {
		t.Fatal(err)
	}
	apps := f.srv.AppsNamed(req.AppName)
	if len(apps) != 1 || len(apps[0].Keys) != 1 || len(apps[0].Secrets) != 0 || !res.Report.OK() {
		t.Fatalf("registered %+v, report %+v", apps, res.Report)
	}
}

func TestExplicitSecretInATenantThatBlocksSecretsLeavesNothingBehind(t *testing.T) {
	f := newFixture(t, blockSecrets)
	req := f.request("Secret")
	s := f.setup()
	_, err := s.Start(context.Background(), req)
	var fail *Failure
	var pe *PolicyError
	if !errors.As(err, &fail) || !errors.As(err, &pe) || pe.Restriction != "passwordAddition" ||
		!strings.Contains(fail.Message(), "does not allow client secrets") || !strings.Contains(fail.Message(), RolePolicies) {
		t.Fatalf("Start error = %v, want the policy named", err)
	}
	if err := s.Remove(context.Background(), fail.State); err != nil {
		t.Fatal(err)
	}
	if apps := f.srv.AppsNamed(req.AppName); len(apps) != 0 {
		t.Errorf("left behind %+v", apps)
	}
	if _, err := f.store.Get("Secret"); err == nil {
		t.Error("a connection was saved")
	}
}

func TestCertificateLifetimeCapIsRespected(t *testing.T) {
	f := newFixture(t, demotenant.Options{AppPolicy: demotenant.AppPolicy{MaxCertificateLifetime: 180 * 24 * time.Hour}})
	req := f.request("Capped")
	req.Method = MethodCertificate
	start := f.clock.Now()
	res, err := f.setup().Start(context.Background(), req)
	if err != nil {
		t.Fatal(err)
	}
	apps := f.srv.AppsNamed(req.AppName)
	if len(apps) != 1 || len(apps[0].Keys) != 1 || apps[0].KeysExpire[0].After(start.AddDate(0, 0, 180)) {
		t.Fatalf("registered %+v", apps)
	}
	if !slices.ContainsFunc(res.Notes, func(n string) bool { return strings.Contains(n, "at most 180 days") }) {
		t.Errorf("notes %q do not say the lifetime was shortened", res.Notes)
	}
	if p, _ := f.store.Get("Capped"); p.Certificate == nil || !p.Certificate.Expires.Equal(apps[0].KeysExpire[0]) {
		t.Errorf("saved certificate %+v", p.Certificate)
	}
}

func TestSecretLifetimeCapIsRespected(t *testing.T) {
	f := newFixture(t, demotenant.Options{AppPolicy: demotenant.AppPolicy{MaxSecretLifetime: 90 * 24 * time.Hour}})
	req := f.request("Short secret")
	req.Features = []graph.Feature{graph.ReadUsers}
	res, err := f.setup().Start(context.Background(), req)
	if err != nil {
		t.Fatal(err)
	}
	if want := f.clock.Now().AddDate(0, 0, 90); res.Created.SecretExpires.After(want) {
		t.Errorf("secret expires %v, want by %v", res.Created.SecretExpires, want)
	}
}

// TestCertificateRenewalRefusedAtEveryLifetimeLeavesNothing: the app
// cannot read the policy when it renews its certificate, so it tries
// shorter lifetimes; when every one is refused, the policy is named, no
// new certificate stays, and the connection is unchanged.
func TestCertificateRenewalRefusedAtEveryLifetimeLeavesNothing(t *testing.T) {
	f := newFixture(t, demotenant.Options{AppPolicy: demotenant.AppPolicy{MaxCertificateLifetime: 7 * 24 * time.Hour}})
	req := certificateConnection(t, f, "Too short")
	old, _ := f.store.Get("Too short")
	_, err := f.setup().RenewSaved(context.Background(), f.store, "Too short", nil, 0)
	var pe *PolicyError
	if !errors.As(err, &pe) || pe.Restriction != "asymmetricKeyLifetime" || !strings.Contains(err.Error(), "renew with --days") {
		t.Fatalf("renew error = %v, want the certificate lifetime policy named", err)
	}
	if keys := f.srv.AppsNamed(req.AppName)[0].Keys; !slices.Equal(keys, []string{old.Certificate.KeyID}) {
		t.Errorf("certificates in Entra %v, want only %s", keys, old.Certificate.KeyID)
	}
	if now, _ := f.store.Get("Too short"); now.Certificate.KeyID != old.Certificate.KeyID {
		t.Error("the saved connection changed")
	}
}

package oauth_test

import (
	"context"
	"errors"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/entra-wizard/entra-wizard/demotenant"
	"github.com/entra-wizard/entra-wizard/oauth"
)

// certificateApp makes a certificate and uploads it to the demo tenant's
// main app, as an admin does in the portal.
func certificateApp(t testing.TB, srv *demotenant.Server, info demotenant.Info) *oauth.Certificate {
	t.Helper()
	cert, err := oauth.NewCertificate("Entra Setup Wizard", "test-computer", time.Now(), 0)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := srv.UploadCertificate(info.ClientID, cert.DER); err != nil {
		t.Fatal(err)
	}
	return cert
}

func TestClientAssertionSignsInWithACertificate(t *testing.T) {
	srv, info, e := startTenant(t, demotenant.ScenarioDefault)
	cert := certificateApp(t, srv, info)
	src := oauth.ClientAssertion{Endpoints: e, Tenant: info.TenantID, ClientID: info.ClientID, Certificate: cert}.TokenSource(context.Background())
	tok, err := src.Token()
	if err != nil {
		t.Fatalf("Token: %v", err)
	}
	c, err := oauth.TokenClaims(tok.AccessToken)
	if err != nil {
		t.Fatal(err)
	}
	if c.AppID != info.ClientID || c.Delegated() || !slices.Contains(c.Roles, "User.Read.All") {
		t.Errorf("claims = %+v", c)
	}
	before := srv.TokenRequests()
	if _, err := src.Token(); err != nil || srv.TokenRequests() != before {
		t.Errorf("second Token: %v, %d more token requests; want the token reused", err, srv.TokenRequests()-before)
	}
}

func TestClientAssertionWithAnotherKeyIsRefused(t *testing.T) {
	srv, info, e := startTenant(t, demotenant.ScenarioDefault)
	certificateApp(t, srv, info)
	other, err := oauth.NewCertificate("Entra Setup Wizard", "another-computer", time.Now(), 0)
	if err != nil {
		t.Fatal(err)
	}
	_, err = oauth.ClientAssertion{Endpoints: e, Tenant: info.TenantID, ClientID: info.ClientID, Certificate: other}.TokenSource(context.Background()).Token()
	var ee *oauth.Error
	if !errors.As(err, &ee) || ee.Code != "AADSTS700027" {
		t.Fatalf("Token error = %v, want AADSTS700027", err)
	}
	if strings.Contains(err.Error(), other.KeyText()[40:80]) {
		t.Error("the error quotes the private key")
	}
}

func TestClientAssertionFromASkewedClockSaysCheckTheClock(t *testing.T) {
	srv, info, e := startTenant(t, demotenant.ScenarioDefault)
	cert := certificateApp(t, srv, info)
	for _, skew := range []time.Duration{-time.Hour, time.Hour} {
		ca := oauth.ClientAssertion{Endpoints: e, Tenant: info.TenantID, ClientID: info.ClientID, Certificate: cert,
			Now: func() time.Time { return time.Now().Add(skew) }}
		_, err := ca.TokenSource(context.Background()).Token()
		var ce *oauth.ClockError
		if !errors.As(err, &ce) || ce.Err.Code != "AADSTS700024" || !strings.Contains(err.Error(), "check the computer's clock") {
			t.Errorf("clock %v off: Token error = %v, want AADSTS700024 saying to check the clock", skew, err)
		}
	}
}

func TestClientAssertionRefusesMissingCertificateBeforeSending(t *testing.T) {
	_, info, e := startTenant(t, demotenant.ScenarioDefault)
	_, err := oauth.ClientAssertion{Endpoints: e, Tenant: info.TenantID, ClientID: info.ClientID}.TokenSource(context.Background()).Token()
	if err == nil || !strings.Contains(err.Error(), "certificate") {
		t.Errorf("Token error = %v, want one naming the missing certificate", err)
	}
}

package oauth

import (
	"context"
	"crypto/rand"
	"crypto/rsa"
	"encoding/base64"
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/entra-wizard/entra-wizard/demotenant"
	"github.com/entra-wizard/entra-wizard/demotenant/demotest"
)

// decodePart decodes one part of a compact JWS.
func decodePart(t *testing.T, part string, v any) {
	t.Helper()
	raw, err := base64.RawURLEncoding.DecodeString(part)
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(raw, v); err != nil {
		t.Fatal(err)
	}
}

func TestAssertionCarriesWhatMicrosoftLists(t *testing.T) {
	cert, err := NewCertificate("App", "pc", time.Now(), 0)
	if err != nil {
		t.Fatal(err)
	}
	now := time.Unix(1_800_000_000, 0)
	const id, aud = "11111111-2222-3333-4444-555555555555", "https://login.microsoftonline.com/contoso.com/oauth2/v2.0/token"
	a1, _ := cert.Assertion(id, aud, now)
	a2, _ := cert.Assertion(id, aud, now)
	p1, p2 := strings.Split(a1, "."), strings.Split(a2, ".")
	var head map[string]string
	var c1, c2 assertionClaims
	decodePart(t, p1[0], &head)
	decodePart(t, p1[1], &c1)
	decodePart(t, p2[1], &c2)
	if head["alg"] != "PS256" || head["typ"] != "JWT" || head["x5t#S256"] != cert.thumbprintS256() || head["x5t"] != cert.thumbprintSHA1() {
		t.Errorf("header = %v", head)
	}
	if c1.Aud != aud || c1.Iss != id || c1.Sub != id || c1.Nbf != now.Unix() || c1.Exp != now.Add(5*time.Minute).Unix() {
		t.Errorf("claims = %+v", c1)
	}
	if c1.Jti == "" || c1.Jti == c2.Jti {
		t.Errorf("jti %q then %q, want a fresh one each time", c1.Jti, c2.Jti)
	}
}

func TestNewCertificateIsAYearAtMostAndNamesAppAndComputer(t *testing.T) {
	now := time.Now()
	cert, err := NewCertificate("Entra Setup Wizard", "desk-7", now, 0)
	if err != nil {
		t.Fatal(err)
	}
	if cert.key.N.BitLen() < MinKeyBits || cert.Subject() != "Entra Setup Wizard on desk-7" ||
		cert.NotAfter().After(now.Add(365*24*time.Hour)) || cert.NotBefore().After(now) {
		t.Errorf("bits %d, subject %q, valid %v to %v", cert.key.N.BitLen(), cert.Subject(), cert.NotBefore(), cert.NotAfter())
	}
	again, err := ParseCertificate(cert.DER, cert.KeyText())
	if err != nil || again.Thumbprint() != cert.Thumbprint() || len(cert.Thumbprint()) != 40 {
		t.Errorf("ParseCertificate: %v, thumbprint %q", err, cert.Thumbprint())
	}
	other, _ := NewCertificate("Entra Setup Wizard", "desk-8", now, 0)
	if _, err := ParseCertificate(cert.DER, other.KeyText()); err == nil {
		t.Error("a key of another certificate was accepted")
	}
}

// TestAssertionSignedWithAnotherKeyFailsSignature signs with a key that is
// not the certificate's, as a tampered keychain entry would: Entra finds
// the certificate but not the signature.
func TestAssertionSignedWithAnotherKeyFailsSignature(t *testing.T) {
	srv := demotest.Start(t, demotenant.Options{})
	info := srv.Info()
	cert, err := NewCertificate("App", "pc", time.Now(), 0)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := srv.UploadCertificate(info.ClientID, cert.DER); err != nil {
		t.Fatal(err)
	}
	wrong, err := rsa.GenerateKey(rand.Reader, 2048)
	if err != nil {
		t.Fatal(err)
	}
	cert.key = wrong
	e, _ := CustomEndpoints(info.Authority, info.Graph)
	_, err = ClientAssertion{Endpoints: e, Tenant: info.TenantID, ClientID: info.ClientID, Certificate: cert}.TokenSource(context.Background()).Token()
	if ee, ok := AsError(err); !ok || ee.Code != "AADSTS700027" || !strings.Contains(ee.Description, "verify the signature failed") {
		t.Errorf("Token error = %v, want AADSTS700027 for the signature", err)
	}
}

package demotenant

import (
	"crypto/rsa"
	"encoding/base64"
	"net/http"
	"strings"
	"testing"
	"time"
)

// rollKeyApp is a seeded app with a secret and no Graph permission at
// all, with a certificate uploaded: it may still roll its own keys.
func rollKeyApp(t *testing.T, s *Server) (g *graphClient, objectID string, key *rsa.PrivateKey, der []byte) {
	t.Helper()
	var secret string
	for _, a := range s.Info().Apps {
		if a.Name == appNoConsent {
			secret = a.Secret
		}
	}
	key, der = testCertificate(t)
	if _, err := s.UploadCertificate(appIDOf(appNoConsent), der); err != nil {
		t.Fatal(err)
	}
	g = &graphClient{t: t, s: s, token: clientCredentialsToken(t, s, appIDOf(appNoConsent), secret)}
	return g, s.AppsNamed(appNoConsent)[0].ObjectID, key, der
}

// addKeyBody is addKey's request for the certificate der.
func addKeyBody(der []byte, proof string) map[string]any {
	return map[string]any{
		"keyCredential": map[string]string{"type": keyTypeX509, "usage": keyUsageVerf, "key": base64.StdEncoding.EncodeToString(der)},
		"proof":         proof,
	}
}

func TestRollKeyChecksTheProofAsGraphDoes(t *testing.T) {
	s := startTenant(t, Options{})
	g, objectID, key, der := rollKeyApp(t, s)
	_, newDER := testCertificate(t)
	now := time.Now()
	good := proofClaims{Aud: proofAudience, Iss: objectID, Nbf: now.Unix(), Exp: now.Add(10 * time.Minute).Unix()}
	addKey := func(proof string) graphAnswer {
		return g.do("POST", "/applications/"+objectID+"/addKey", addKeyBody(newDER, proof))
	}
	_, strangerDER := testCertificate(t)
	strangerKey, _ := testCertificate(t)
	refused := map[string]string{
		"audience":     rs256Assertion(t, key, der, proofClaims{Aud: graphAppID, Iss: good.Iss, Nbf: good.Nbf, Exp: good.Exp}),
		"client id":    rs256Assertion(t, key, der, proofClaims{Aud: good.Aud, Iss: appIDOf(appNoConsent), Nbf: good.Nbf, Exp: good.Exp}),
		"expired":      rs256Assertion(t, key, der, proofClaims{Aud: good.Aud, Iss: good.Iss, Nbf: now.Add(-time.Hour).Unix(), Exp: now.Add(-50 * time.Minute).Unix()}),
		"not yet":      rs256Assertion(t, key, der, proofClaims{Aud: good.Aud, Iss: good.Iss, Nbf: now.Add(time.Hour).Unix(), Exp: now.Add(time.Hour + time.Minute).Unix()}),
		"an hour long": rs256Assertion(t, key, der, proofClaims{Aud: good.Aud, Iss: good.Iss, Nbf: good.Nbf, Exp: now.Add(time.Hour).Unix()}),
		"unknown key":  rs256Assertion(t, key, strangerDER, good),
		"wrong key":    rs256Assertion(t, strangerKey, der, good),
	}
	for name, proof := range refused {
		t.Run(name, func(t *testing.T) {
			g.t = t
			addKey(proof).wantError(t, http.StatusForbidden, "Authorization_RequestDenied")
		})
	}
	t.Run("padded", func(t *testing.T) {
		g.t = t
		parts := strings.Split(rs256Assertion(t, key, der, good), ".")
		addKey(parts[0]+"=."+parts[1]+"."+parts[2]).wantError(t, http.StatusUnauthorized, "Authentication_MissingOrMalformed")
	})
	g.t = t
	if got := s.AppsNamed(appNoConsent)[0].Keys; len(got) != 1 {
		t.Fatalf("refused proofs added keys: %v", got)
	}
	added := addKey(rs256Assertion(t, key, der, good)).object(t, http.StatusOK)
	keys := s.AppsNamed(appNoConsent)[0].Keys
	if len(keys) != 2 || added["keyId"] != keys[1] || added["type"] != keyTypeX509 {
		t.Fatalf("added %v; the app has %v", added, keys)
	}
	// The proof may be signed by either key; removing the old one leaves the new.
	g.do("POST", "/applications/"+objectID+"/removeKey", map[string]string{"keyId": keys[0], "proof": "x.y"}).
		wantError(t, http.StatusUnauthorized, "Authentication_MissingOrMalformed")
	g.do("POST", "/applications/"+objectID+"/removeKey", map[string]string{"keyId": keys[0], "proof": rs256Assertion(t, key, der, good)}).
		wantStatus(t, http.StatusNoContent)
	if got := s.AppsNamed(appNoConsent)[0].Keys; len(got) != 1 || got[0] != keys[1] {
		t.Errorf("after removeKey the app has %v, want only %s", got, keys[1])
	}
}

// TestRollKeyOnAnotherAppNeedsPermission: an app's proof rolls only its
// own keys; another app's registration needs Application.ReadWrite.All.
func TestRollKeyOnAnotherAppNeedsPermission(t *testing.T) {
	s := startTenant(t, Options{})
	g, _, key, der := rollKeyApp(t, s)
	other := s.AppsNamed(appWeb)[0].ObjectID
	now := time.Now()
	proof := rs256Assertion(t, key, der, proofClaims{Aud: proofAudience, Iss: other, Nbf: now.Unix(), Exp: now.Add(5 * time.Minute).Unix()})
	g.do("POST", "/applications/"+other+"/addKey", addKeyBody(der, proof)).wantError(t, http.StatusForbidden, "Authorization_RequestDenied")
}

// TestAddKeyKeepsToTheAppPolicy: a certificate longer than the policy's
// asymmetricKeyLifetime is refused, as PATCH keyCredentials is.
func TestAddKeyKeepsToTheAppPolicy(t *testing.T) {
	s := startTenant(t, Options{AppPolicy: AppPolicy{MaxCertificateLifetime: time.Hour}})
	g, objectID, key, der := rollKeyApp(t, s)
	s.mu.Lock()
	s.dir.apps[appIDOf(appNoConsent)].Created = time.Now() // an app the policy covers
	s.mu.Unlock()
	_, newDER := testCertificate(t) // valid for a day
	now := time.Now()
	proof := rs256Assertion(t, key, der, proofClaims{Aud: proofAudience, Iss: objectID, Nbf: now.Unix(), Exp: now.Add(5 * time.Minute).Unix()})
	g.do("POST", "/applications/"+objectID+"/addKey", addKeyBody(newDER, proof)).wantError(t, http.StatusBadRequest, "CredentialInvalidLifetimeAsPerAppPolicy")
}

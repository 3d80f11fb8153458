package demotenant

import (
	"crypto"
	"crypto/rand"
	"crypto/rsa"
	"crypto/sha256"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/json"
	"math/big"
	"net/http"
	"net/url"
	"testing"
	"time"
)

// testCertificate is a self-signed certificate and its key, made here so
// the tenant's checks are tested without the program's own signing code.
func testCertificate(t *testing.T) (*rsa.PrivateKey, []byte) {
	t.Helper()
	key, err := rsa.GenerateKey(rand.Reader, 2048)
	if err != nil {
		t.Fatal(err)
	}
	tmpl := &x509.Certificate{SerialNumber: big.NewInt(1), Subject: pkix.Name{CommonName: "test"},
		NotBefore: time.Now().Add(-time.Hour), NotAfter: time.Now().Add(24 * time.Hour)}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, &key.PublicKey, key)
	if err != nil {
		t.Fatal(err)
	}
	return key, der
}

// rs256Assertion signs claims RS256 with an x5t#S256 header for der.
func rs256Assertion(t *testing.T, key *rsa.PrivateKey, der []byte, claims any) string {
	t.Helper()
	sum := sha256.Sum256(der)
	head, _ := json.Marshal(map[string]string{"alg": "RS256", "typ": "JWT", "x5t#S256": b64.EncodeToString(sum[:])})
	body, _ := json.Marshal(claims)
	input := b64.EncodeToString(head) + "." + b64.EncodeToString(body)
	digest := sha256.Sum256([]byte(input))
	sig, err := rsa.SignPKCS1v15(rand.Reader, key, crypto.SHA256, digest[:])
	if err != nil {
		t.Fatal(err)
	}
	return input + "." + b64.EncodeToString(sig)
}

func TestClientAssertionChecksAsEntraDoes(t *testing.T) {
	s := startTenant(t, Options{})
	info := s.Info()
	key, der := testCertificate(t)
	if _, err := s.UploadCertificate(info.ClientID, der); err != nil {
		t.Fatal(err)
	}
	aud := s.URL() + "/" + info.TenantID + "/oauth2/v2.0/token"
	now := time.Now()
	good := func() assertionClaims {
		jti := randomString(16)
		return assertionClaims{Aud: aud, Iss: info.ClientID, Sub: info.ClientID, Jti: jti, Nbf: now.Unix(), Exp: now.Add(5 * time.Minute).Unix()}
	}
	post := func(assertion string) (*http.Response, []byte) {
		return postToken(t, s, info.TenantID, url.Values{"grant_type": {"client_credentials"}, "client_id": {info.ClientID},
			"scope": {"https://graph.microsoft.com/.default"}, "client_assertion_type": {assertionType}, "client_assertion": {assertion}})
	}
	used := rs256Assertion(t, key, der, good())
	if resp, raw := post(used); resp.StatusCode != http.StatusOK {
		t.Fatalf("a good assertion: %d %s", resp.StatusCode, raw)
	}
	resp, raw := post(used)
	wantEntraError(t, resp, raw, http.StatusBadRequest, "invalid_grant", 50013)

	wrongAud := good()
	wrongAud.Aud = s.URL() + "/common/oauth2/v2.0/token"
	resp, raw = post(rs256Assertion(t, key, der, wrongAud))
	wantEntraError(t, resp, raw, http.StatusUnauthorized, "invalid_client", 700023)

	wrongIss := good()
	wrongIss.Iss = stableGUID("someone else")
	resp, raw = post(rs256Assertion(t, key, der, wrongIss))
	wantEntraError(t, resp, raw, http.StatusUnauthorized, "invalid_client", 700021)

	expired := good()
	expired.Nbf, expired.Exp = now.Add(-time.Hour).Unix(), now.Add(-50*time.Minute).Unix()
	resp, raw = post(rs256Assertion(t, key, der, expired))
	wantEntraError(t, resp, raw, http.StatusUnauthorized, "invalid_client", 700024)

	otherKey, otherDER := testCertificate(t)
	resp, raw = post(rs256Assertion(t, otherKey, otherDER, good()))
	wantEntraError(t, resp, raw, http.StatusUnauthorized, "invalid_client", 700027)
	resp, raw = post(rs256Assertion(t, otherKey, der, good()))
	wantEntraError(t, resp, raw, http.StatusUnauthorized, "invalid_client", 700027)

	resp, raw = post("not.a-jwt")
	wantEntraError(t, resp, raw, http.StatusBadRequest, "invalid_request", 50027)
}

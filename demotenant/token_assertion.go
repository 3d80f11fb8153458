package demotenant

import (
	"crypto"
	"crypto/rsa"
	"crypto/sha256"
	"encoding/json"
	"fmt"
	"net/http"
	"strings"
	"time"
)

// assertionType is the only client_assertion_type Entra takes.
const assertionType = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer"

// assertionSkew is how far an assertion's nbf and exp may lie off the
// tenant's clock, as Entra tolerates a few minutes of clock skew.
const assertionSkew = 5 * time.Minute

// assertionHeader and assertionClaims are what a client assertion carries
// ("Microsoft identity platform application authentication certificate
// credentials").
type assertionHeader struct {
	Alg     string `json:"alg"`
	X5t     string `json:"x5t"`
	X5tS256 string `json:"x5t#S256"`
}

type assertionClaims struct {
	Aud string `json:"aud"`
	Iss string `json:"iss"`
	Sub string `json:"sub"`
	Jti string `json:"jti"`
	Nbf int64  `json:"nbf"`
	Exp int64  `json:"exp"`
}

// checkAssertion verifies the client assertion of a token request for app
// a, as Entra does: the certificate it names is registered on the app and
// replicated, the signature is the key's, the audience is this token
// endpoint, iss and sub are the client, the times hold, and it was not
// used before. Called with s.mu held.
func (s *Server) checkAssertion(a *app, c clientCreds) error {
	if c.AssertionType != assertionType {
		return errMalformedRequest()
	}
	var claims assertionClaims
	head, parts, ok := splitCertificateJWS(c.Assertion, &claims)
	if !ok {
		return errAssertionMalformed()
	}
	k, ok := s.assertionKey(a, head)
	if !ok {
		return errAssertionKeyNotFound(a.AppID, head.thumbprint())
	}
	if !verifyAssertionSignature(k, head.Alg, parts) {
		return errAssertionSignature(a.AppID, head.thumbprint())
	}
	now := s.opts.Now()
	if !k.End.After(now) {
		return errAssertionKeyExpired(a.AppID, head.thumbprint())
	}
	if claims.Iss != a.AppID || claims.Sub != a.AppID {
		return errAssertionClient()
	}
	if !s.ownTokenURL(claims.Aud) {
		return errAssertionAudience()
	}
	nbf, exp := time.Unix(claims.Nbf, 0), time.Unix(claims.Exp, 0)
	if claims.Exp == 0 || now.Add(assertionSkew).Before(nbf) || !now.Add(-assertionSkew).Before(exp) {
		return errAssertionTime(now, nbf, exp)
	}
	if claims.Jti == "" {
		return errAssertionMalformed()
	}
	return s.spendJTI(a.AppID+" "+claims.Jti, exp.Add(assertionSkew), now)
}

// thumbprint is the certificate's name in the header, as Entra quotes it.
func (h assertionHeader) thumbprint() string {
	if h.X5tS256 != "" {
		return h.X5tS256
	}
	return h.X5t
}

// names reports whether the header names certificate k: by x5t#S256 when
// it has one, else by x5t.
func (h assertionHeader) names(k keyCredential) bool {
	if h.X5tS256 != "" {
		return h.X5tS256 == k.thumbprintS256()
	}
	return h.X5t != "" && h.X5t == k.thumbprintSHA1()
}

// splitCertificateJWS splits a compact JWS signed with a certificate (a
// client assertion or a proof of possession), decoding its header and its
// claims into claims; ok is false for anything else.
func splitCertificateJWS(token string, claims any) (head assertionHeader, parts []string, ok bool) {
	parts = strings.Split(token, ".")
	if len(parts) != 3 || decodeSegment(parts[0], &head) != nil || decodeSegment(parts[1], claims) != nil {
		return head, nil, false
	}
	return head, parts, true
}

// assertionKey finds the app's registered certificate the header names
// by x5t#S256 or x5t; one added moments ago is not known yet.
func (s *Server) assertionKey(a *app, h assertionHeader) (keyCredential, bool) {
	for _, k := range a.Keys {
		if s.replicating(k.Added, s.opts.ReplicationDelay) {
			continue
		}
		if h.names(k) {
			return k, true
		}
	}
	return keyCredential{}, false
}

// verifyAssertionSignature checks an RS256 or PS256 signature with the
// certificate's key.
func verifyAssertionSignature(k keyCredential, alg string, parts []string) bool {
	pub, ok := k.Cert.PublicKey.(*rsa.PublicKey)
	if !ok {
		return false
	}
	sig, err := b64.DecodeString(parts[2])
	if err != nil {
		return false
	}
	sum := sha256.Sum256([]byte(parts[0] + "." + parts[1]))
	switch alg {
	case "RS256":
		return rsa.VerifyPKCS1v15(pub, crypto.SHA256, sum[:], sig) == nil
	case "PS256":
		return rsa.VerifyPSS(pub, crypto.SHA256, sum[:], sig, &rsa.PSSOptions{SaltLength: rsa.PSSSaltLengthEqualsHash}) == nil
	}
	return false
}

// ownTokenURL reports whether aud is this tenant's token endpoint, named
// by its id or one of its verified domains.
func (s *Server) ownTokenURL(aud string) bool {
	rest, ok := strings.CutPrefix(aud, s.baseURL+"/")
	if !ok {
		return false
	}
	seg, ok := strings.CutSuffix(rest, "/oauth2/v2.0/token")
	if !ok || strings.EqualFold(seg, tenantCommon) || strings.EqualFold(seg, tenantOrganizations) {
		return false
	}
	for _, name := range append([]string{s.dir.tenantID}, s.dir.domains...) {
		if strings.EqualFold(seg, name) {
			return true
		}
	}
	return false
}

// spendJTI records an assertion's jti until it expires; one seen before
// is a replay. Called with s.mu held.
func (s *Server) spendJTI(id string, until, now time.Time) error {
	for k, t := range s.login.jtis {
		if !t.After(now) {
			delete(s.login.jtis, k)
		}
	}
	if _, seen := s.login.jtis[id]; seen {
		return errAssertionReplayed()
	}
	s.login.jtis[id] = until
	return nil
}

func decodeSegment(seg string, v any) error {
	raw, err := b64.DecodeString(seg)
	if err != nil {
		return err
	}
	return json.Unmarshal(raw, v)
}

// The refusals of a client assertion, in Entra's words.

func errAssertionMalformed() entraError {
	return entraError{http.StatusBadRequest, "invalid_request", 50027, "JWT token is invalid or is malformed."}
}

func errAssertionKeyNotFound(appID, thumb string) entraError {
	return entraError{http.StatusUnauthorized, "invalid_client", 700027,
		fmt.Sprintf("The certificate with identifier used to sign the client assertion is not registered on application. [Reason - The key was not found., Thumbprint of key used by client: '%s', Please visit the Azure Portal, Graph Explorer or directly use MS Graph to see configured keys for app Id '%s'. Review the documentation at https://docs.microsoft.com/en-us/graph/deployments if you are not using the global cloud.]", thumb, appID)}
}

func errAssertionSignature(appID, thumb string) entraError {
	return entraError{http.StatusUnauthorized, "invalid_client", 700027,
		fmt.Sprintf("Client assertion failed signature validation. [Reason - Key was found, but use of the key to verify the signature failed., Thumbprint of key used by client: '%s', app Id '%s']", thumb, appID)}
}

func errAssertionKeyExpired(appID, thumb string) entraError {
	return entraError{http.StatusUnauthorized, "invalid_client", 700027,
		fmt.Sprintf("Client assertion failed signature validation. [Reason - The key used is expired., Thumbprint of key used by client: '%s', app Id '%s']", thumb, appID)}
}

func errAssertionClient() entraError {
	return entraError{http.StatusUnauthorized, "invalid_client", 700021,
		"Client assertion application identifier doesn't match 'client_id' parameter. Review the documentation at https://docs.microsoft.com/azure/active-directory/develop/active-directory-certificate-credentials ."}
}

func errAssertionAudience() entraError {
	return entraError{http.StatusUnauthorized, "invalid_client", 700023,
		"Client assertion audience claim does not match Realm issuer. Review the documentation at https://docs.microsoft.com/azure/active-directory/develop/active-directory-certificate-credentials ."}
}

func errAssertionTime(now, nbf, exp time.Time) entraError {
	const layout = "2006-01-02T15:04:05.0000000Z"
	return entraError{http.StatusUnauthorized, "invalid_client", 700024,
		fmt.Sprintf("Client assertion is not within its valid time range. Current time: %s, assertion valid from %s, expiry time of assertion %s. Review the documentation at https://docs.microsoft.com/azure/active-directory/develop/active-directory-certificate-credentials .",
			now.UTC().Format(layout), nbf.UTC().Format(layout), exp.UTC().Format(layout))}
}

func errAssertionReplayed() entraError {
	return entraError{http.StatusBadRequest, "invalid_grant", 50013,
		"Assertion is invalid because it was used before: make a new client assertion (with a new jti) for every request."}
}

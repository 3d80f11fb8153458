package oauth

import (
	"context"
	"crypto"
	"crypto/rand"
	"crypto/rsa"
	"crypto/sha256"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"time"

	"golang.org/x/oauth2"
	"golang.org/x/oauth2/clientcredentials"
)

// AssertionType is the client_assertion_type of a certificate credential.
const AssertionType = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer"

// assertionLifetime is how long an assertion may be used: Microsoft asks
// for 5 to 10 minutes after nbf at most.
const assertionLifetime = 5 * time.Minute

// ClientAssertion gets app-only tokens for Microsoft Graph with a
// certificate: each token request carries a new JWT signed with the key
// ("Microsoft identity platform application authentication certificate
// credentials"), so no secret ever leaves this computer.
type ClientAssertion struct {
	Endpoints
	Tenant      string
	ClientID    string
	Certificate *Certificate
	// HTTPClient sends the token requests; nil means http.DefaultClient.
	HTTPClient *http.Client
	// Now is the clock the assertion's times come from; nil means time.Now.
	Now func() time.Time
}

// errCertificateMissing is a certificate connection without its key.
var errCertificateMissing = errors.New("the connection's certificate and its key are missing")

// TokenSource returns a source of app-only tokens that reuses a token until
// it expires and signs a fresh assertion for each new one. The checks and
// errors are those of ClientCredentials.TokenSource; a refusal because of
// this computer's clock is a *ClockError that says so.
func (c ClientAssertion) TokenSource(ctx context.Context) oauth2.TokenSource {
	tenant, clientID, err := c.check()
	if err != nil {
		return failingSource{err}
	}
	src := &assertionSource{c: c, tokenURL: c.TokenURL(tenant), clientID: clientID, ctx: withHTTPClient(ctx, c.HTTPClient)}
	return oauth2.ReuseTokenSource(nil, src)
}

func (c ClientAssertion) check() (tenant, clientID string, err error) {
	if tenant, err = ParseTenant(c.Tenant); err != nil {
		return "", "", err
	}
	if clientID, err = ParseClientID(c.ClientID); err != nil {
		return "", "", err
	}
	if c.Certificate == nil {
		return "", "", errCertificateMissing
	}
	if err := checkTransportURL(c.TokenURL(tenant)); err != nil {
		return "", "", err
	}
	return tenant, clientID, nil
}

// assertionSource asks for one token per call, each with a new assertion.
type assertionSource struct {
	c                  ClientAssertion
	tokenURL, clientID string
	ctx                context.Context
}

func (s *assertionSource) Token() (*oauth2.Token, error) {
	now := time.Now
	if s.c.Now != nil {
		now = s.c.Now
	}
	jwt, err := s.c.Certificate.Assertion(s.clientID, s.tokenURL, now())
	if err != nil {
		return nil, err
	}
	cfg := clientcredentials.Config{
		ClientID: s.clientID,
		TokenURL: s.tokenURL,
		Scopes:   []string{s.c.GraphScope()},
		EndpointParams: url.Values{
			"client_assertion_type": {AssertionType},
			"client_assertion":      {jwt},
		},
		AuthStyle: oauth2.AuthStyleInParams,
	}
	tok, err := cfg.Token(s.ctx)
	if err == nil {
		return tok, nil
	}
	e, ok := AsError(err)
	switch {
	case !ok:
		return nil, err
	case e.HasCode(700024):
		return nil, &ClockError{Err: e}
	}
	return nil, e
}

// ClockError is Entra refusing an assertion as not valid yet or no longer
// (AADSTS700024): this computer's clock is off by minutes.
type ClockError struct{ Err *Error }

func (e *ClockError) Error() string {
	return "Microsoft Entra refused the sign-in because this computer's time differs from Microsoft's: check the computer's clock (date, time and time zone) and try again (" + e.Err.Code + ")"
}

func (e *ClockError) Unwrap() error { return e.Err }

// assertionClaims are the claims Microsoft lists for a client assertion.
type assertionClaims struct {
	Aud string `json:"aud"`
	Exp int64  `json:"exp"`
	Iss string `json:"iss"`
	Jti string `json:"jti"`
	Nbf int64  `json:"nbf"`
	Sub string `json:"sub"`
	Iat int64  `json:"iat"`
}

// Assertion is a client assertion for clientID at the token endpoint
// audience, valid from now for a few minutes, with a fresh jti.
func (c *Certificate) Assertion(clientID, audience string, now time.Time) (string, error) {
	jti, err := newGUID()
	if err != nil {
		return "", err
	}
	return c.sign(assertionClaims{Aud: audience, Exp: now.Add(assertionLifetime).Unix(), Iss: clientID,
		Jti: jti, Nbf: now.Unix(), Sub: clientID, Iat: now.Unix()})
}

// sign returns the compact JWS of claims, PS256 as Microsoft's page asks,
// naming the certificate by its SHA-256 (x5t#S256) and SHA-1 (x5t)
// thumbprints.
func (c *Certificate) sign(claims any) (string, error) {
	head, err := json.Marshal(struct {
		Alg     string `json:"alg"`
		Typ     string `json:"typ"`
		X5tS256 string `json:"x5t#S256"`
		X5t     string `json:"x5t"`
	}{"PS256", "JWT", c.thumbprintS256(), c.thumbprintSHA1()})
	if err != nil {
		return "", err
	}
	body, err := json.Marshal(claims)
	if err != nil {
		return "", err
	}
	b64 := base64.RawURLEncoding
	input := b64.EncodeToString(head) + "." + b64.EncodeToString(body)
	sum := sha256.Sum256([]byte(input))
	sig, err := rsa.SignPSS(rand.Reader, c.key, crypto.SHA256, sum[:], &rsa.PSSOptions{SaltLength: rsa.PSSSaltLengthEqualsHash})
	if err != nil {
		return "", errors.New("the certificate's key could not sign the sign-in request")
	}
	return input + "." + b64.EncodeToString(sig), nil
}

// newGUID is a random GUID, as Microsoft's example jti is.
func newGUID() (string, error) {
	var b [16]byte
	if _, err := rand.Read(b[:]); err != nil {
		return "", err
	}
	b[6] = b[6]&0x0f | 0x40
	b[8] = b[8]&0x3f | 0x80
	return fmt.Sprintf("%x-%x-%x-%x-%x", b[0:4], b[4:6], b[6:8], b[8:10], b[10:16]), nil
}

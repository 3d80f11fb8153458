package demotenant

import (
	"crypto"
	"crypto/rsa"
	"crypto/sha256"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"math/big"
	"strings"
)

// jwtHeader is the JOSE header of every token the tenant signs.
type jwtHeader struct {
	Typ string `json:"typ"`
	Alg string `json:"alg"`
	X5t string `json:"x5t,omitempty"`
	Kid string `json:"kid"`
}

// accessClaims are the claims of a Microsoft Graph access token in the v1.0
// format Entra issues for Graph: iss is https://sts.windows.net/{tid}/ and
// the client is named by appid.
type accessClaims struct {
	Aud        string   `json:"aud"`
	Iss        string   `json:"iss"`
	Iat        int64    `json:"iat"`
	Nbf        int64    `json:"nbf"`
	Exp        int64    `json:"exp"`
	Amr        []string `json:"amr,omitempty"` // how the user signed in: pwd
	AppDisplay string   `json:"app_displayname,omitempty"`
	AppID      string   `json:"appid"`
	AppIDAcr   string   `json:"appidacr"`
	FamilyName string   `json:"family_name,omitempty"`
	GivenName  string   `json:"given_name,omitempty"`
	IDP        string   `json:"idp,omitempty"` // app-only tokens: the issuing tenant
	IDTyp      string   `json:"idtyp"`
	Name       string   `json:"name,omitempty"`
	Oid        string   `json:"oid"`
	Roles      []string `json:"roles,omitempty"`
	Scp        string   `json:"scp,omitempty"`
	Sub        string   `json:"sub"`
	Tid        string   `json:"tid"`
	UniqueName string   `json:"unique_name,omitempty"`
	Upn        string   `json:"upn,omitempty"`
	Uti        string   `json:"uti"`
	Ver        string   `json:"ver"`
	// Wids are the directory role templates the user holds.
	Wids []string `json:"wids,omitempty"`
}

// globalAdminRole is the template id of the Global Administrator role.
const globalAdminRole = "62e90394-69f5-4237-9190-012177145e10"

// idClaims are the claims of a v2.0 ID token.
type idClaims struct {
	Aud               string `json:"aud"`
	Iss               string `json:"iss"`
	Iat               int64  `json:"iat"`
	Nbf               int64  `json:"nbf"`
	Exp               int64  `json:"exp"`
	Name              string `json:"name,omitempty"`
	Nonce             string `json:"nonce,omitempty"`
	Oid               string `json:"oid"`
	PreferredUsername string `json:"preferred_username,omitempty"`
	Sub               string `json:"sub"`
	Tid               string `json:"tid"`
	Ver               string `json:"ver"`
}

var b64 = base64.RawURLEncoding

// sign returns the compact JWS (RS256) of claims under the tenant's key.
func (s *Server) sign(claims any) (string, error) {
	head, err := json.Marshal(jwtHeader{Typ: "JWT", Alg: "RS256", X5t: s.kid, Kid: s.kid})
	if err != nil {
		return "", err
	}
	body, err := json.Marshal(claims)
	if err != nil {
		return "", fmt.Errorf("encode claims: %w", err)
	}
	input := b64.EncodeToString(head) + "." + b64.EncodeToString(body)
	sum := sha256.Sum256([]byte(input))
	key, err := s.signingKey()
	if err != nil {
		return "", err
	}
	sig, err := rsa.SignPKCS1v15(nil, key, crypto.SHA256, sum[:])
	if err != nil {
		return "", fmt.Errorf("sign token: %w", err)
	}
	return input + "." + b64.EncodeToString(sig), nil
}

// Reasons a compact JWS is refused, before its claims are looked at.
var (
	errJWTMalformed = errors.New("token is not a compact JWS")
	errJWTSignature = errors.New("token signature is not valid")
)

// verify checks token's RS256 signature against key and decodes its claims
// into claims.
func verifyJWS(token string, key *rsa.PublicKey, kid string, claims any) error {
	parts := strings.Split(token, ".")
	if len(parts) != 3 {
		return errJWTMalformed
	}
	rawHead, err := b64.DecodeString(parts[0])
	if err != nil {
		return errJWTMalformed
	}
	var head jwtHeader
	if err := json.Unmarshal(rawHead, &head); err != nil {
		return errJWTMalformed
	}
	sig, err := b64.DecodeString(parts[2])
	if err != nil {
		return errJWTMalformed
	}
	if head.Alg != "RS256" || head.Kid != kid {
		return errJWTSignature
	}
	sum := sha256.Sum256([]byte(parts[0] + "." + parts[1]))
	if rsa.VerifyPKCS1v15(key, crypto.SHA256, sum[:], sig) != nil {
		return errJWTSignature
	}
	body, err := b64.DecodeString(parts[1])
	if err != nil {
		return errJWTMalformed
	}
	if err := json.Unmarshal(body, claims); err != nil {
		return errJWTMalformed
	}
	return nil
}

// jsonWebKey is one key of the JWKS document, as Entra publishes it.
type jsonWebKey struct {
	Kty    string `json:"kty"`
	Use    string `json:"use"`
	Kid    string `json:"kid"`
	X5t    string `json:"x5t"`
	N      string `json:"n"`
	E      string `json:"e"`
	Issuer string `json:"issuer,omitempty"`
}

// jwks is the tenant's signing key set.
func (s *Server) jwks(issuer string) map[string][]jsonWebKey {
	key, err := s.signingKey()
	if err != nil {
		return map[string][]jsonWebKey{"keys": {}}
	}
	pub := key.PublicKey
	return map[string][]jsonWebKey{"keys": {{
		Kty:    "RSA",
		Use:    "sig",
		Kid:    s.kid,
		X5t:    s.kid,
		N:      b64.EncodeToString(pub.N.Bytes()),
		E:      b64.EncodeToString(big.NewInt(int64(pub.E)).Bytes()),
		Issuer: issuer,
	}}}
}

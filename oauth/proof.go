package oauth

import "time"

// ProofAudience is the audience of a proof of possession: the directory
// service, as Microsoft Graph's addKey and removeKey ask.
const ProofAudience = "00000002-0000-0000-c000-000000000000"

// proofLifetime is how long a proof may be used: Microsoft recommends ten
// minutes; five keep it as short as an assertion.
const proofLifetime = 5 * time.Minute

// proofClaims are the claims of a proof of possession ("Generate proof of
// possession tokens for rolling keys").
type proofClaims struct {
	Aud string `json:"aud"`
	Iss string `json:"iss"`
	Nbf int64  `json:"nbf"`
	Exp int64  `json:"exp"`
}

// Proof is a proof of possession of this certificate's key for the app
// registration with object ID objectID (not its client ID), valid from now
// for a few minutes: Microsoft Graph's addKey and removeKey take it instead
// of an admin's permission, so an app can renew its own certificate.
func (c *Certificate) Proof(objectID string, now time.Time) (string, error) {
	return c.sign(proofClaims{Aud: ProofAudience, Iss: objectID, Nbf: now.Unix(), Exp: now.Add(proofLifetime).Unix()})
}

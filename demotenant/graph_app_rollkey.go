package demotenant

import (
	"net/http"
	"slices"
	"strings"
	"time"

	"github.com/entra-wizard/entra-wizard/demotenant/odata"
)

// proofAudience is the audience of a proof of possession: the directory
// service ("Generate proof of possession tokens for rolling keys").
const proofAudience = "00000002-0000-0000-c000-000000000000"

// maxProofLifetime is the longest a proof may be valid: Graph's addKey and
// removeKey references ask for exp = nbf + 10 minutes.
const maxProofLifetime = 10 * time.Minute

// proofClaims are the claims Graph checks in a proof of possession.
type proofClaims struct {
	Aud string `json:"aud"`
	Iss string `json:"iss"`
	Nbf int64  `json:"nbf"`
	Exp int64  `json:"exp"`
}

// errProofMalformed is a proof that is no compact JWS; Graph answers so
// when, for one, its segments keep base64's '=' padding.
func errProofMalformed() *odata.Error {
	return odata.NewError(http.StatusUnauthorized, "Authentication_MissingOrMalformed",
		"Access token is missing or malformed.")
}

// rollKeyApplication finds the application of an addKey or removeKey
// call. An app renews its own keys with no permission at all (its proof
// is the authority); any other caller needs the permissions of Graph's
// reference and, signed in, the right to change that app.
func (c *graphCall) rollKeyApplication() (*app, error) {
	a, err := c.pathApplication()
	if err != nil {
		return nil, err
	}
	if !c.p.Delegated() && c.p.AppID == a.AppID {
		return a, nil
	}
	if err := c.allowSetup(rollKeys); err != nil {
		return nil, err
	}
	return a, c.allowOwner(a)
}

// rollKeys is addKey and removeKey on another app's registration:
// Application.ReadWrite.All or Directory.ReadWrite.All.
var rollKeys = setupAccess{
	scopes: []string{"Application.ReadWrite.All", "Directory.ReadWrite.All"},
	roles:  []string{"Application.ReadWrite.All", "Directory.ReadWrite.All"},
}

// checkProof verifies a proof of possession for a, as Graph does: a JWS
// signed by one of a's certificates valid now, for the directory's
// audience, issued by a's object id (not its client id), valid now, and
// for ten minutes at most. Called with s.mu held.
func (s *Server) checkProof(a *app, proof string) error {
	var claims proofClaims
	head, parts, ok := splitCertificateJWS(proof, &claims)
	if !ok {
		return errProofMalformed()
	}
	now := s.graphNow()
	i := slices.IndexFunc(a.Keys, func(k keyCredential) bool {
		return !now.Before(k.Start) && now.Before(k.End) && head.names(k)
	})
	if i < 0 || !verifyAssertionSignature(a.Keys[i], head.Alg, parts) {
		return errInsufficientPrivileges
	}
	nbf, exp := time.Unix(claims.Nbf, 0), time.Unix(claims.Exp, 0)
	switch {
	case claims.Aud != proofAudience, claims.Iss != a.ID,
		claims.Nbf == 0 || claims.Exp == 0 || exp.Sub(nbf) > maxProofLifetime,
		now.Add(assertionSkew).Before(nbf), !now.Before(exp):
		return errInsufficientPrivileges
	}
	return nil
}

// addKey serves POST /applications/{id}/addKey: a new certificate, proved
// by a current one, within the app management policy's lifetime cap. Like
// any new credential it works for sign-in only after
// Options.ReplicationDelay.
func (s *Server) addKey(c *graphCall) error {
	a, err := c.rollKeyApplication()
	if err != nil {
		return err
	}
	var in struct {
		KeyCredential *keyCredentialInput `json:"keyCredential"`
		Proof         string              `json:"proof"`
	}
	if err := c.decodeBody(&in); err != nil {
		return err
	}
	if in.KeyCredential == nil {
		return errInvalidProperty("keyCredential", "Application")
	}
	if err := s.checkProof(a, in.Proof); err != nil {
		return err
	}
	keys, err := s.keyCredentials([]keyCredentialInput{*in.KeyCredential})
	if err != nil {
		return err
	}
	if slices.ContainsFunc(a.Keys, func(k keyCredential) bool { return strings.EqualFold(k.KeyID, keys[0].KeyID) }) {
		return errInvalidProperty("keyCredential", "Application")
	}
	if err := s.checkKeyPolicy(a, keys); err != nil {
		return err
	}
	a.Keys = append(a.Keys, keys[0])
	out := append(odata.Object{{"@odata.context", c.contextURL("microsoft.graph.keyCredential")}}, keyJSON(keys[0])...)
	return c.writeJSON(http.StatusOK, out)
}

// removeKey serves POST /applications/{id}/removeKey, proved as addKey is.
func (s *Server) removeKey(c *graphCall) error {
	a, err := c.rollKeyApplication()
	if err != nil {
		return err
	}
	var in struct {
		KeyID string `json:"keyId"`
		Proof string `json:"proof"`
	}
	if err := c.decodeBody(&in); err != nil {
		return err
	}
	if err := s.checkProof(a, in.Proof); err != nil {
		return err
	}
	i := slices.IndexFunc(a.Keys, func(k keyCredential) bool { return strings.EqualFold(k.KeyID, in.KeyID) })
	if i < 0 {
		return odata.NewError(http.StatusNotFound, "Request_ResourceNotFound",
			"No key credential found with keyId %s.", in.KeyID)
	}
	a.Keys = slices.Delete(a.Keys, i, i+1)
	return c.noContent()
}

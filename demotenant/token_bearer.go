package demotenant

import (
	"errors"
	"net/http"
	"strings"
	"time"
)

// clockSkew is how far apart the token's clock and Graph's may be, as
// Microsoft's token validation allows.
const clockSkew = 5 * time.Minute

// tokenError is why a bearer token is refused, worded as Graph's 401
// InvalidAuthenticationToken answers word it.
type tokenError string

func (e tokenError) Error() string { return string(e) }

// The reasons Graph gives.
const (
	errTokenEmpty     tokenError = "Access token is empty."
	errTokenMalformed tokenError = "CompactToken parsing failed with error code: 80049217"
	errTokenSignature tokenError = "Access token validation failure."
	errTokenExpired   tokenError = "Access token has expired or is not yet valid."
	errTokenAudience  tokenError = "Access token validation failure. Invalid audience."
	errTokenIssuer    tokenError = "Access token validation failure. Invalid issuer."
)

// authenticate checks the request's bearer token and names its caller. The
// error text is fit for Graph's InvalidAuthenticationToken answer.
func (s *Server) authenticate(r *http.Request) (*principal, error) {
	auth := r.Header.Get("Authorization")
	scheme, token, _ := strings.Cut(auth, " ")
	token = strings.TrimSpace(token)
	if auth == "" || token == "" {
		return nil, errTokenEmpty
	}
	if !strings.EqualFold(scheme, "Bearer") {
		return nil, errTokenMalformed
	}
	key, err := s.signingKey()
	if err != nil {
		return nil, errTokenSignature
	}
	var c accessClaims
	switch err := verifyJWS(token, &key.PublicKey, s.kid, &c); {
	case errors.Is(err, errJWTMalformed):
		return nil, errTokenMalformed
	case err != nil:
		return nil, errTokenSignature
	}
	now := s.opts.Now()
	if now.Add(clockSkew).Before(time.Unix(c.Nbf, 0)) || !now.Add(-clockSkew).Before(time.Unix(c.Exp, 0)) {
		return nil, errTokenExpired
	}
	if c.Aud != graphResource && c.Aud != graphResource+"/" && c.Aud != graphAppID {
		return nil, errTokenAudience
	}
	s.mu.Lock()
	tid := s.dir.tenantID
	s.mu.Unlock()
	if c.Tid != tid || c.Iss != issuerGraph(tid) {
		return nil, errTokenIssuer
	}
	p := &principal{TenantID: c.Tid, AppID: c.AppID, Roles: c.Roles}
	if c.IDTyp == "user" {
		p.UserID = c.Oid
		p.Scopes = strings.Fields(c.Scp)
	}
	return p, nil
}

package demotenant

import (
	"crypto/rand"
	"crypto/sha256"
	"crypto/subtle"
	"net/url"
	"slices"
	"strings"
	"time"
)

// authCode is an authorization code the authorize endpoint handed out: it is
// bound to the client, the redirect URI and the PKCE challenge.
type authCode struct {
	AppID     string
	UserID    string
	Redirect  string
	Challenge string // S256 code challenge; "" when the client sent none
	Nonce     string
	Grant     delegatedGrant
	Expires   time.Time
	Used      bool
}

// refreshGrant is what a live refresh token stands for.
type refreshGrant struct {
	AppID  string
	UserID string
	Grant  delegatedGrant
	Issued time.Time
}

// delegatedGrant is what a user allowed a client: Graph scopes by name, the
// OpenID Connect scopes asked for, and the audience the client named Graph by.
type delegatedGrant struct {
	Scopes []string
	OIDC   []string
	Aud    string
}

// grantAuthorizationCode redeems an authorization code (RFC 6749 4.1.3,
// with the PKCE check of RFC 7636 4.6).
func (s *Server) grantAuthorizationCode(c clientCreds, form url.Values, generic bool) (tokenResponse, error) {
	if c.ID == "" {
		return tokenResponse{}, errMissingParam("client_id")
	}
	for _, p := range []string{"code", "redirect_uri"} {
		if form.Get(p) == "" {
			return tokenResponse{}, errMissingParam(p)
		}
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	a, err := s.authenticateClient(c, generic)
	if err != nil {
		return tokenResponse{}, err
	}
	code, ok := s.login.codes[form.Get("code")]
	switch {
	case !ok:
		return tokenResponse{}, errMalformedRequest()
	case code.Used:
		return tokenResponse{}, errCodeRedeemed()
	}
	code.Used = true // burnt by any redemption attempt, good or bad
	switch {
	case !s.opts.Now().Before(code.Expires):
		return tokenResponse{}, errCodeExpired()
	case code.AppID != a.AppID:
		return tokenResponse{}, errCodeMismatch("client_id")
	case code.Redirect != form.Get("redirect_uri"):
		return tokenResponse{}, errCodeMismatch("redirect_uri")
	}
	if code.Challenge != "" {
		verifier := form.Get("code_verifier")
		if verifier == "" {
			return tokenResponse{}, errMissingParam("code_verifier")
		}
		if !equalSecrets(s256(verifier), code.Challenge) {
			return tokenResponse{}, errVerifierMismatch()
		}
	}
	u := s.dir.account(code.UserID)
	if u == nil {
		return tokenResponse{}, errUnknownUser(s.dir.tenantDomain)
	}
	if err := tokenPolicyError(u); err != nil {
		return tokenResponse{}, err
	}
	return s.issueDelegated(a, u, code.Grant, code.Nonce)
}

// grantRefreshToken redeems a refresh token and rotates it: the presented
// token stops working and the answer carries its successor.
func (s *Server) grantRefreshToken(c clientCreds, form url.Values, generic bool) (tokenResponse, error) {
	if c.ID == "" {
		return tokenResponse{}, errMissingParam("client_id")
	}
	presented := form.Get("refresh_token")
	if presented == "" {
		return tokenResponse{}, errMissingParam("refresh_token")
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	a, err := s.authenticateClient(c, generic)
	if err != nil {
		return tokenResponse{}, err
	}
	rt, ok := s.login.refresh[presented]
	switch {
	case s.login.retired[presented]:
		return tokenResponse{}, errGrantRevoked()
	case !ok:
		return tokenResponse{}, errMalformedRequest()
	case rt.AppID != a.AppID:
		return tokenResponse{}, errGrantRevoked()
	case !s.opts.Now().Before(rt.Issued.Add(refreshTokenLifetime)):
		return tokenResponse{}, errRefreshExpired(entraTime(rt.Issued))
	}
	u := s.dir.account(rt.UserID)
	if u == nil {
		return tokenResponse{}, errUnknownUser(s.dir.tenantDomain)
	}
	if !u.AccountEnabled {
		return tokenResponse{}, errUserDisabled()
	}
	if rt.Issued.Before(u.SessionsValidFrom) {
		return tokenResponse{}, errSessionsRevoked(entraTime(rt.Issued), entraTime(u.SessionsValidFrom))
	}
	if err := tokenPolicyError(u); err != nil {
		return tokenResponse{}, err
	}
	grant := rt.Grant
	if scope := form.Get("scope"); scope != "" {
		asked, err := parseDelegatedScopes(scope)
		if err != nil {
			return tokenResponse{}, err
		}
		if missing := s.missingConsent(a, u, asked.asked()); len(missing) > 0 {
			return tokenResponse{}, errConsentMissing(a)
		}
		grant = s.expandDefault(a, u, asked)
		grant.OIDC = rt.Grant.OIDC
	}
	delete(s.login.refresh, presented)
	s.login.retired[presented] = true
	return s.issueDelegated(a, u, grant, "")
}

// authenticateClient checks the client of a delegated grant. A client whose
// redirect is registered under Mobile and desktop is public and must not
// send a secret; a Web one must. Callers hold s.mu.
func (s *Server) authenticateClient(c clientCreds, generic bool) (*app, error) {
	a, ok := s.signInApp(c.ID)
	if !ok {
		return nil, errAppNotFound(c.ID, s.dir.tenantID)
	}
	if generic && a.SignInAudience != audienceMultiOrgs {
		return nil, errNotMultiTenant(a)
	}
	switch {
	case a.PublicClient && c.Secret != "":
		return nil, errPublicClientSecret()
	case a.PublicClient:
		return a, nil
	case c.Secret == "":
		return nil, errSecretRequired()
	}
	if err := s.checkSecret(a, c.Secret); err != nil {
		return nil, err
	}
	return a, nil
}

// issueDelegated mints the access token (and, when asked for, the refresh
// and ID tokens) of user u for app a. Callers hold s.mu.
func (s *Server) issueDelegated(a *app, u *user, g delegatedGrant, nonce string) (tokenResponse, error) {
	d := s.dir
	now := s.opts.Now()
	appIDAcr := "0"
	if !a.PublicClient {
		appIDAcr = "1"
	}
	claims := accessClaims{
		Aud: g.Aud, Iss: issuerGraph(d.tenantID),
		Iat: now.Unix(), Nbf: now.Unix(), Exp: now.Add(accessTokenLifetime).Unix(), Amr: []string{"pwd"},
		AppDisplay: a.DisplayName, AppID: a.AppID, AppIDAcr: appIDAcr,
		FamilyName: u.Surname, GivenName: u.GivenName, IDTyp: "user",
		Name: u.DisplayName, Oid: u.ID, Scp: strings.Join(g.Scopes, " "), Sub: stableGUID("sub: " + a.AppID + u.ID),
		Tid: d.tenantID, UniqueName: u.UserPrincipalName, Upn: u.UserPrincipalName, Uti: newUTI(), Ver: "1.0",
	}
	claims.Wids = u.roleIDs()
	access, err := s.sign(claims)
	if err != nil {
		return tokenResponse{}, err
	}
	secs := int(accessTokenLifetime.Seconds())
	resp := tokenResponse{TokenType: "Bearer", Scope: g.responseScope(), ExpiresIn: secs, ExtExpiresIn: secs, AccessToken: access}
	if slices.Contains(g.OIDC, "offline_access") {
		resp.RefreshToken = newRefreshToken()
		s.login.refresh[resp.RefreshToken] = &refreshGrant{AppID: a.AppID, UserID: u.ID, Grant: g, Issued: now}
	}
	if slices.Contains(g.OIDC, "openid") {
		resp.IDToken, err = s.sign(idClaims{
			Aud: a.AppID, Iss: s.issuerV2(d.tenantID),
			Iat: now.Unix(), Nbf: now.Unix(), Exp: now.Add(accessTokenLifetime).Unix(),
			Name: u.DisplayName, Nonce: nonce, Oid: u.ID, PreferredUsername: u.UserPrincipalName,
			Sub: stableGUID("sub: " + a.AppID + u.ID), Tid: d.tenantID, Ver: "2.0",
		})
		if err != nil {
			return tokenResponse{}, err
		}
	}
	return resp, nil
}

// responseScope is the scope string of a delegated token answer: the Graph
// scopes, qualified, then the OpenID Connect ones Entra echoes.
func (g delegatedGrant) responseScope() string {
	var out []string
	for _, sc := range g.Scopes {
		out = append(out, graphResource+"/"+sc)
	}
	for _, sc := range g.OIDC {
		if sc != "offline_access" {
			out = append(out, sc)
		}
	}
	return strings.Join(out, " ")
}

// s256 is the PKCE S256 transform of a code verifier.
func s256(verifier string) string {
	sum := sha256.Sum256([]byte(verifier))
	return b64.EncodeToString(sum[:])
}

// equalSecrets compares two secrets in constant time.
func equalSecrets(a, b string) bool {
	return subtle.ConstantTimeCompare([]byte(a), []byte(b)) == 1
}

// newUTI returns a token identifier like Entra's uti claim.
func newUTI() string { return randomString(16) }

// newRefreshToken returns an opaque refresh token.
func newRefreshToken() string { return "1.AQ" + randomString(96) }

func randomString(n int) string {
	b := make([]byte, n)
	_, _ = rand.Read(b)
	return b64.EncodeToString(b)
}

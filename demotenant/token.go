package demotenant

import (
	"net/http"
	"net/url"
	"strings"
)

// maxTokenForm bounds the token request body; Entra's are a few kilobytes.
const maxTokenForm = 64 << 10

// tokenResponse is the token endpoint's success answer, fields in Entra's
// order.
type tokenResponse struct {
	TokenType    string `json:"token_type"`
	Scope        string `json:"scope,omitempty"`
	ExpiresIn    int    `json:"expires_in"`
	ExtExpiresIn int    `json:"ext_expires_in"`
	AccessToken  string `json:"access_token"`
	RefreshToken string `json:"refresh_token,omitempty"`
	IDToken      string `json:"id_token,omitempty"`
}

// handleToken serves POST /{tenant}/oauth2/v2.0/token.
func (s *Server) handleToken(w http.ResponseWriter, r *http.Request) {
	s.tokenRequests.Add(1)
	resp, err := s.token(w, r)
	if err != nil {
		s.writeEntraError(w, r, asEntraError(err))
		return
	}
	writeJSON(w, http.StatusOK, resp)
}

func (s *Server) token(w http.ResponseWriter, r *http.Request) (tokenResponse, error) {
	generic, terr := s.resolveTenant(r.PathValue("tenant"))
	if terr != nil {
		return tokenResponse{}, *terr
	}
	r.Body = http.MaxBytesReader(w, r.Body, maxTokenForm)
	if err := r.ParseForm(); err != nil {
		return tokenResponse{}, errMalformedRequest()
	}
	form := r.PostForm
	creds, err := clientCredentialsOf(r, form)
	if err != nil {
		return tokenResponse{}, err
	}
	switch grant := form.Get("grant_type"); grant {
	case "":
		return tokenResponse{}, errMissingParam("grant_type")
	case "client_credentials":
		if generic {
			return tokenResponse{}, errNoTenantInfo()
		}
		return s.grantClientCredentials(creds, form)
	case "authorization_code":
		return s.grantAuthorizationCode(creds, form, generic)
	case "refresh_token":
		return s.grantRefreshToken(creds, form, generic)
	default:
		return tokenResponse{}, errUnsupportedGrant(grant)
	}
}

// clientCreds is how the caller named and proved itself: in the form or
// with HTTP Basic authentication (RFC 6749 section 2.3.1).
type clientCreds struct {
	ID     string
	Secret string
	// Assertion and AssertionType are a certificate credential's
	// client_assertion and client_assertion_type.
	Assertion, AssertionType string
}

func clientCredentialsOf(r *http.Request, form url.Values) (clientCreds, error) {
	c := clientCreds{ID: form.Get("client_id"), Secret: form.Get("client_secret"),
		Assertion: form.Get("client_assertion"), AssertionType: form.Get("client_assertion_type")}
	user, pass, ok := r.BasicAuth()
	if !ok {
		return c, nil
	}
	id, err1 := url.QueryUnescape(user)
	secret, err2 := url.QueryUnescape(pass)
	if err1 != nil || err2 != nil || (c.ID != "" && c.ID != id) {
		return c, errMalformedRequest()
	}
	c.ID = id
	if c.Secret == "" {
		c.Secret = secret
	}
	return c, nil
}

// grantClientCredentials issues an app-only token carrying the Graph
// application permissions granted to the app's service principal.
func (s *Server) grantClientCredentials(c clientCreds, form url.Values) (tokenResponse, error) {
	if c.ID == "" {
		return tokenResponse{}, errMissingParam("client_id")
	}
	scope := strings.TrimSpace(form.Get("scope"))
	if scope == "" {
		return tokenResponse{}, errMissingParam("scope")
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	d := s.dir
	a, ok := s.signInApp(c.ID)
	if !ok {
		return tokenResponse{}, errAppNotFound(c.ID, d.tenantID)
	}
	if err := s.checkClient(a, c); err != nil {
		return tokenResponse{}, err
	}
	sp := d.principalOf(a.AppID)
	if sp == nil {
		return tokenResponse{}, errNoServicePrincipal(a.AppID, d.tenantID)
	}
	aud, err := appOnlyAudience(scope)
	if err != nil {
		return tokenResponse{}, err
	}
	now := s.opts.Now()
	claims := accessClaims{
		Aud: aud, Iss: issuerGraph(d.tenantID),
		Iat: now.Unix(), Nbf: now.Unix(), Exp: now.Add(accessTokenLifetime).Unix(),
		AppDisplay: a.DisplayName, AppID: a.AppID, AppIDAcr: "1", IDP: issuerGraph(d.tenantID), IDTyp: "app",
		Oid: sp.ID, Roles: sp.roles(), Sub: sp.ID, Tid: d.tenantID, Uti: newUTI(), Ver: "1.0",
	}
	tok, err := s.sign(claims)
	if err != nil {
		return tokenResponse{}, err
	}
	secs := int(accessTokenLifetime.Seconds())
	return tokenResponse{TokenType: "Bearer", ExpiresIn: secs, ExtExpiresIn: secs, AccessToken: tok}, nil
}

// checkClient checks how a confidential client proved itself: with a
// client assertion or with a secret, one of them. Called with s.mu held.
func (s *Server) checkClient(a *app, c clientCreds) error {
	switch {
	case c.Assertion != "" && c.Secret != "":
		return errMalformedRequest()
	case c.Assertion != "":
		return s.checkAssertion(a, c)
	case c.Secret == "":
		return errSecretRequired()
	}
	return s.checkSecret(a, c.Secret)
}

// checkSecret compares a presented secret with the app's: a match with an
// expired one is AADSTS7000222, no match at all AADSTS7000215.
func (s *Server) checkSecret(a *app, secret string) error {
	now := s.opts.Now()
	for _, sec := range a.Secrets {
		if !equalSecrets(sec.Value, secret) || !s.secretReplicated(sec) {
			continue
		}
		if !sec.Expires.After(now) {
			return errExpiredSecret(a.AppID)
		}
		return nil
	}
	return errInvalidSecret(a.AppID)
}

// appOnlyAudience checks a client-credentials scope, which must be a single
// resource's /.default, and returns the token audience it names.
func appOnlyAudience(scope string) (string, error) {
	if strings.ContainsAny(scope, " \t") {
		return "", errScopeInvalid(scope)
	}
	resource, ok := strings.CutSuffix(scope, "/.default")
	if !ok {
		return "", errScopeNotDefault(scope)
	}
	switch {
	case strings.EqualFold(strings.TrimSuffix(resource, "/"), graphResource):
		return graphResource, nil
	case strings.EqualFold(resource, graphAppID):
		return graphAppID, nil
	default:
		return "", errScopeInvalid(scope)
	}
}

// graphResource is Microsoft Graph's application ID URI: the audience of
// its tokens and the prefix of its scopes.
const graphResource = "https://graph.microsoft.com"

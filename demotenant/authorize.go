package demotenant

import (
	"net/http"
	"net/url"
	"strings"
	"time"
)

// flowKind tells what a sign-in page is for.
type flowKind int

const (
	flowAuthorize    flowKind = iota // an app asks for a user's delegated access
	flowAdminConsent                 // an administrator grants an app's permissions
)

// signInFlow is a sign-in page in progress: the checked request and, once
// someone signed in, who.
type signInFlow struct {
	ID       string
	Kind     flowKind
	AppID    string
	Redirect string // checked against the app's registration
	Mode     string // response_mode
	State    string
	Grant    delegatedGrant
	// Challenge is the PKCE S256 code challenge; "" when none was sent.
	Challenge string
	Nonce     string
	LoginHint string
	Prompt    string
	// ScopeParam is the v2.0 admin consent endpoint's scope, echoed back.
	ScopeParam string
	UserID     string
	Expires    time.Time
}

// handleAuthorize serves GET /{tenant}/oauth2/v2.0/authorize. Requests
// whose client or redirect URI cannot be trusted get an error page; later
// failures go back to the app as error redirects, as in Entra.
func (s *Server) handleAuthorize(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	generic, terr := s.resolveTenant(r.PathValue("tenant"))
	if terr != nil {
		s.errorPage(w, r, *terr)
		return
	}
	flow, e := s.trustedRequest(q, generic)
	if e != nil {
		s.errorPage(w, r, *e)
		return
	}
	flow.Kind = flowAuthorize
	flow.Mode = q.Get("response_mode")
	flow.State = q.Get("state")
	flow.Nonce = q.Get("nonce")
	flow.LoginHint = q.Get("login_hint")
	flow.Prompt = q.Get("prompt")
	if e := checkAuthorizeParams(q, flow); e != nil {
		s.redirectError(w, r, flow, *e)
		return
	}
	s.startFlow(w, r, flow)
}

// trustedRequest checks the client and its redirect URI: until both are
// known good, nothing may be sent to the redirect URI.
func (s *Server) trustedRequest(q url.Values, generic bool) (*signInFlow, *entraError) {
	fail := func(e entraError) (*signInFlow, *entraError) { return nil, &e }
	clientID := q.Get("client_id")
	if clientID == "" {
		return fail(errMissingParam("client_id"))
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	a, ok := s.signInApp(clientID)
	if !ok {
		return fail(errAppNotFound(clientID, s.dir.tenantID))
	}
	if generic && a.SignInAudience != audienceMultiOrgs {
		return fail(errNotMultiTenant(a))
	}
	redirect := q.Get("redirect_uri")
	if redirect == "" && len(a.RedirectURIs) > 0 {
		redirect = a.RedirectURIs[0]
	}
	if redirect != "" && !redirectAllowed(a.RedirectURIs, redirect) {
		return fail(errRedirectMismatch(redirect, a.AppID))
	}
	return &signInFlow{AppID: a.AppID, Redirect: redirect}, nil
}

// checkAuthorizeParams validates what is left of an authorization request
// and records it in flow.
func checkAuthorizeParams(q url.Values, flow *signInFlow) *entraError {
	fail := func(e entraError) *entraError { return &e }
	if flow.Redirect == "" {
		return fail(errNoReplyAddress())
	}
	switch rt := q.Get("response_type"); rt {
	case "code":
	case "":
		return fail(errMissingParam("response_type"))
	default:
		return fail(errUnsupportedResponseType(rt))
	}
	switch flow.Mode {
	case "", "query", "fragment", "form_post":
	default:
		return fail(errMalformedRequest())
	}
	if strings.TrimSpace(q.Get("scope")) == "" {
		return fail(errScopeMissing())
	}
	g, err := parseDelegatedScopes(q.Get("scope"))
	if err != nil {
		return fail(asEntraError(err))
	}
	flow.Grant = g
	challenge, method := q.Get("code_challenge"), q.Get("code_challenge_method")
	switch {
	case challenge == "" && method != "":
		return fail(errMissingParam("code_challenge"))
	case challenge == "":
	case method != "S256":
		if method == "" {
			method = "plain"
		}
		return fail(errPKCEMethod(method))
	case len(challenge) != 43 || strings.ContainsAny(challenge, "+/="):
		return fail(errMalformedRequest())
	}
	flow.Challenge = challenge
	return nil
}

// startFlow remembers flow and shows the sign-in page, or with AutoSignIn
// signs in the hinted user (or the administrator) at once.
func (s *Server) startFlow(w http.ResponseWriter, r *http.Request, flow *signInFlow) {
	s.mu.Lock()
	now := s.opts.Now()
	for id, f := range s.login.flows {
		if now.After(f.Expires) {
			delete(s.login.flows, id)
		}
	}
	flow.ID = randomString(24)
	flow.Expires = now.Add(signInFlowLifetime)
	s.login.flows[flow.ID] = flow
	s.mu.Unlock()
	if !s.opts.AutoSignIn {
		if flow.Prompt == "none" {
			// The demo tenant keeps no browser session to sign in silently with.
			s.endFlow(flow)
			s.redirectError(w, r, flow, errLoginRequired())
			return
		}
		s.showSignIn(w, r, flow, "", "")
		return
	}
	upn := flow.LoginHint
	if upn == "" {
		upn = s.adminUPN()
	}
	s.signIn(w, r, flow, upn, "", true)
}

// adminUPN names the tenant's first administrator.
func (s *Server) adminUPN() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, u := range s.dir.signInUsers() {
		if u.Admin {
			return u.UPN
		}
	}
	return ""
}

// redirectError sends an Entra error back to the app's redirect URI.
func (s *Server) redirectError(w http.ResponseWriter, r *http.Request, flow *signInFlow, e entraError) {
	body := s.errorBody(r, e)
	params := url.Values{
		"error":             {e.Name},
		"error_description": {body.ErrorDescription},
		"error_uri":         {body.ErrorURI},
	}
	if flow.State != "" {
		params.Set("state", flow.State)
	}
	if flow.Kind == flowAdminConsent && e.Code == errConsentDeclined().Code {
		params.Set("error_subcode", "cancel")
	}
	if flow.Redirect == "" {
		s.errorPage(w, r, e)
		return
	}
	respond(w, r, flow.Redirect, flow.Mode, params)
}

package demotenant

import (
	"net/http"
	"net/url"
	"slices"
	"strings"
)

// Buttons of the sign-in, consent and approval pages.
const (
	actionSignIn = "signin"
	actionAccept = "accept"
	actionCancel = "cancel"
)

// handleSignInForm serves the POSTs of the sign-in and consent pages.
func (s *Server) handleSignInForm(w http.ResponseWriter, r *http.Request) {
	r.Body = http.MaxBytesReader(w, r.Body, maxTokenForm)
	if err := r.ParseForm(); err != nil {
		s.errorPage(w, r, errMalformedRequest())
		return
	}
	s.mu.Lock()
	flow, ok := s.login.flows[r.PostForm.Get("flow")]
	if ok && !s.opts.Now().Before(flow.Expires) {
		delete(s.login.flows, flow.ID)
		ok = false
	}
	s.mu.Unlock()
	if !ok {
		s.errorPage(w, r, errFlowExpired())
		return
	}
	switch r.PostForm.Get("action") {
	case actionSignIn:
		s.signIn(w, r, flow, r.PostForm.Get("username"), r.PostForm.Get("password"), false)
	case actionAccept:
		s.accept(w, r, flow, r.PostForm.Get("org") == "on")
	case actionCancel:
		s.endFlow(flow)
		if s.approvalBlocked(flow) {
			s.redirectError(w, r, flow, errAdminApprovalRequired())
			return
		}
		s.redirectError(w, r, flow, errConsentDeclined())
	default:
		s.errorPage(w, r, errMalformedRequest())
	}
}

// signIn checks an account and password (auto skips the password, for
// Options.AutoSignIn) and moves on to consent. Mistakes show the page again
// with what was typed.
func (s *Server) signIn(w http.ResponseWriter, r *http.Request, flow *signInFlow, username, password string, auto bool) {
	username = strings.TrimSpace(username)
	s.mu.Lock()
	u, e := s.checkAccount(flow, username, password, auto)
	blocked := e == nil && u.Policy == policyBlock
	if e == nil {
		flow.UserID = u.ID
	}
	s.mu.Unlock()
	switch {
	case e != nil && auto:
		s.endFlow(flow)
		s.redirectError(w, r, flow, *e)
	case e != nil:
		s.showSignIn(w, r, flow, username, s.errorBody(r, *e).ErrorDescription)
	case blocked:
		// Conditional Access is evaluated once the password is right.
		s.endFlow(flow)
		s.redirectError(w, r, flow, errBlockedByConditionalAccess())
	default:
		s.afterSignIn(w, r, flow, auto)
	}
}

// checkAccount finds the account a person typed. Callers hold s.mu.
func (s *Server) checkAccount(flow *signInFlow, username, password string, auto bool) (*user, *entraError) {
	fail := func(e entraError) (*user, *entraError) { return nil, &e }
	d := s.dir
	if username == "" {
		return fail(errNoAccountTyped(d.tenantDomain))
	}
	u := d.accountByUPN(username)
	if u == nil {
		_, domain, _ := strings.Cut(username, "@")
		if !slices.ContainsFunc(d.domains, func(v string) bool { return strings.EqualFold(v, domain) }) {
			return fail(errUserNotInTenant(d.apps[flow.AppID], d.tenantID))
		}
		return fail(errUnknownUser(d.tenantDomain))
	}
	if u.UserType == "Guest" {
		return fail(errUserNotInTenant(d.apps[flow.AppID], d.tenantID))
	}
	if !auto && !equalSecrets(u.Password, password) {
		return fail(errWrongPassword())
	}
	if !u.AccountEnabled {
		return fail(errUserDisabled())
	}
	return u, nil
}

// afterSignIn decides what the signed-in user sees next: nothing (the app
// gets its code), the consent page, or the need-admin-approval page.
func (s *Server) afterSignIn(w http.ResponseWriter, r *http.Request, flow *signInFlow, auto bool) {
	s.mu.Lock()
	u := s.dir.account(flow.UserID)
	a := s.dir.apps[flow.AppID]
	var missing []string
	if flow.Kind == flowAuthorize {
		missing = s.missingConsent(a, u, flow.Grant.asked())
	}
	s.mu.Unlock()
	blocked := s.approvalBlocked(flow)
	switch {
	case s.assignmentRequired(flow):
		s.endFlow(flow)
		s.redirectError(w, r, flow, errNotAssigned(a))
	case blocked && auto:
		s.endFlow(flow)
		s.redirectError(w, r, flow, errAdminApprovalRequired())
	case blocked:
		s.showApprovalNeeded(w, r, flow)
	case auto:
		s.accept(w, r, flow, false)
	case flow.Kind == flowAuthorize && len(missing) == 0 && flow.Prompt != "consent":
		s.accept(w, r, flow, false)
	default:
		s.showConsent(w, r, flow)
	}
}

// approvalBlocked reports whether the signed-in user may not grant what
// the flow asks: admin consent, or scopes only an administrator may allow.
func (s *Server) approvalBlocked(flow *signInFlow) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	u := s.dir.account(flow.UserID)
	if u == nil || u.Admin {
		return false
	}
	if flow.Kind == flowAdminConsent {
		return true
	}
	if u.consentsForOthers() {
		return false
	}
	missing := s.missingConsent(s.dir.apps[flow.AppID], u, flow.Grant.asked())
	if s.opts.NoUserConsent {
		return len(missing) > 0
	}
	return needsAdmin(missing)
}

// accept grants what the flow asks and sends the browser back to the app.
func (s *Server) accept(w http.ResponseWriter, r *http.Request, flow *signInFlow, forOrg bool) {
	s.mu.Lock()
	signedIn := flow.UserID != ""
	s.mu.Unlock()
	if !signedIn || s.approvalBlocked(flow) {
		s.errorPage(w, r, errMalformedRequest())
		return
	}
	s.endFlow(flow)
	if flow.Kind == flowAdminConsent {
		s.grantAdminConsent(w, r, flow)
		return
	}
	s.mu.Lock()
	a, u := s.dir.apps[flow.AppID], s.dir.account(flow.UserID)
	if u == nil { // deleted while the page was open
		s.mu.Unlock()
		s.errorPage(w, r, errUnknownUser(s.dir.tenantDomain))
		return
	}
	if missing := s.missingConsent(a, u, flow.Grant.asked()); len(missing) > 0 {
		s.recordConsent(a, u, missing, forOrg && u.Admin)
	}
	grant := s.expandDefault(a, u, flow.Grant)
	now := s.opts.Now()
	for c, ac := range s.login.codes {
		if now.After(ac.Expires) {
			delete(s.login.codes, c)
		}
	}
	code := "0.AQ" + randomString(64)
	s.login.codes[code] = &authCode{
		AppID: a.AppID, UserID: u.ID, Redirect: flow.Redirect, Challenge: flow.Challenge,
		Nonce: flow.Nonce, Grant: grant, Expires: now.Add(authCodeLifetime),
	}
	s.mu.Unlock()
	params := url.Values{"code": {code}, "session_state": {stableGUID("session: " + u.ID)}}
	if flow.State != "" {
		params.Set("state", flow.State)
	}
	respond(w, r, flow.Redirect, flow.Mode, params)
}

// endFlow forgets a flow once its page has been answered.
func (s *Server) endFlow(flow *signInFlow) {
	s.mu.Lock()
	delete(s.login.flows, flow.ID)
	s.mu.Unlock()
}

package demotenant

import "strings"

// signInPolicy is what the tenant's Conditional Access asks of an account.
type signInPolicy int

const (
	policyNone  signInPolicy = iota
	policyBlock              // every sign-in is blocked: AADSTS53003
	policyMFA                // multifactor authentication is required: AADSTS50076
)

// note says in a few words what the policy does, for the sign-in page.
func (p signInPolicy) note() string {
	switch p {
	case policyBlock:
		return "blocked by a Conditional Access policy"
	case policyMFA:
		return "must use multifactor authentication"
	}
	return ""
}

// account finds a signed-in account by object id: a directory user or an
// account a policy stops. Callers hold s.mu.
func (d *directory) account(id string) *user {
	if u, ok := d.users[id]; ok {
		return u
	}
	return d.policyAccounts[id]
}

// accountByUPN finds the account a person typed, ignoring case. Callers
// hold s.mu.
func (d *directory) accountByUPN(upn string) *user {
	if u := d.userByUPN(upn); u != nil {
		return u
	}
	for _, u := range d.policyAccounts {
		if strings.EqualFold(u.UserPrincipalName, upn) {
			return u
		}
	}
	return nil
}

// tokenPolicyError is Conditional Access's answer to a token request for
// u, or nil when no policy stops it. The demo sign-in page asks for a
// password only, so for an account that must use multifactor
// authentication its codes and refresh tokens are never enough.
func tokenPolicyError(u *user) error {
	if u.Policy == policyMFA {
		return errMFARequired(graphAppID)
	}
	return nil
}

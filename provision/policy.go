package provision

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/entra-wizard/entra-wizard/graph"
)

// RolePolicies is who may change the tenant's app management policies.
const RolePolicies = "Security Administrator or Global Administrator"

// fallbackDays are the shorter lifetimes setup tries, longest first, when
// Graph refuses a credential's lifetime and the policy could not be read.
var fallbackDays = []int{180, 90, 30}

// PolicyError says the tenant's app management policy blocks what setup
// needs, which restriction, and who can change it.
type PolicyError struct {
	// Restriction is the policy's restriction type: passwordAddition,
	// passwordLifetime or asymmetricKeyLifetime.
	Restriction string
	// Credential is "client secret" or "certificate".
	Credential string
	Err        error
	// renewal says a renewal was refused, which takes --days, not setup.
	renewal bool
}

func (e *PolicyError) Error() string {
	if e.Restriction == "passwordAddition" {
		return fmt.Sprintf("this tenant's app management policy does not allow client secrets (%s). Use a certificate instead (leave out --credential secret), or ask someone with the %s role to change the policy.",
			e.Restriction, RolePolicies)
	}
	again := "run setup with --secret-days"
	if e.renewal {
		again = "renew with --days"
	}
	return fmt.Sprintf("this tenant's app management policy refused every lifetime tried for the %s (%s, down to %d days). Ask someone with the %s role what the policy allows, then %s.",
		e.Credential, e.Restriction, fallbackDays[len(fallbackDays)-1], RolePolicies, again)
}

func (e *PolicyError) Unwrap() error { return e.Err }

// readPolicy reads the app management policy where the admin may, and
// fits the request to it before anything is created: a forbidden secret
// stops here, a lifetime over the cap is shortened to it and said so.
// Where it cannot be read, the refusals are recognised later instead.
func (s *Setup) readPolicy(ctx context.Context, g *graph.Client, st *State) error {
	now := s.deps.Clock.Now()
	pol, err := g.AppManagementPolicy(ctx, now)
	if err != nil {
		st.note("The tenant's app management policy could not be read (that needs Policy.Read.All); setup adapts if Microsoft Entra refuses a credential.")
		return nil
	}
	r := &st.Request
	switch r.Method {
	case MethodSecret:
		if pol.SecretsBlocked {
			return &PolicyError{Restriction: "passwordAddition", Credential: "client secret"}
		}
		s.capLifetime(st, pol.MaxSecretLifetime, now, "client secrets")
	case MethodCertificate:
		s.capLifetime(st, pol.MaxCertificateLifetime, now, "certificates")
	}
	return nil
}

// capLifetime shortens the request's lifetime to the policy's cap.
func (s *Setup) capLifetime(st *State, max time.Duration, now time.Time, what string) {
	days := int(max / (24 * time.Hour))
	if max <= 0 || st.Request.SecretDays <= days {
		return
	}
	st.Request.SecretDays = days
	st.note(fmt.Sprintf("This tenant allows %s for at most %d days: this one is valid until %s.",
		what, days, now.AddDate(0, 0, days).Format("2 January 2006")))
}

// withinLifetime runs add, which creates a credential of the request's
// lifetime, and while Graph refuses that lifetime by policy tries the
// shorter fallbackDays, saying which one was accepted.
func (s *Setup) withinLifetime(st *State, restriction, what string, add func() error) error {
	err := add()
	for _, days := range fallbackDays {
		if !errors.Is(err, graph.ErrPolicyLifetime) {
			break
		}
		if days >= st.Request.SecretDays {
			continue
		}
		st.Request.SecretDays = days
		if err = add(); err == nil {
			st.note(fmt.Sprintf("This tenant's app management policy refused a longer lifetime: the %s is valid for %d days, until %s.",
				what, days, s.deps.Clock.Now().AddDate(0, 0, days).Format("2 January 2006")))
		}
	}
	switch {
	case errors.Is(err, graph.ErrPolicyLifetime):
		return &PolicyError{Restriction: restriction, Credential: what, Err: err, renewal: st.Request.renewal}
	case errors.Is(err, graph.ErrPolicyCredentialType):
		return &PolicyError{Restriction: "passwordAddition", Credential: what, Err: err}
	}
	return err
}

// note keeps a remark for the admin, said once setup is done.
func (st *State) note(text string) { st.Notes = append(st.Notes, text) }

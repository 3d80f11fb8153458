package graph

import (
	"context"
	"time"

	"github.com/microsoft/kiota-abstractions-go/serialization"
	"github.com/microsoftgraph/msgraph-sdk-go/models"
)

// AppPolicy is what the tenant's default app management policy allows a
// new app: whether it may have client secrets, and for how long a secret
// or a certificate may be valid (0: no cap).
type AppPolicy struct {
	SecretsBlocked         bool
	MaxSecretLifetime      time.Duration
	MaxCertificateLifetime time.Duration
}

// needReadPolicies is what reading the policy takes, as Graph's reference
// for tenantAppManagementPolicy lists.
var needReadPolicies = []string{"Policy.Read.All"}

// AppManagementPolicy reads the tenant's default app management policy
// (GET /policies/defaultAppManagementPolicy) as it applies to an app
// created at now: restrictions that are disabled, or start after now, do
// not count. A caller without Policy.Read.All gets ErrDenied.
func (c *Client) AppManagementPolicy(ctx context.Context, now time.Time) (AppPolicy, error) {
	p, err := c.sdk().Policies().DefaultAppManagementPolicy().Get(ctx, nil)
	if err == nil && p == nil {
		err = errEmptyAnswer
	}
	if err != nil {
		return AppPolicy{}, fail(err, "read the app management policy", needReadPolicies...)
	}
	var out AppPolicy
	r := p.GetApplicationRestrictions()
	if enabled := p.GetIsEnabled(); r == nil || enabled == nil || !*enabled {
		return out, nil
	}
	for _, pc := range r.GetPasswordCredentials() {
		if !restricts(pc.GetState(), pc.GetRestrictForAppsCreatedAfterDateTime(), now) || pc.GetRestrictionType() == nil {
			continue
		}
		switch *pc.GetRestrictionType() {
		case models.PASSWORDADDITION_APPCREDENTIALRESTRICTIONTYPE:
			out.SecretsBlocked = true
		case models.PASSWORDLIFETIME_APPCREDENTIALRESTRICTIONTYPE:
			out.MaxSecretLifetime = shorter(out.MaxSecretLifetime, lifetime(pc.GetMaxLifetime()))
		}
	}
	for _, kc := range r.GetKeyCredentials() {
		if restricts(kc.GetState(), kc.GetRestrictForAppsCreatedAfterDateTime(), now) && kc.GetRestrictionType() != nil &&
			*kc.GetRestrictionType() == models.ASYMMETRICKEYLIFETIME_APPKEYCREDENTIALRESTRICTIONTYPE {
			out.MaxCertificateLifetime = shorter(out.MaxCertificateLifetime, lifetime(kc.GetMaxLifetime()))
		}
	}
	return out, nil
}

// restricts reports whether a restriction applies to an app made at now:
// not disabled, and in force for apps created from its date on.
func restricts(state *models.AppManagementRestrictionState, after *time.Time, now time.Time) bool {
	if state != nil && *state == models.DISABLED_APPMANAGEMENTRESTRICTIONSTATE {
		return false
	}
	return after == nil || after.Before(now)
}

// lifetime converts Graph's maxLifetime; years count 365 days and months
// are not used by the policy's durations.
func lifetime(d *serialization.ISODuration) time.Duration {
	if d == nil {
		return 0
	}
	days := d.GetYears()*365 + d.GetWeeks()*7 + d.GetDays()
	return time.Duration(days)*24*time.Hour + time.Duration(d.GetHours())*time.Hour +
		time.Duration(d.GetMinutes())*time.Minute + time.Duration(d.GetSeconds())*time.Second
}

// shorter is the tighter of two caps, 0 meaning none.
func shorter(a, b time.Duration) time.Duration {
	if a == 0 || (b != 0 && b < a) {
		return b
	}
	return a
}

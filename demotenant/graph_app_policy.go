package demotenant

import (
	"fmt"
	"net/http"
	"time"

	"github.com/entra-wizard/entra-wizard/demotenant/odata"
)

// AppPolicy is a default app management policy
// (/policies/defaultAppManagementPolicy), as baselines such as CISA's
// ScubaGear set it: it blocks new client secrets, caps the lifetime of
// secrets and of certificates, or both. Its restrictions apply to apps
// created after the tenant started (restrictForAppsCreatedAfterDateTime),
// not to the seeded ones. The zero value restricts nothing.
type AppPolicy struct {
	// BlockSecrets is passwordAddition: addPassword is refused.
	BlockSecrets bool
	// MaxSecretLifetime is passwordLifetime's maxLifetime; 0 means no cap.
	MaxSecretLifetime time.Duration
	// MaxCertificateLifetime is asymmetricKeyLifetime's maxLifetime; 0
	// means no cap.
	MaxCertificateLifetime time.Duration
}

// policyApplies reports whether the policy restricts a: it was created
// after the policy's restrictForAppsCreatedAfterDateTime, the tenant's
// start.
func (s *Server) policyApplies(a *app) bool {
	return !a.Created.IsZero()
}

// Graph's refusals by an app management policy (400, with these codes
// and messages).
func errCredentialTypeNotAllowed() *odata.Error {
	return odata.NewError(http.StatusBadRequest, "CredentialTypeNotAllowedAsPerAppPolicy",
		"Credential type not allowed as per assigned policy.")
}

func errCredentialLifetime() *odata.Error {
	return odata.NewError(http.StatusBadRequest, "CredentialInvalidLifetimeAsPerAppPolicy",
		"Credential lifetime exceeds the max value allowed as per assigned policy.")
}

// checkSecretPolicy refuses a new secret for a that the policy forbids.
func (s *Server) checkSecretPolicy(a *app, start, end time.Time) error {
	p := s.opts.AppPolicy
	switch {
	case !s.policyApplies(a):
		return nil
	case p.BlockSecrets:
		return errCredentialTypeNotAllowed()
	case p.MaxSecretLifetime > 0 && end.Sub(start) > p.MaxSecretLifetime:
		return errCredentialLifetime()
	}
	return nil
}

// checkKeyPolicy refuses certificates for a that live longer than the
// policy allows.
func (s *Server) checkKeyPolicy(a *app, keys []keyCredential) error {
	max := s.opts.AppPolicy.MaxCertificateLifetime
	if max <= 0 || !s.policyApplies(a) {
		return nil
	}
	for _, k := range keys {
		if k.End.Sub(k.Start) > max {
			return errCredentialLifetime()
		}
	}
	return nil
}

// readPolicies may read the tenant's policies: Policy.Read.All, as
// Graph's reference for defaultAppManagementPolicy lists.
var readPolicies = setupAccess{
	scopes: []string{"Policy.Read.All", "Policy.ReadWrite.ApplicationConfiguration"},
	roles:  []string{"Policy.Read.All", "Policy.ReadWrite.ApplicationConfiguration"},
}

// getAppPolicy serves GET /policies/defaultAppManagementPolicy.
func (s *Server) getAppPolicy(c *graphCall) error {
	if err := c.allowSetup(readPolicies); err != nil {
		return err
	}
	p := s.opts.AppPolicy
	since := odata.Value(s.dir.createdAt.UTC())
	passwords, keys := []odata.Object{}, []odata.Object{}
	if p.BlockSecrets {
		passwords = append(passwords, restrictionJSON("passwordAddition", 0, since))
	}
	if p.MaxSecretLifetime > 0 {
		passwords = append(passwords, restrictionJSON("passwordLifetime", p.MaxSecretLifetime, since))
	}
	if p.MaxCertificateLifetime > 0 {
		keys = append(keys, restrictionJSON("asymmetricKeyLifetime", p.MaxCertificateLifetime, since))
	}
	enabled := len(passwords)+len(keys) > 0
	return c.writeJSON(http.StatusOK, odata.Object{
		{"@odata.context", c.contextURL("policies/defaultAppManagementPolicy/$entity")},
		{"id", stableGUID("default app management policy")},
		{"displayName", "Default app management tenant policy"},
		{"description", "Default tenant policy that enforces app management restrictions on applications and service principals. To apply policy to targeted resources, create a new policy under appManagementPolicies collection."},
		{"isEnabled", enabled},
		{"applicationRestrictions", odata.Object{{"passwordCredentials", passwords}, {"keyCredentials", keys}}},
		{"servicePrincipalRestrictions", odata.Object{{"passwordCredentials", []odata.Object{}}, {"keyCredentials", []odata.Object{}}}},
	})
}

// restrictionJSON renders one restriction; a lifetime of 0 has no
// maxLifetime.
func restrictionJSON(kind string, lifetime time.Duration, since any) odata.Object {
	var max any
	if lifetime > 0 {
		max = isoDays(lifetime)
	}
	return odata.Object{{"restrictionType", kind}, {"state", "enabled"}, {"maxLifetime", max},
		{"restrictForAppsCreatedAfterDateTime", since}}
}

// isoDays writes a lifetime as an ISO 8601 duration, as Graph does: P180D,
// or with hours for a part day.
func isoDays(d time.Duration) string {
	days, rest := int(d/(24*time.Hour)), d%(24*time.Hour)
	if rest == 0 {
		return fmt.Sprintf("P%dD", days)
	}
	return fmt.Sprintf("P%dDT%dH", days, int(rest/time.Hour))
}

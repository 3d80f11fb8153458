package demotenant

import (
	"slices"
	"strings"
	"time"
)

// RegisteredApp describes an app registration as Entra holds it: what it
// asks for and what was granted, for tests that check what setup made.
type RegisteredApp struct {
	ObjectID string
	AppID    string
	Name     string
	Public   bool
	// PublicClientFlows is "Allow public client flows"
	// (isFallbackPublicClient).
	PublicClientFlows bool
	// Required are the Graph permissions the registration lists: application
	// permissions as "Role:Name", delegated ones as "Scope:Name".
	Required []string
	// Roles are the application permissions granted; Scopes the delegated
	// ones granted tenant-wide.
	Roles, Scopes []string
	// Secrets are the key ids of its client secrets.
	Secrets []string
	// Keys are the key ids of its certificates (keyCredentials).
	Keys []string
	// KeysExpire are when those certificates expire, in the same order.
	KeysExpire []time.Time
	// HasPrincipal reports whether it has a service principal here.
	HasPrincipal bool
}

// AppsNamed lists the app registrations called name, sorted by app id.
func (s *Server) AppsNamed(name string) []RegisteredApp {
	s.mu.Lock()
	defer s.mu.Unlock()
	var out []RegisteredApp
	for _, a := range s.dir.apps {
		if a.DisplayName != name {
			continue
		}
		ra := RegisteredApp{ObjectID: a.ID, AppID: a.AppID, Name: a.DisplayName, Public: a.PublicClient,
			PublicClientFlows: a.FallbackPublicClient}
		for _, r := range a.Required {
			kind := "Scope:"
			if r.Role {
				kind = "Role:"
			}
			ra.Required = append(ra.Required, kind+r.Name)
		}
		for _, sec := range a.Secrets {
			ra.Secrets = append(ra.Secrets, sec.KeyID)
		}
		for _, k := range a.Keys {
			ra.Keys, ra.KeysExpire = append(ra.Keys, k.KeyID), append(ra.KeysExpire, k.End)
		}
		if sp := s.dir.principalOf(a.AppID); sp != nil {
			ra.HasPrincipal = true
			ra.Roles, ra.Scopes = sp.roles(), slices.Clone(sp.DelegatedScopes)
		}
		out = append(out, ra)
	}
	slices.SortFunc(out, func(a, b RegisteredApp) int { return strings.Compare(a.AppID, b.AppID) })
	return out
}

package provision

import (
	"context"
	"errors"
	"fmt"
	"slices"

	"github.com/entra-wizard/entra-wizard/graph"
)

// lookUp finds Microsoft Graph's permission ids and a registration of the
// same name, which is reused only if the admin said so.
func (s *Setup) lookUp(ctx context.Context, st *State) error {
	g, err := s.graphClient(st)
	if err != nil {
		return err
	}
	if st.graphSP, err = g.ServicePrincipalByAppID(ctx, graph.GraphAppID); err != nil {
		return err
	}
	st.permIDs = nil
	for _, name := range st.Request.granted() {
		ids := st.graphSP.Roles
		if st.Request.Method == MethodBrowser {
			ids = st.graphSP.Scopes
		}
		id, ok := ids[name]
		if !ok {
			return fmt.Errorf("this tenant's Microsoft Graph does not offer the permission %s", name)
		}
		st.permIDs = append(st.permIDs, id)
	}
	if st.Created.AppObjectID != "" {
		return nil // continuing a run that registered the app already
	}
	if err := s.readPolicy(ctx, g, st); err != nil {
		return err
	}
	apps, err := g.ApplicationsNamed(ctx, st.Request.AppName)
	if err != nil || len(apps) == 0 {
		return err
	}
	st.Existing = &apps[0]
	if !st.Request.Reuse {
		return ErrAppExists
	}
	if st.Request.Method == MethodCertificate && len(apps[0].CertificateKeyIDs) > 0 {
		return errReuseHasCertificates
	}
	st.Created.AppObjectID, st.Created.AppID, st.Created.Reused = apps[0].ObjectID, apps[0].AppID, true
	sp, err := g.ServicePrincipalByAppID(ctx, apps[0].AppID)
	switch {
	case errors.Is(err, graph.ErrNotFound):
		return nil
	case err != nil:
		return err
	}
	st.Created.PrincipalID = sp.ID
	return nil
}

// register creates the app registration, single tenant, asking for exactly
// the chosen permissions, with the redirect its method uses and, for the
// certificate method, its certificate: the app never exists without it.
func (s *Setup) register(ctx context.Context, st *State) error {
	if st.Created.AppObjectID != "" {
		return nil
	}
	g, err := s.graphClient(st)
	if err != nil {
		return err
	}
	na := graph.NewApplication{DisplayName: st.Request.AppName}
	if st.Request.Method == MethodBrowser {
		na.ScopeIDs, na.PublicRedirects = st.permIDs, []string{RedirectURI}
	} else {
		na.RoleIDs, na.WebRedirects = st.permIDs, []string{RedirectURI}
	}
	if st.Request.Method != MethodCertificate {
		return s.createApplication(ctx, g, st, na)
	}
	return s.withinLifetime(st, "asymmetricKeyLifetime", "certificate", func() error {
		cert, err := s.newCertificate(st)
		if err != nil {
			return err
		}
		na.Certificates = []graph.Certificate{cert}
		if err := s.createApplication(ctx, g, st, na); err != nil {
			return err
		}
		st.recordCertificate(cert)
		return nil
	})
}

// createApplication registers na and notes what was created.
func (s *Setup) createApplication(ctx context.Context, g *graph.Client, st *State, na graph.NewApplication) error {
	app, err := g.CreateApplication(ctx, na)
	if err != nil {
		return err
	}
	st.Created.AppObjectID, st.Created.AppID = app.ObjectID, app.AppID
	return nil
}

// principal creates the app's service principal in the tenant.
func (s *Setup) principal(ctx context.Context, st *State) error {
	if st.Created.PrincipalID != "" {
		return nil
	}
	g, err := s.graphClient(st)
	if err != nil {
		return err
	}
	sp, err := g.CreateServicePrincipal(ctx, st.Created.AppID)
	if errors.Is(err, graph.ErrConflict) {
		sp, err = g.ServicePrincipalByAppID(ctx, st.Created.AppID)
	}
	if err != nil {
		return err
	}
	st.Created.PrincipalID = sp.ID
	return nil
}

// addCredential gives the app what it signs in with: a client secret, or
// a certificate on a reused registration (a new one got it when it was
// registered).
func (s *Setup) addCredential(ctx context.Context, st *State) error {
	switch {
	case st.Request.Method == MethodBrowser || st.secret != "" || st.Created.CertificateKeyID != "":
		return nil
	case st.Request.Method == MethodCertificate:
		return s.addCertificate(ctx, st)
	}
	return s.addSecret(ctx, st)
}

// addSecret creates the client secret.
func (s *Setup) addSecret(ctx context.Context, st *State) error {
	g, err := s.graphClient(st)
	if err != nil {
		return err
	}
	return s.withinLifetime(st, "passwordLifetime", "client secret", func() error {
		now := s.deps.Clock.Now()
		sec, err := g.AddSecret(ctx, st.Created.AppObjectID, st.Request.secretName(now), now.AddDate(0, 0, st.Request.SecretDays))
		if err != nil {
			return err
		}
		st.secret, st.Created.SecretKeyID, st.Created.SecretExpires = sec.Text, sec.KeyID, sec.Expires
		return nil
	})
}

// consent grants the permissions: an app role assignment for each
// application permission, or one tenant-wide grant of the delegated scopes.
// A grant that exists already counts as done.
func (s *Setup) consent(ctx context.Context, st *State) error {
	g, err := s.graphClient(st)
	if err != nil {
		return err
	}
	names := st.Request.granted()
	if err := s.grantedAlready(ctx, g, st); err != nil {
		return err
	}
	if st.Request.Method == MethodBrowser {
		if len(st.Created.Granted) == len(names) {
			return nil
		}
		_, err := g.GrantDelegated(ctx, st.graphSP.ID, st.Created.PrincipalID, names)
		if err != nil && !errors.Is(err, graph.ErrConflict) {
			return err
		}
		st.Created.Granted = names
		return nil
	}
	for i, name := range names {
		if slices.Contains(st.Created.Granted, name) {
			continue
		}
		_, err := g.AssignAppRole(ctx, st.graphSP.ID, st.Created.PrincipalID, st.permIDs[i])
		if err != nil && !errors.Is(err, graph.ErrConflict) {
			return err
		}
		st.Created.Granted = append(st.Created.Granted, name)
	}
	return nil
}

// grantedAlready notes the permissions the app holds already: an
// administrator may have granted them through the admin-consent link after
// this account was refused, and granting them again would be refused again.
func (s *Setup) grantedAlready(ctx context.Context, g *graph.Client, st *State) error {
	names := st.Request.granted()
	if len(st.Created.Granted) == len(names) || st.Created.PrincipalID == "" {
		return nil
	}
	var have []string
	if st.Request.Method == MethodBrowser {
		scopes, err := g.DelegatedGrants(ctx, st.Created.PrincipalID)
		if err != nil {
			return err
		}
		if !allIn(names, scopes) {
			return nil // one grant names them all: make it whole
		}
		have = names
	} else {
		ids, err := g.AssignedAppRoles(ctx, st.Created.PrincipalID, st.graphSP.ID)
		if err != nil {
			return err
		}
		for i, name := range names {
			if slices.Contains(ids, st.permIDs[i]) {
				have = append(have, name)
			}
		}
	}
	for _, name := range have {
		if !slices.Contains(st.Created.Granted, name) {
			st.Created.Granted = append(st.Created.Granted, name)
		}
	}
	return nil
}

// allIn reports whether every one of want is in have.
func allIn(want, have []string) bool {
	for _, w := range want {
		if !slices.Contains(have, w) {
			return false
		}
	}
	return true
}

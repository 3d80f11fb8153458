package connection

import (
	"context"
	"testing"

	"github.com/entra-wizard/entra-wizard/graph"
	"github.com/entra-wizard/entra-wizard/keystore"
	"github.com/entra-wizard/entra-wizard/oauth"
)

func TestAppClaimsTellsNotYetFromWorking(t *testing.T) {
	f := newFixture(t)
	p := keystore.Profile{Cloud: keystore.CloudDemo, Tenant: f.info.TenantID, ClientID: f.info.ClientID,
		Method: keystore.MethodClientSecret}
	claims, err := f.engine().AppClaims(context.Background(), Attempt{Profile: p, Secret: f.info.ClientSecret})
	if err != nil || len(claims.Roles) == 0 || claims.Delegated() {
		t.Errorf("claims %+v, err %v: want app-only roles", claims, err)
	}
	_, err = f.engine().AppClaims(context.Background(), Attempt{Profile: p, Secret: "not-the-secret"})
	if e, ok := oauth.AsError(err); !ok || e.Code != "AADSTS7000215" {
		t.Errorf("a wrong secret: %v, want Entra's AADSTS7000215", err)
	}
}

func TestSignInOnceOpensGraphAsThePersonSignedIn(t *testing.T) {
	f := newFixture(t)
	ep, err := Resolve(keystore.CloudDemo, "", "", &DemoTenant{Authority: f.info.Authority, Graph: f.info.Graph})
	if err != nil {
		t.Fatal(err)
	}
	var shown string
	s, err := f.engine().SignInOnce(context.Background(), OneTimeSignIn{Endpoints: ep, Tenant: f.info.TenantID,
		ClientID: f.info.PublicClientID, Scopes: ep.DelegatedScopes("User.Read.All"), OnURL: func(u string) { shown = u }})
	if err != nil {
		t.Fatal(err)
	}
	if !s.Claims.Delegated() || s.Claims.TenantID != f.info.TenantID || shown == "" {
		t.Errorf("claims %+v, sign-in address shown %q", s.Claims, shown)
	}
	if users, err := s.Graph.Users(graph.UserQuery{}).Next(context.Background()); err != nil || len(users) == 0 {
		t.Errorf("the session read %d users: %v", len(users), err)
	}
}

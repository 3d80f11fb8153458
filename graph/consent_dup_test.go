package graph_test

import (
	"context"
	"errors"
	"testing"

	"github.com/entra-wizard/entra-wizard/demotenant"
	"github.com/entra-wizard/entra-wizard/graph"
	"golang.org/x/oauth2"
)

// Granting an application permission the app holds already is Graph's 400
// Request_BadRequest ("Permission being assigned already exists on the
// object"); the setup counts that grant as done, so it must read as a
// conflict.
func TestAssigningAnAppRoleTwiceIsAConflict(t *testing.T) {
	tn := startTenant(t, demotenant.Options{AutoSignIn: true})
	tok := tn.signIn(t, tn.adminUPN(), "Directory.Read.All", "AppRoleAssignment.ReadWrite.All")
	c, err := graph.New(graph.Config{BaseURL: tn.endpoints.GraphBaseURL(), TokenSource: oauth2.StaticTokenSource(tok)})
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	msGraph, err := c.ServicePrincipalByAppID(ctx, graph.GraphAppID)
	if err != nil {
		t.Fatal(err)
	}
	app, err := c.ServicePrincipalByAppID(ctx, tn.info.ClientID)
	if err != nil {
		t.Fatal(err)
	}
	const userReadAll = "df021288-bdef-4463-88db-98f22de89214"
	_, err = c.AssignAppRole(ctx, msGraph.ID, app.ID, userReadAll)
	e, ok := graph.AsError(err)
	if !ok || e.Status != 400 || e.Code != "Request_BadRequest" || !errors.Is(err, graph.ErrConflict) {
		t.Errorf("granting User.Read.All again: %v, want a 400 Request_BadRequest that is a conflict", err)
	}
}

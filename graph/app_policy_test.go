package graph_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/entra-wizard/entra-wizard/demotenant"
	"github.com/entra-wizard/entra-wizard/graph"
)

func TestAppManagementPolicyIsReadWithPolicyReadAll(t *testing.T) {
	tn := startTenant(t, demotenant.Options{AutoSignIn: true, AppPolicy: demotenant.AppPolicy{
		BlockSecrets: true, MaxSecretLifetime: 90 * 24 * time.Hour, MaxCertificateLifetime: 180 * 24 * time.Hour}})
	got, err := tn.adminClient(t, "Policy.Read.All").AppManagementPolicy(context.Background(), time.Now())
	want := graph.AppPolicy{SecretsBlocked: true, MaxSecretLifetime: 90 * 24 * time.Hour, MaxCertificateLifetime: 180 * 24 * time.Hour}
	if err != nil || got != want {
		t.Fatalf("AppManagementPolicy = %+v, %v; want %+v", got, err, want)
	}
	if _, err := tn.adminClient(t, "Application.ReadWrite.All").AppManagementPolicy(context.Background(), time.Now()); !errors.Is(err, graph.ErrDenied) {
		t.Errorf("without Policy.Read.All: %v, want ErrDenied", err)
	}
}

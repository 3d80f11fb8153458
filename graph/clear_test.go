package graph_test

import (
	"context"
	"testing"

	"github.com/entra-wizard/entra-wizard/demotenant"
	"github.com/entra-wizard/entra-wizard/graph"
)

// Emptying a field in the panel must clear it on a real tenant, which
// refuses "" for these properties and accepts null.
func TestEmptyFieldsAreClearedWithNull(t *testing.T) {
	tn := startTenant(t, demotenant.Options{})
	ctx := context.Background()
	u, err := tn.client.CreateUser(ctx, newUser(t, tn, "emptied"))
	if err != nil {
		t.Fatal(err)
	}
	office := "Building 7"
	if err := tn.client.UpdateUser(ctx, u.ID, graph.UserChanges{OfficeLocation: &office}); err != nil {
		t.Fatal(err)
	}
	empty, blank := "", "  "
	ch := graph.UserChanges{JobTitle: &empty, Department: &blank, OfficeLocation: &empty, UsageLocation: &empty}
	if err := tn.client.UpdateUser(ctx, u.ID, ch); err != nil {
		t.Fatalf("clearing job title, department, office and usage location: %v", err)
	}
	got, err := tn.client.User(ctx, u.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got.JobTitle != "" || got.Department != "" || got.OfficeLocation != "" || got.UsageLocation != "" {
		t.Errorf("after clearing: job %q, department %q, office %q, usage location %q",
			got.JobTitle, got.Department, got.OfficeLocation, got.UsageLocation)
	}
	if got.DisplayName != u.DisplayName {
		t.Errorf("display name changed to %q", got.DisplayName)
	}

	g, err := tn.client.CreateGroup(ctx, graph.NewGroup{DisplayName: "Emptied", Description: "To be cleared", Kind: graph.SecurityGroup})
	if err != nil {
		t.Fatal(err)
	}
	if err := tn.client.UpdateGroup(ctx, g.ID, graph.GroupChanges{Description: &empty}); err != nil {
		t.Fatalf("clearing the description: %v", err)
	}
	if got, err := tn.client.Group(ctx, g.ID); err != nil || got.Description != "" {
		t.Errorf("description after clearing = %q, %v", got.Description, err)
	}
}

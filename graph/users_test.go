package graph_test

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/entra-wizard/entra-wizard/demotenant"
	"github.com/entra-wizard/entra-wizard/graph"
)

func newUser(t *testing.T, tn *tenant, local string) graph.NewUser {
	t.Helper()
	pw, err := graph.GeneratePassword()
	if err != nil {
		t.Fatal(err)
	}
	return graph.NewUser{
		DisplayName:       "Test " + local,
		UserPrincipalName: local + "@" + tn.info.TenantDomain,
		JobTitle:          "Analyst",
		Department:        "Research",
		UsageLocation:     "gb",
		Password:          pw,
	}
}

func TestCreateUserThenReadItBack(t *testing.T) {
	tn := startTenant(t, demotenant.Options{})
	ctx := context.Background()
	created, err := tn.client.CreateUser(ctx, newUser(t, tn, "ada.lovelace"))
	if err != nil {
		t.Fatalf("CreateUser: %v", err)
	}
	if created.ID == "" {
		t.Fatal("created user has no id")
	}
	got, err := tn.client.User(ctx, "ada.lovelace@"+tn.info.TenantDomain)
	if err != nil {
		t.Fatalf("User by UPN: %v", err)
	}
	want := graph.User{ID: created.ID, DisplayName: "Test ada.lovelace", UserPrincipalName: "ada.lovelace@" + tn.info.TenantDomain,
		JobTitle: "Analyst", Department: "Research", UsageLocation: "GB", AccountEnabled: true}
	got.CreatedDateTime, got.UserType, got.Mail = want.CreatedDateTime, "", ""
	if got != want {
		t.Errorf("read back\n got %+v\nwant %+v", got, want)
	}
}

func TestUpdateUserChangesOnlyTheGivenFields(t *testing.T) {
	tn := startTenant(t, demotenant.Options{})
	ctx := context.Background()
	u, err := tn.client.CreateUser(ctx, newUser(t, tn, "grace.hopper"))
	if err != nil {
		t.Fatal(err)
	}
	title, loc := "Rear Admiral", "us"
	if err := tn.client.UpdateUser(ctx, u.ID, graph.UserChanges{JobTitle: &title, UsageLocation: &loc}); err != nil {
		t.Fatalf("UpdateUser: %v", err)
	}
	got, err := tn.client.User(ctx, u.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got.JobTitle != title || got.UsageLocation != "US" {
		t.Errorf("after update: job %q, usage location %q", got.JobTitle, got.UsageLocation)
	}
	if got.Department != "Research" || got.DisplayName != "Test grace.hopper" {
		t.Errorf("fields not in the change were touched: %+v", got)
	}
}

func TestDisableEnableUser(t *testing.T) {
	tn := startTenant(t, demotenant.Options{})
	ctx := context.Background()
	u, err := tn.client.CreateUser(ctx, newUser(t, tn, "alan.turing"))
	if err != nil {
		t.Fatal(err)
	}
	for _, enabled := range []bool{false, true} {
		if err := tn.client.SetAccountEnabled(ctx, u.ID, enabled); err != nil {
			t.Fatalf("SetAccountEnabled(%v): %v", enabled, err)
		}
		got, err := tn.client.User(ctx, u.ID)
		if err != nil {
			t.Fatal(err)
		}
		if got.AccountEnabled != enabled {
			t.Errorf("accountEnabled = %v, want %v", got.AccountEnabled, enabled)
		}
	}
}

func TestDeleteUserThenRestoreIt(t *testing.T) {
	tn := startTenant(t, demotenant.Options{})
	ctx := context.Background()
	u, err := tn.client.CreateUser(ctx, newUser(t, tn, "katherine.johnson"))
	if err != nil {
		t.Fatal(err)
	}
	if err := tn.client.DeleteUser(ctx, u.ID); err != nil {
		t.Fatalf("DeleteUser: %v", err)
	}
	_, err = tn.client.User(ctx, u.ID)
	if !errors.Is(err, graph.ErrNotFound) {
		t.Fatalf("reading a deleted user: %v, want ErrNotFound", err)
	}
	deleted, err := tn.client.DeletedUsers(ctx)
	if err != nil {
		t.Fatalf("DeletedUsers: %v", err)
	}
	var found *graph.DeletedUser
	for i := range deleted {
		if deleted[i].ID == u.ID {
			found = &deleted[i]
		}
	}
	if found == nil || found.DeletedDateTime.IsZero() || found.DisplayName != u.DisplayName {
		t.Fatalf("deleted user not listed with its name and deletion time: %+v", found)
	}
	restored, err := tn.client.RestoreUser(ctx, u.ID)
	if err != nil {
		t.Fatalf("RestoreUser: %v", err)
	}
	if restored.ID != u.ID || restored.UserPrincipalName != u.UserPrincipalName {
		t.Errorf("restored %+v", restored)
	}
	if _, err := tn.client.User(ctx, u.ID); err != nil {
		t.Errorf("restored user cannot be read: %v", err)
	}
}

func TestCreateUserErrorsInPlainWords(t *testing.T) {
	tn := startTenant(t, demotenant.Options{})
	ctx := context.Background()
	if _, err := tn.client.CreateUser(ctx, newUser(t, tn, "dup")); err != nil {
		t.Fatal(err)
	}
	foreign := newUser(t, tn, "someone")
	foreign.UserPrincipalName = "someone@not-our-domain.example"
	weak := newUser(t, tn, "weak")
	weak.Password = "password"
	cases := []struct {
		name  string
		user  graph.NewUser
		words string
	}{
		{"duplicate user name", newUser(t, tn, "dup"), "already uses this user name"},
		{"unverified domain", foreign, "not a verified domain"},
		{"weak password", weak, "complexity"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			_, err := tn.client.CreateUser(ctx, tc.user)
			e, ok := graph.AsError(err)
			if !ok {
				t.Fatalf("error %v is not a *graph.Error", err)
			}
			plain := e.Plain()
			if !strings.Contains(plain, tc.words) || !strings.Contains(plain, "Request_BadRequest") || e.Status != 400 {
				t.Errorf("Plain() = %q; want it to say %q with the code", plain, tc.words)
			}
			// Only the domain refusal is one, so callers can name the
			// tenant's verified domains.
			if want := tc.name == "unverified domain"; errors.Is(err, graph.ErrUnverifiedDomain) != want {
				t.Errorf("errors.Is(%v, ErrUnverifiedDomain) = %v, want %v", err, !want, want)
			}
		})
	}
}

func TestCreateUserRefusesIncompleteInputBeforeSending(t *testing.T) {
	tn := startTenant(t, demotenant.Options{})
	before := tn.srv.GraphRequests()
	_, err := tn.client.CreateUser(context.Background(), graph.NewUser{UserPrincipalName: "no-domain"})
	if err == nil {
		t.Fatal("no error for a user without name, domain or password")
	}
	for _, words := range []string{"display name", "name@yourdomain.com", "initial password"} {
		if !strings.Contains(err.Error(), words) {
			t.Errorf("error %q does not mention %q", err, words)
		}
	}
	if n := tn.srv.GraphRequests() - before; n != 0 {
		t.Errorf("%d Graph requests sent for invalid input", n)
	}
}

package graph_test

import (
	"context"
	"errors"
	"testing"

	"golang.org/x/oauth2"

	"github.com/entra-wizard/entra-wizard/demotenant"
	"github.com/entra-wizard/entra-wizard/graph"
	"github.com/entra-wizard/entra-wizard/oauth"
)

// Signing a user out everywhere ends the sign-ins they made before: an
// app's saved sign-in is refused with AADSTS50173, and a new sign-in works.
func TestRevokeSessionsEndsEarlierSignIns(t *testing.T) {
	tn := startTenant(t, demotenant.Options{AutoSignIn: true})
	var member demotenant.SignInUser
	for _, u := range tn.info.Users {
		if !u.Admin && u.Note == "" {
			member = u
			break
		}
	}
	login := tn.login(member.UPN, "User.Read")
	tok, err := login.Run(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	u, err := tn.client.User(context.Background(), member.UPN)
	if err != nil {
		t.Fatal(err)
	}
	if err := tn.client.RevokeSessions(context.Background(), u.ID); err != nil {
		t.Fatalf("RevokeSessions: %v", err)
	}
	_, err = oauth.RefreshTokenSource(context.Background(), login, &oauth2.Token{RefreshToken: tok.RefreshToken}, nil).Token()
	var e *oauth.Error
	if !errors.As(err, &e) || e.Code != "AADSTS50173" || e.Hint == "" {
		t.Fatalf("the saved sign-in after revoking gave %v, want AADSTS50173 with a hint", err)
	}
	if _, err := login.Run(context.Background()); err != nil {
		t.Errorf("a new sign-in after revoking: %v", err)
	}
}

// Signing someone out takes a permission that writes users.
func TestRevokeSessionsNeedsUserReadWriteAll(t *testing.T) {
	tn := startTenant(t, demotenant.Options{Scenario: demotenant.ScenarioReadOnly})
	users, err := tn.client.Users(graph.UserQuery{Top: 1}).Next(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	err = tn.client.RevokeSessions(context.Background(), users[0].ID)
	if !errors.Is(err, graph.ErrDenied) {
		t.Fatalf("a read-only connection signing someone out: %v, want ErrDenied", err)
	}
}

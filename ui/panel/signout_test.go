package panel

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"golang.org/x/oauth2"

	"github.com/entra-wizard/entra-wizard/demotenant"
	"github.com/entra-wizard/entra-wizard/demotenant/demotest"
	"github.com/entra-wizard/entra-wizard/graph"
	"github.com/entra-wizard/entra-wizard/oauth"
)

// memberSignIn signs a member in through the real browser sign-in, as an
// app on their laptop would, and returns the sign-in and its token. The
// token is for User.Read unless other scopes are given.
func memberSignIn(t *testing.T, info demotenant.Info, upn string, scopes ...string) (oauth.LoopbackLogin, *oauth2.Token) {
	t.Helper()
	ep, err := oauth.CustomEndpoints(info.Authority, info.Graph)
	if err != nil {
		t.Fatal(err)
	}
	if len(scopes) == 0 {
		scopes = []string{"User.Read"}
	}
	login := oauth.LoopbackLogin{Endpoints: ep, Tenant: info.TenantID, ClientID: info.PublicClientID,
		Scopes: ep.DelegatedScopes(scopes...), LoginHint: upn, Timeout: 30 * time.Second,
		OpenURL: demotest.Browse}
	tok, err := login.Run(context.Background())
	if err != nil {
		t.Fatalf("%s signing in: %v", upn, err)
	}
	return login, tok
}

// Sign out everywhere asks first, naming the user, and then ends the
// sign-ins the user made before.
func TestSignOutEverywhereEndsTheUsersSignIns(t *testing.T) {
	h := newHarness(t, demotenant.Options{AutoSignIn: true})
	h.openConnection("Northwind")
	var upn string
	for _, u := range h.info.Users {
		if !u.Admin && u.Note == "" {
			upn = u.UPN
			break
		}
	}
	login, tok := memberSignIn(t, h.info, upn)
	u := h.selectUserWhere(strings.Split(upn, "@")[0], func(u graph.User) bool { return strings.EqualFold(u.UserPrincipalName, upn) })
	d := h.panel.users.details
	tapPanel(t, d.signOut.button)
	c := d.signOutConfirm
	if !strings.Contains(c.message.Text, u.DisplayName) || !strings.Contains(c.message.Text, u.UserPrincipalName) {
		t.Errorf("the confirmation %q does not name %s", c.message.Text, u.DisplayName)
	}
	tapPanel(t, c.confirm)
	h.waitText("the status", func() string { return d.status.Text }, u.DisplayName+" is signed out everywhere")

	_, err := oauth.RefreshTokenSource(context.Background(), login, &oauth2.Token{RefreshToken: tok.RefreshToken}, nil).Token()
	var e *oauth.Error
	if !errors.As(err, &e) || e.Code != "AADSTS50173" {
		t.Fatalf("the user's saved sign-in still works after Sign out everywhere: %v", err)
	}
}

// Disabling sign-in says that sessions already open keep working, and
// points to Sign out everywhere.
func TestDisableSignInSaysOpenSessionsGoOn(t *testing.T) {
	h := newHarness(t, demotenant.Options{})
	h.openConnection("Northwind")
	u := h.selectUser("Megan Bowen")
	d := h.panel.users.details
	tapPanel(t, d.toggle.button)
	h.waitText("the status", func() string { return d.status.Text }, u.DisplayName+" can no longer sign in")
	if !strings.Contains(d.status.Text, "keep working") || !strings.Contains(d.status.Text, "Sign out everywhere") {
		t.Errorf("status %q does not say open sessions go on", d.status.Text)
	}
}

// Reset password gives the user a generated password, shown once with
// Copy; the sign-ins made with the old one end.
func TestResetPasswordShowsTheNewPasswordOnce(t *testing.T) {
	h := newHarness(t, demotenant.Options{AutoSignIn: true})
	h.openConnection("Northwind")
	upn := "megan@" + h.info.TenantDomain
	login, tok := memberSignIn(t, h.info, upn)
	u := h.selectUser("Megan Bowen")
	d := h.panel.users.details
	tapPanel(t, d.resetPassword.button)
	r := d.passwordReset
	if !r.mustChange.Checked {
		t.Error("must change at next sign-in is not on by default")
	}
	tapPanel(t, r.reset)
	h.waitFor("the new password", func() bool { return r.shown != nil })
	password := r.shown.text.Text
	if len(password) < 12 {
		t.Fatalf("the new password has %d characters", len(password))
	}
	tapPanel(t, r.shown.copy)
	if h.panel.cfg.Clipboard.Content() != password {
		t.Error("Copy did not put the password on the clipboard")
	}
	if strings.Contains(d.status.Text, password) {
		t.Error("the status line shows the password")
	}
	_, err := oauth.RefreshTokenSource(context.Background(), login, &oauth2.Token{RefreshToken: tok.RefreshToken}, nil).Token()
	var e *oauth.Error
	if !errors.As(err, &e) || e.Code != "AADSTS50173" {
		t.Errorf("%s's sign-in with the old password still works: %v", u.DisplayName, err)
	}
}

// An administrator's password takes a stronger role, and the refusal says
// which; a synchronised user is sent to the on-premises directory.
func TestResetPasswordExplainsRefusals(t *testing.T) {
	h := newHarness(t, demotenant.Options{})
	h.openConnection("Northwind")
	d := h.panel.users.details
	h.selectUser("Tenant Administrator")
	tapPanel(t, d.resetPassword.button)
	tapPanel(t, d.passwordReset.reset)
	h.waitText("the refusal", func() string { return d.status.Text }, "Privileged Authentication Administrator or a Global Administrator")
	if d.passwordReset.shown != nil {
		t.Error("a refused reset showed a password")
	}

	all, err := h.client.Users(graph.UserQuery{Top: 999}).All(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	for _, u := range all {
		if u.OnPremisesSync {
			h.selectUserWhere(u.DisplayName, func(x graph.User) bool { return x.ID == u.ID })
			before := d.passwordReset
			tapPanel(t, d.resetPassword.button)
			if d.passwordReset != before {
				t.Error("the reset dialog opened for a synchronised user")
			}
			if !strings.Contains(d.status.Text, "on-premises Active Directory") {
				t.Errorf("status %q", d.status.Text)
			}
			return
		}
	}
	t.Fatal("the demo tenant has no synchronised user")
}
